package cn.chuangwen;

import com.sun.jna.ptr.IntByReference;

/** The library as a whole: its version and its threads. */
public final class Chuangwen {
  private Chuangwen() {}

  /** The loaded library's version, "major.minor.patch". */
  public static String version() {
    return Lib.API.cw_version();
  }

  /** The loaded library's {major, minor, patch}. */
  public static int[] versionParts() {
    IntByReference major = new IntByReference();
    IntByReference minor = new IntByReference();
    IntByReference patch = new IntByReference();
    Lib.API.cw_version_parts(major, minor, patch);
    return new int[] {major.getValue(), minor.getValue(), patch.getValue()};
  }

  /**
   * Process-wide default for rankings: at most {@code threads} threads (0: the library decides,
   * two from 2^22 units; 1: only the calling thread; 2 or more: two from 2^16 units). {@code
   * spinMicroseconds} is checked (at least -1) and otherwise ignored. Only ranking starts threads,
   * one helper for the length of a call; an OA server keeps the library off its request threads'
   * cores with {@code configureThreads(1, -1)}.
   */
  public static void configureThreads(int threads, int spinMicroseconds) {
    Lib.check(Lib.API.cw_threads_configure(threads, spinMicroseconds));
  }
}
