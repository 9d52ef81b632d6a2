package cn.chuangwen;

import cn.chuangwen.v1.ArchiveIndex;
import cn.chuangwen.v1.CampaignStatus;
import cn.chuangwen.v1.CampaignStatusRequest;
import cn.chuangwen.v1.CompletenessReport;
import cn.chuangwen.v1.CompletenessReportRequest;
import cn.chuangwen.v1.DeductionInputs;
import cn.chuangwen.v1.EscalationList;
import cn.chuangwen.v1.EvidenceEvent;
import cn.chuangwen.v1.EvidenceEventBatch;
import cn.chuangwen.v1.EvidencePackage;
import cn.chuangwen.v1.EvidencePackageRequest;
import cn.chuangwen.v1.ItemHistory;
import cn.chuangwen.v1.LedgerEvent;
import cn.chuangwen.v1.LedgerEventBatch;
import cn.chuangwen.v1.LedgerItem;
import cn.chuangwen.v1.LedgerRecordBatch;
import cn.chuangwen.v1.LogAppend;
import cn.chuangwen.v1.MonthlyStats;
import cn.chuangwen.v1.OpenItemList;
import cn.chuangwen.v1.PointReport;
import cn.chuangwen.v1.ProgressReport;
import cn.chuangwen.v1.ProgressReportBatch;
import cn.chuangwen.v1.ReminderList;
import cn.chuangwen.v1.RepeatedProblemList;
import cn.chuangwen.v1.ReportDocument;
import cn.chuangwen.v1.ReportDocumentRequest;
import com.google.protobuf.MessageLite;
import com.google.protobuf.Parser;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;

/**
 * The supervision ledger (督查台账) with its evidence (佐证资料) and progress books: a SQLite file,
 * a log the caller keeps in its own database (OA clusters: {@link #newLog}, {@link #loadLog}), or
 * memory. One call at a time per ledger: calls from other threads wait their turn. Several
 * processes, or several Ledger objects, may write one file; each write first folds what the others
 * wrote.
 */
public final class Ledger extends Handle {
  private Ledger(Pointer p) {
    super(p, "ledger", true);
  }

  @Override
  void free(Pointer p) {
    Lib.API.cw_ledger_free(p);
  }

  /** A new ledger file over {@code campaign} (which must be valid); Conflict if it exists. */
  public static Ledger create(String path, Campaign campaign) {
    PointerByReference out = new PointerByReference();
    campaign.run(c -> Lib.check(Lib.API.cw_ledger_new(c, path, out)));
    return new Ledger(out.getValue());
  }

  /** A ledger in memory over {@code campaign}; nothing is stored. */
  public static Ledger inMemory(Campaign campaign) {
    PointerByReference out = new PointerByReference();
    campaign.run(c -> Lib.check(Lib.API.cw_ledger_new(c, null, out)));
    return new Ledger(out.getValue());
  }

  /** An existing ledger file. */
  public static Ledger open(String path) {
    PointerByReference out = new PointerByReference();
    Lib.check(Lib.API.cw_ledger_open(path, out));
    return new Ledger(out.getValue());
  }

  /** A new log over {@code campaign}; {@code firstRecords} receives record 1, to store first. */
  public static Ledger newLog(Campaign campaign, LedgerRecordBatch.Builder firstRecords) {
    PointerByReference out = new PointerByReference();
    byte[] first =
        campaign.use(
            c ->
                Lib.bytes((o, s) -> Lib.API.cw_ledger_log_new(c, Lib.FORMAT_BINARY, out, o, s)));
    Ledger ledger = new Ledger(out.getValue());
    try {
      firstRecords.mergeFrom(first);
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      ledger.close();
      throw new ChuangwenException.Internal("the library's answer does not parse: " + e);
    }
    return ledger;
  }

  /** A ledger folded from a log's records, record 1 first. */
  public static Ledger loadLog(LedgerRecordBatch records) {
    byte[] r = records.toByteArray();
    PointerByReference out = new PointerByReference();
    Lib.check(Lib.API.cw_ledger_log_load(r, r.length, Lib.FORMAT_BINARY, out));
    return new Ledger(out.getValue());
  }

