package cn.chuangwen;

import cn.chuangwen.v1.Agenda;
import cn.chuangwen.v1.AgendaRequest;
import cn.chuangwen.v1.CampaignStatus;
import cn.chuangwen.v1.CampaignStatusRequest;
import cn.chuangwen.v1.DocumentChain;
import cn.chuangwen.v1.Explanation;
import cn.chuangwen.v1.GapReport;
import cn.chuangwen.v1.LoadSummary;
import cn.chuangwen.v1.PartyTasks;
import cn.chuangwen.v1.PhaseList;
import cn.chuangwen.v1.RankingTable;
import cn.chuangwen.v1.ReportDocument;
import cn.chuangwen.v1.ReportDocumentRequest;
import cn.chuangwen.v1.StatusColors;
import cn.chuangwen.v1.StatusColorsRequest;
import cn.chuangwen.v1.TaskParties;
import cn.chuangwen.v1.ValidationReport;
import com.google.protobuf.MessageLite;
import com.google.protobuf.Parser;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;

/**
 * A loaded campaign (chuangwen.v1.Campaign): who leads and is responsible for what, when it is due,
 * how units are scored. Immutable: any number of threads may query one at once.
 *
 * <pre>{@code
 * try (Campaign c = Campaign.fromFile("campaign.textproto")) {
 *   PartyTasks tasks = c.unitTasks("srk", false);
 *   RankingTable june = c.rank("2025-06", null);
 * }
 * }</pre>
 */
public final class Campaign extends Handle {
  private Campaign(Pointer p) {
    super(p, "campaign", false);
  }

  @Override
  void free(Pointer p) {
    Lib.API.cw_campaign_free(p);
  }

  private static Campaign load(byte[] data, int format) {
    PointerByReference out = new PointerByReference();
    Lib.check(Lib.API.cw_campaign_load(data, data.length, format, out));
    return new Campaign(out.getValue());
  }

  /** A campaign file: .textproto/.txtpb/.pbtxt, .json, or .pb/.bin (by the extension). */
  public static Campaign fromFile(String path) {
    PointerByReference out = new PointerByReference();
    Lib.check(Lib.API.cw_campaign_load_file(path, 3, out));
    return new Campaign(out.getValue());
  }

  /** A campaign message. */
  public static Campaign of(cn.chuangwen.v1.Campaign message) {
    return load(message.toByteArray(), Lib.FORMAT_BINARY);
  }

  /** A campaign in the protobuf binary format. */
  public static Campaign fromBytes(byte[] data) {
    return load(data, Lib.FORMAT_BINARY);
  }

  /** A campaign in the protobuf JSON mapping. */
  public static Campaign fromJson(String json) {
    return load(Lib.utf8(json), Lib.FORMAT_JSON);
  }

  /** A campaign in the protobuf text format. */
  public static Campaign fromText(String text) {
    return load(Lib.utf8(text), Lib.FORMAT_TEXT);
  }

  /** The campaign message (lossless). */
  public cn.chuangwen.v1.Campaign toMessage() {
    return ask(cn.chuangwen.v1.Campaign.parser(), (p, o, s) -> Lib.API.cw_campaign_save(p, Lib.FORMAT_BINARY, o, s));
  }

  /** The campaign in the protobuf JSON mapping. */
  public String toJson() {
    return use(p -> Lib.text((o, s) -> Lib.API.cw_campaign_save(p, Lib.FORMAT_JSON, o, s)));
  }

  /** The number of validation problems (0: valid). */
  public long problemCount() {
    return use(
        p -> {
          LongByReference n = new LongByReference();
          Lib.check(Lib.API.cw_campaign_problem_count(p, n));
          return n.getValue();
        });
  }

  /** Whether the campaign has no validation problems. */
  public boolean isValid() {
    return problemCount() == 0;
  }

  /** Every validation problem. */
  public ValidationReport problems() {
    return ask(ValidationReport.parser(), (p, o, s) -> Lib.API.cw_campaign_validate(p, Lib.FORMAT_BINARY, o, s));
  }

  // ---- Responsibilities -------------------------------------------------

  /** Every task the unit leads, is responsible for or assists (and its sub-units', if asked). */
  public PartyTasks unitTasks(String unitId, boolean includeChildUnits) {
    return ask(PartyTasks.parser(), (p, o, s) -> Lib.API.cw_campaign_unit_tasks( p, unitId, includeChildUnits ? 1 : 0, Lib.FORMAT_BINARY, o, s));
  }

  /** Every task the person is assigned to. */
  public PartyTasks personTasks(String personId) {
    return ask(PartyTasks.parser(), (p, o, s) -> Lib.API.cw_campaign_person_tasks(p, personId, Lib.FORMAT_BINARY, o, s));
  }

  /** Everyone involved in the task and their role. */
  public TaskParties taskParties(String taskId) {
    return ask(TaskParties.parser(), (p, o, s) -> Lib.API.cw_campaign_task_parties(p, taskId, Lib.FORMAT_BINARY, o, s));
  }

