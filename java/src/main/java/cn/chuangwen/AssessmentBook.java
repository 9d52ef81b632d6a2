package cn.chuangwen;

import cn.chuangwen.v1.RankingTable;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;

/**
 * Closed periods: frozen rankings and the recorded reopenings (who, when, why). Calls from several
 * threads are serialised.
 */
public final class AssessmentBook extends Handle {
  private AssessmentBook(Pointer p) {
    super(p, "assessment book", true);
  }

  @Override
  void free(Pointer p) {
    Lib.API.cw_assessment_book_free(p);
  }

  /** An empty book. */
  public static AssessmentBook create() {
    PointerByReference out = new PointerByReference();
    Lib.check(Lib.API.cw_assessment_book_new(out));
    return new AssessmentBook(out.getValue());
  }

  /** A book saved by {@link #save()}. */
  public static AssessmentBook load(byte[] saved) {
    PointerByReference out = new PointerByReference();
    Lib.check(Lib.API.cw_assessment_book_load(saved, saved.length, Lib.FORMAT_BINARY, out));
    return new AssessmentBook(out.getValue());
  }

  /** Ranks a period now and freezes it; Conflict if it is closed already. {@code at}: RFC 3339. */
  public void closePeriod(
      Campaign campaign, String period, String componentId, String actor, String at) {
    run(
        b ->
            campaign.run(
                c ->
                    Lib.check(
                        Lib.API.cw_assessment_book_close_period(
                            b, c, period, componentId, actor, at))));
  }

  /** Reopens a closed period, recording who, when and why. */
  public void reopenPeriod(
      String period, String componentId, String actor, String at, String reason) {
    run(
        b ->
            Lib.check(
                Lib.API.cw_assessment_book_reopen_period(
                    b, period, componentId, actor, at, reason)));
  }

  /** The frozen ranking of a closed period. */
  public RankingTable frozenTable(String period, String componentId) {
    return use(
        b ->
            Lib.message(
                RankingTable.parser(),
                (o, s) ->
                    Lib.API.cw_assessment_book_frozen_table(
                        b, period, componentId, Lib.FORMAT_BINARY, o, s)));
  }

  /** The frozen ranking as CSV (CRLF, header row first). */
  public String frozenCsv(String period, String componentId) {
    return use(
        b -> Lib.text((o, s) -> Lib.API.cw_assessment_book_frozen_csv(b, period, componentId, o, s)));
  }

  /** The whole book, to store and {@link #load} again. */
  public byte[] save() {
    return use(b -> Lib.bytes((o, s) -> Lib.API.cw_assessment_book_save(b, Lib.FORMAT_BINARY, o, s)));
  }
}