  // ---- Writing -------------------------------------------------------------

  /** Appends events, all or none (PermissionDenied, Conflict, InvalidArgument name the event). */
  public void append(Iterable<LedgerEvent> events) {
    byte[] b = LedgerEventBatch.newBuilder().addAllEvents(events).build().toByteArray();
    run(p -> Lib.check(Lib.API.cw_ledger_append(p, b, b.length, Lib.FORMAT_BINARY)));
  }

  /** Appends events given in the protobuf text format (a LedgerEventBatch), all or none. */
  public void appendText(String batch) {
    byte[] b = Lib.utf8(batch);
    run(p -> Lib.check(Lib.API.cw_ledger_append(p, b, b.length, Lib.FORMAT_TEXT)));
  }

  /** Appends evidence events (submissions, sign-offs, rejections), all or none. */
  public void appendEvidence(Iterable<EvidenceEvent> events) {
    byte[] b = EvidenceEventBatch.newBuilder().addAllEvents(events).build().toByteArray();
    run(p -> Lib.check(Lib.API.cw_ledger_append_evidence(p, b, b.length, Lib.FORMAT_BINARY)));
  }

  /** Adds progress reports, all or none; none dated after {@code today} (may be null). */
  public void appendProgress(Iterable<ProgressReport> reports, String today) {
    byte[] b = ProgressReportBatch.newBuilder().addAllReports(reports).build().toByteArray();
    run(
        p ->
            Lib.check(
                Lib.API.cw_ledger_append_progress(p, b, b.length, Lib.FORMAT_BINARY, today)));
  }

  /** Puts a newer version of the campaign in force, recording why. */
  public void replaceCampaign(cn.chuangwen.v1.Campaign campaign, String reason) {
    byte[] b = campaign.toByteArray();
    run(
        p ->
            Lib.check(
                Lib.API.cw_ledger_replace_campaign(p, b, b.length, Lib.FORMAT_BINARY, reason)));
  }

  /** Folds what other processes wrote to the file since this handle last wrote or refreshed. */
  public void refresh() {
    run(p -> Lib.check(Lib.API.cw_ledger_refresh(p)));
  }

  /** The number of events. */
  public long eventCount() {
    return use(
        p -> {
          LongByReference n = new LongByReference();
          Lib.check(Lib.API.cw_ledger_event_count(p, n));
          return n.getValue();
        });
  }

  // ---- Queries ---------------------------------------------------------------

  private interface Query {
    int call(Pointer ledger, PointerByReference out, LongByReference size);
  }

  private <T extends MessageLite> T ask(Parser<T> parser, Query query) {
    return use(p -> Lib.message(parser, (o, s) -> query.call(p, o, s)));
  }

  /** One item's folded state. */
  public LedgerItem item(String itemId) {
    return ask(LedgerItem.parser(), (p, o, s) -> Lib.API.cw_ledger_item(p, itemId, 0, o, s));
  }

  /** The state and every event of an item or escalation. */
  public ItemHistory history(String itemId) {
    return ask(ItemHistory.parser(), (p, o, s) -> Lib.API.cw_ledger_history(p, itemId, 0, o, s));
  }

  /** Items not closed at {@code date}, of {@code unitId} and the units below it (null: all). */
  public OpenItemList outstanding(String date, String unitId) {
    return ask(
        OpenItemList.parser(),
        (p, o, s) -> Lib.API.cw_ledger_outstanding(p, unitId, date, 0, o, s));
  }

  /** Items overdue at {@code date}, oldest deadline first, with working days late. */
  public OpenItemList overdue(String date) {
    return ask(OpenItemList.parser(), (p, o, s) -> Lib.API.cw_ledger_overdue(p, date, 0, o, s));
  }

  /** Per unit: found, rectified on time and late, overdue, reopened, open ("YYYY-MM"). */
  public MonthlyStats monthlyStats(String month) {
    return ask(
        MonthlyStats.parser(), (p, o, s) -> Lib.API.cw_ledger_monthly_stats(p, month, 0, o, s));
  }

  /** Units with repeated findings of one category. */
  public RepeatedProblemList repeatedProblems(String date) {
    return ask(
        RepeatedProblemList.parser(),
        (p, o, s) -> Lib.API.cw_ledger_repeated_problems(p, date, 0, o, s));
  }