  /** Task counts by role for every unit and person. */
  public LoadSummary workload() {
    return ask(LoadSummary.parser(), (p, o, s) -> Lib.API.cw_campaign_workload(p, Lib.FORMAT_BINARY, o, s));
  }

  /** Leaf tasks with no lead leader or no responsible unit. */
  public GapReport gaps() {
    return ask(GapReport.parser(), (p, o, s) -> Lib.API.cw_campaign_gaps(p, Lib.FORMAT_BINARY, o, s));
  }

  /** The documents the task descends from, nearest first. */
  public DocumentChain documentChain(String taskId) {
    return ask(DocumentChain.parser(), (p, o, s) -> Lib.API.cw_campaign_document_chain(p, taskId, Lib.FORMAT_BINARY, o, s));
  }

  // ---- Calendar and schedule --------------------------------------------

  /** Whether a date ("YYYY-MM-DD") is a working day on the campaign's calendar. */
  public boolean isWorkingDay(String date) {
    return use(p -> WorkCalendar.isWorkingDay(p, date, false));
  }

  /** The n-th working day after (n > 0) or before (n < 0) a date. */
  public String addWorkingDays(String date, int n) {
    return use(p -> WorkCalendar.addWorkingDays(p, date, n, false));
  }

  /** Working days from {@code from} to {@code to}, both included. */
  public int countWorkingDays(String from, String to) {
    return use(p -> WorkCalendar.countWorkingDays(p, from, to, false));
  }

  /** The phases containing a date. */
  public PhaseList phasesAt(String date) {
    return ask(PhaseList.parser(), (p, o, s) -> Lib.API.cw_campaign_phases_at(p, date, Lib.FORMAT_BINARY, o, s));
  }

  /** Every deadline in a date range (of a unit or person, if the request names one). */
  public Agenda agenda(AgendaRequest request) {
    byte[] r = request.toByteArray();
    return ask(Agenda.parser(), (p, o, s) -> Lib.API.cw_campaign_agenda( p, r, r.length, Lib.FORMAT_BINARY, Lib.FORMAT_BINARY, o, s));
  }

  /** The agenda as an iCalendar (RFC 5545) document; {@code stampUtc} may be null (now). */
  public String agendaIcs(AgendaRequest request, String stampUtc) {
    byte[] r = request.toByteArray();
    return use(
        p ->
            Lib.text(
                (o, s) ->
                    Lib.API.cw_campaign_agenda_ics(
                        p, r, r.length, Lib.FORMAT_BINARY, stampUtc, o, s)));
  }

  /** The 红黄绿灯 colours of dated items. */
  public StatusColors statusColors(StatusColorsRequest request) {
    byte[] r = request.toByteArray();
    return ask(StatusColors.parser(), (p, o, s) -> Lib.API.cw_campaign_status_colors( p, r, r.length, Lib.FORMAT_BINARY, Lib.FORMAT_BINARY, o, s));
  }

  // ---- Assessment, progress, documents -----------------------------------

  /** The ranking of a month, quarter or year ("2025-06", "2025-Q2", "2025"); component may be null. */
  public RankingTable rank(String period, String componentId) {
    return ask(RankingTable.parser(), (p, o, s) -> Lib.API.cw_campaign_rank(p, period, componentId, Lib.FORMAT_BINARY, o, s));
  }

  /** One unit's breakdown in a period and the gap to the unit above. */
  public Explanation explain(String unitId, String period, String componentId) {
    return ask(Explanation.parser(), (p, o, s) -> Lib.API.cw_campaign_explain( p, unitId, period, componentId, Lib.FORMAT_BINARY, o, s));
  }

  /** Progress against targets at a date, from the campaign's own reports. */
  public CampaignStatus progressStatus(CampaignStatusRequest request) {
    byte[] r = request.toByteArray();
    return ask(CampaignStatus.parser(), (p, o, s) -> Lib.API.cw_campaign_progress_status( p, r, r.length, Lib.FORMAT_BINARY, Lib.FORMAT_BINARY, o, s));
  }

  /** A document (bulletin, notice, dossier) from the campaign alone. */
  public ReportDocument report(ReportDocumentRequest request) {
    byte[] r = request.toByteArray();
    return ask(ReportDocument.parser(), (p, o, s) -> Lib.API.cw_report_render( p, null, r, r.length, Lib.FORMAT_BINARY, Lib.FORMAT_BINARY, o, s));
  }

  private interface Query {
    int call(Pointer campaign, PointerByReference out, LongByReference size);
  }

  private <T extends MessageLite> T ask(Parser<T> parser, Query query) {
    return use(p -> Lib.message(parser, (o, s) -> query.call(p, o, s)));
  }

  /** Used by the classes that take a campaign. */
  <T> T with(java.util.function.Function<Pointer, T> call) {
    return use(call);
  }
}
