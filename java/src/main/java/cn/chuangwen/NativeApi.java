package cn.chuangwen;

import com.sun.jna.Library;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;
import java.nio.ByteBuffer;
import java.nio.DoubleBuffer;
import java.nio.IntBuffer;

/**
 * Every function of the C API ({@code chuangwen/cw.h}), mapped by JNA. Types: handles are
 * {@link Pointer}s, {@code size_t} is {@code long} (64-bit hosts only, checked at load), strings
 * cross as UTF-8, bytes in as {@code byte[]}, bytes out as a {@link PointerByReference} and a
 * {@link LongByReference} freed with {@code cw_free}. Internal: use the typed classes.
 */
interface NativeApi extends Library {
  String cw_last_error_message();

  int cw_last_error_code();

  String cw_status_str(int code);

  String cw_version();

  int cw_version_number();

  void cw_version_parts(IntByReference major, IntByReference minor, IntByReference patch);

  void cw_free(Pointer p);

  int cw_threads_configure(int threads, int spinMicroseconds);

  // Campaign.
  int cw_campaign_load(byte[] data, long size, int format, PointerByReference out);

  int cw_campaign_load_file(String path, int format, PointerByReference out);

  void cw_campaign_free(Pointer campaign);

  int cw_campaign_save(Pointer campaign, int format, PointerByReference out, LongByReference size);

  int cw_campaign_problem_count(Pointer campaign, LongByReference out);

  int cw_campaign_validate(
      Pointer campaign, int format, PointerByReference out, LongByReference size);

  int cw_campaign_unit_tasks(
      Pointer campaign,
      String unitId,
      int includeChildUnits,
      int format,
      PointerByReference out,
      LongByReference size);

  int cw_campaign_person_tasks(
      Pointer campaign, String personId, int format, PointerByReference out, LongByReference size);

  int cw_campaign_task_parties(
      Pointer campaign, String taskId, int format, PointerByReference out, LongByReference size);

  int cw_campaign_workload(
      Pointer campaign, int format, PointerByReference out, LongByReference size);

  int cw_campaign_gaps(Pointer campaign, int format, PointerByReference out, LongByReference size);

  int cw_campaign_document_chain(
      Pointer campaign, String taskId, int format, PointerByReference out, LongByReference size);

  // Calendar and schedule.
  int cw_calendar_is_working_day(
      Pointer campaign, String date, int flags, IntByReference out, IntByReference usedFallback);

  int cw_calendar_add_working_days(
      Pointer campaign, String date, int n, int flags, byte[] out, IntByReference usedFallback);

  int cw_calendar_count_working_days(
      Pointer campaign,
      String from,
      String to,
      int flags,
      IntByReference out,
      IntByReference usedFallback);

  int cw_campaign_phases_at(
      Pointer campaign, String date, int format, PointerByReference out, LongByReference size);

  int cw_campaign_agenda(
      Pointer campaign,
      byte[] request,
      long requestSize,
      int requestFormat,
      int format,
      PointerByReference out,
      LongByReference size);

  int cw_campaign_agenda_ics(
      Pointer campaign,
      byte[] request,
      long requestSize,
      int requestFormat,
      String stampUtc,
      PointerByReference out,
      LongByReference size);

  int cw_campaign_status_colors(
      Pointer campaign,
      byte[] request,
      long requestSize,
      int requestFormat,
      int format,
      PointerByReference out,
      LongByReference size);

  // Assessment.
  int cw_campaign_rank(
      Pointer campaign,
      String period,
      String componentId,
      int format,
      PointerByReference out,
      LongByReference size);

  int cw_campaign_explain(
      Pointer campaign,
      String unitId,
      String period,
      String componentId,
      int format,
      PointerByReference out,
      LongByReference size);

  int cw_assessment_book_new(PointerByReference out);

  int cw_assessment_book_load(byte[] data, long size, int format, PointerByReference out);

  void cw_assessment_book_free(Pointer book);

  int cw_assessment_book_close_period(
      Pointer book, Pointer campaign, String period, String componentId, String actor, String at);

  int cw_assessment_book_reopen_period(
      Pointer book, String period, String componentId, String actor, String at, String reason);

  int cw_assessment_book_frozen_table(
      Pointer book,
      String period,
      String componentId,
      int format,
      PointerByReference out,
      LongByReference size);

  int cw_assessment_book_frozen_csv(
      Pointer book, String period, String componentId, PointerByReference out, LongByReference size);

  int cw_assessment_book_save(
      Pointer book, int format, PointerByReference out, LongByReference size);

  int cw_weights_derive(
      byte[] request,
      long requestSize,
      int requestFormat,
      int format,
      PointerByReference out,
      LongByReference size);

  int cw_rank_robustness(
      byte[] request,
      long requestSize,
      int requestFormat,
      int format,
      PointerByReference out,
      LongByReference size);

  // Ranking over plain arrays: direct buffers cross without copying.
  int cw_rank_arrays(
      DoubleBuffer scores,
      long units,
      long indicators,
      DoubleBuffer weights,
      ByteBuffer vetoed,
      IntBuffer groups,
      int ties,
      int flags,
      IntBuffer outRank,
      IntBuffer outGroupRank,
      DoubleBuffer outComposite);

