package cn.chuangwen;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;

/**
 * China's working-day calendar (with 调休) as shipped; {@link Campaign} has the same queries on a
 * campaign's own calendar. Dates are "YYYY-MM-DD"; years outside the calendar throw
 * InvalidArgument unless {@code weekendFallback}.
 */
public final class WorkCalendar {
  private WorkCalendar() {}

  private static final int FALLBACK = 1;

  /** Whether a date is a working day. */
  public static boolean isWorkingDay(String date, boolean weekendFallback) {
    return isWorkingDay(null, date, weekendFallback);
  }

  /** The n-th working day after (n > 0) or before (n < 0) a date. */
  public static String addWorkingDays(String date, int n, boolean weekendFallback) {
    return addWorkingDays(null, date, n, weekendFallback);
  }

  /** Working days from {@code from} to {@code to}, both included. */
  public static int countWorkingDays(String from, String to, boolean weekendFallback) {
    return countWorkingDays(null, from, to, weekendFallback);
  }

  static boolean isWorkingDay(Pointer campaign, String date, boolean fallback) {
    IntByReference out = new IntByReference();
    Lib.check(
        Lib.API.cw_calendar_is_working_day(campaign, date, fallback ? FALLBACK : 0, out, null));
    return out.getValue() != 0;
  }

  static String addWorkingDays(Pointer campaign, String date, int n, boolean fallback) {
    byte[] out = new byte[11];
    Lib.check(
        Lib.API.cw_calendar_add_working_days(campaign, date, n, fallback ? FALLBACK : 0, out, null));
    return Native.toString(out, "US-ASCII");
  }

  static int countWorkingDays(Pointer campaign, String from, String to, boolean fallback) {
    IntByReference out = new IntByReference();
    Lib.check(
        Lib.API.cw_calendar_count_working_days(
            campaign, from, to, fallback ? FALLBACK : 0, out, null));
    return out.getValue();
  }
}