  /** 约谈 / 组织措施 the campaign's rules recommend. */
  public EscalationList escalations(String date) {
    return ask(
        EscalationList.parser(), (p, o, s) -> Lib.API.cw_ledger_escalations(p, date, 0, o, s));
  }

  /** Reminders (催办) due, at the level the ladder reached. */
  public ReminderList reminders(String date) {
    return ask(ReminderList.parser(), (p, o, s) -> Lib.API.cw_ledger_reminders(p, date, 0, o, s));
  }

  /** Inspection points with findings and open items. */
  public PointReport points(String date) {
    return ask(PointReport.parser(), (p, o, s) -> Lib.API.cw_ledger_points(p, date, 0, o, s));
  }

  /** The month's deduction occurrences as assessment inputs. */
  public DeductionInputs deductions(String month) {
    return ask(
        DeductionInputs.parser(), (p, o, s) -> Lib.API.cw_ledger_deductions(p, month, 0, o, s));
  }

  /** Progress at a date from the campaign's and the ledger's reports. */
  public CampaignStatus progressStatus(CampaignStatusRequest request) {
    byte[] r = request.toByteArray();
    return ask(
        CampaignStatus.parser(),
        (p, o, s) -> Lib.API.cw_ledger_progress_status(p, r, r.length, 0, 0, o, s));
  }

  /** Which required evidence is present, missing or rejected. */
  public CompletenessReport evidenceCompleteness(CompletenessReportRequest request) {
    byte[] r = request.toByteArray();
    return ask(
        CompletenessReport.parser(),
        (p, o, s) -> Lib.API.cw_ledger_evidence_completeness(p, r, r.length, 0, 0, o, s));
  }

  /** The archive index (资料汇编目录). */
  public ArchiveIndex evidenceArchive() {
    return ask(ArchiveIndex.parser(), (p, o, s) -> Lib.API.cw_ledger_evidence_archive(p, 0, o, s));
  }

  /** The evidence for one indicator over a span of months. */
  public EvidencePackage evidencePackage(EvidencePackageRequest request) {
    byte[] r = request.toByteArray();
    return ask(
        EvidencePackage.parser(),
        (p, o, s) -> Lib.API.cw_ledger_evidence_package(p, r, r.length, 0, 0, o, s));
  }

  /** A document (monthly bulletin, rectification notice, unit dossier) from the ledger. */
  public ReportDocument report(ReportDocumentRequest request) {
    byte[] r = request.toByteArray();
    return ask(
        ReportDocument.parser(),
        (p, o, s) -> Lib.API.cw_report_render(null, p, r, r.length, 0, 0, o, s));
  }

  /** The whole log as length-delimited LedgerRecord messages (ledger files only). */
  public byte[] export() {
    return use(p -> Lib.bytes((o, s) -> Lib.API.cw_ledger_export(p, o, s)));
  }

  /** Reads an exported log into this ledger file, which must hold no events yet. */
  public void importLog(byte[] data) {
    run(p -> Lib.check(Lib.API.cw_ledger_import(p, data, data.length)));
  }

  // ---- A log the caller keeps ----------------------------------------------

  /** The last record folded (ledgers over a caller's log only). */
  public long logSequence() {
    return use(
        p -> {
          LongByReference n = new LongByReference();
          Lib.check(Lib.API.cw_ledger_log_sequence(p, n));
          return n.getValue();
        });
  }

  /** Folds records stored since (those folded already are skipped). */
  public void logCatchUp(LedgerRecordBatch records) {
    byte[] r = records.toByteArray();
    run(p -> Lib.check(Lib.API.cw_ledger_log_catch_up(p, r, r.length, Lib.FORMAT_BINARY)));
  }

  /** The records to store for an append; the ledger does not change. */
  public LedgerRecordBatch logPrepare(LogAppend append) {
    byte[] r = append.toByteArray();
    return ask(
        LedgerRecordBatch.parser(),
        (p, o, s) -> Lib.API.cw_ledger_log_prepare(p, r, r.length, 0, 0, o, s));
  }
}