  int cw_rank_workspace_new(PointerByReference out);

  void cw_rank_workspace_free(Pointer workspace);

  int cw_rank_workspace_set_threads(Pointer workspace, int threads, int spinMicroseconds);

  int cw_rank_arrays_in(
      Pointer workspace,
      DoubleBuffer scores,
      long units,
      long indicators,
      DoubleBuffer weights,
      ByteBuffer vetoed,
      IntBuffer groups,
      int ties,
      int flags,
      IntBuffer outRank,
      IntBuffer outGroupRank,
      DoubleBuffer outComposite);

  int cw_rank_index_new(
      DoubleBuffer composite, long units, ByteBuffer vetoed, IntBuffer groups, PointerByReference out);

  void cw_rank_index_free(Pointer index);

  int cw_rank_index_update(
      Pointer index, long unit, double composite, IntByReference rank, IntByReference groupRank);

  int cw_rank_index_rank(Pointer index, long unit, IntByReference rank, IntByReference groupRank);

  // Ledger.
  int cw_ledger_new(Pointer campaign, String path, PointerByReference out);

  int cw_ledger_open(String path, PointerByReference out);

  void cw_ledger_free(Pointer ledger);

  int cw_ledger_append(Pointer ledger, byte[] batch, long size, int format);

  int cw_ledger_replace_campaign(
      Pointer ledger, byte[] campaign, long size, int format, String reason);

  int cw_ledger_event_count(Pointer ledger, LongByReference out);

  int cw_ledger_item(
      Pointer ledger, String itemId, int format, PointerByReference out, LongByReference size);

  int cw_ledger_history(
      Pointer ledger, String itemId, int format, PointerByReference out, LongByReference size);

  int cw_ledger_outstanding(
      Pointer ledger,
      String unitId,
      String date,
      int format,
      PointerByReference out,
      LongByReference size);

  int cw_ledger_overdue(
      Pointer ledger, String date, int format, PointerByReference out, LongByReference size);

  int cw_ledger_monthly_stats(
      Pointer ledger, String month, int format, PointerByReference out, LongByReference size);

  int cw_ledger_repeated_problems(
      Pointer ledger, String date, int format, PointerByReference out, LongByReference size);

  int cw_ledger_escalations(
      Pointer ledger, String date, int format, PointerByReference out, LongByReference size);

  int cw_ledger_reminders(
      Pointer ledger, String date, int format, PointerByReference out, LongByReference size);

  int cw_ledger_points(
      Pointer ledger, String date, int format, PointerByReference out, LongByReference size);

  int cw_ledger_deductions(
      Pointer ledger, String month, int format, PointerByReference out, LongByReference size);

  int cw_ledger_export(Pointer ledger, PointerByReference out, LongByReference size);

  int cw_ledger_import(Pointer ledger, byte[] data, long size);

  int cw_ledger_append_evidence(Pointer ledger, byte[] batch, long size, int format);

  int cw_ledger_evidence_completeness(
      Pointer ledger,
      byte[] request,
      long size,
      int requestFormat,
      int format,
      PointerByReference out,
      LongByReference outSize);

  int cw_ledger_evidence_archive(
      Pointer ledger, int format, PointerByReference out, LongByReference size);

  int cw_ledger_evidence_package(
      Pointer ledger,
      byte[] request,
      long size,
      int requestFormat,
      int format,
      PointerByReference out,
      LongByReference outSize);

  int cw_report_render(
      Pointer campaign,
      Pointer ledger,
      byte[] request,
      long size,
      int requestFormat,
      int format,
      PointerByReference out,
      LongByReference outSize);

  int cw_campaign_progress_status(
      Pointer campaign,
      byte[] request,
      long size,
      int requestFormat,
      int format,
      PointerByReference out,
      LongByReference outSize);

  int cw_ledger_append_progress(Pointer ledger, byte[] batch, long size, int format, String today);

  int cw_ledger_progress_status(
      Pointer ledger,
      byte[] request,
      long size,
      int requestFormat,
      int format,
      PointerByReference out,
      LongByReference outSize);

  int cw_ledger_refresh(Pointer ledger);

  int cw_ledger_log_new(
      Pointer campaign,
      int firstFormat,
      PointerByReference out,
      PointerByReference outFirst,
      LongByReference outFirstSize);

  int cw_ledger_log_load(byte[] records, long size, int format, PointerByReference out);

  int cw_ledger_log_sequence(Pointer ledger, LongByReference out);

  int cw_ledger_log_catch_up(Pointer ledger, byte[] records, long size, int format);

  int cw_ledger_log_prepare(
      Pointer ledger,
      byte[] append,
      long size,
      int format,
      int outFormat,
      PointerByReference out,
      LongByReference outSize);

  // Plans.
  int cw_plan_import(
      byte[] text,
      long size,
      byte[] options,
      long optionsSize,
      int optionsFormat,
      int format,
      PointerByReference out,
      LongByReference outSize);

  int cw_plan_link(
      byte[] child,
      long childSize,
      byte[] parent,
      long parentSize,
      int inFormat,
      int format,
      PointerByReference out,
      LongByReference outSize);
}
