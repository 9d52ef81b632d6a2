package cn.chuangwen;

/**
 * A failed call into the library: {@link #code()} is the C API's {@code CW_E*} code and the message
 * is the library's own (what is wrong and where). One subclass per code, so callers catch what
 * they can handle.
 */
public class ChuangwenException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int code;

  public ChuangwenException(int code, String message) {
    super(message);
    this.code = code;
  }

  /** The C API's status code (negative). */
  public int code() {
    return code;
  }

  /** {@code CW_EINVALID}: an argument or input breaks a rule. */
  public static final class InvalidArgument extends ChuangwenException {
    private static final long serialVersionUID = 1L;

    public InvalidArgument(String message) {
      super(-1, message);
    }
  }

  /** {@code CW_ENOTFOUND}: a named id or file does not exist. */
  public static final class NotFound extends ChuangwenException {
    private static final long serialVersionUID = 1L;

    public NotFound(String message) {
      super(-2, message);
    }
  }

  /** {@code CW_EPARSE}: bytes are not a valid encoding of the message. */
  public static final class Parse extends ChuangwenException {
    private static final long serialVersionUID = 1L;

    public Parse(String message) {
      super(-3, message);
    }
  }

  /** {@code CW_EPERM}: the actor's role does not allow the action. */
  public static final class PermissionDenied extends ChuangwenException {
    private static final long serialVersionUID = 1L;

    public PermissionDenied(String message) {
      super(-4, message);
    }
  }

  /** {@code CW_ECONFLICT}: the action conflicts with the current state. */
  public static final class Conflict extends ChuangwenException {
    private static final long serialVersionUID = 1L;

    public Conflict(String message) {
      super(-5, message);
    }
  }

  /** {@code CW_EIO}: reading or writing a file failed. */
  public static final class Storage extends ChuangwenException {
    private static final long serialVersionUID = 1L;

    public Storage(String message) {
      super(-6, message);
    }
  }

  /** {@code CW_ENOMEM}: the library ran out of memory. */
  public static final class OutOfMemory extends ChuangwenException {
    private static final long serialVersionUID = 1L;

    public OutOfMemory(String message) {
      super(-7, message);
    }
  }

  /** {@code CW_EINTERNAL}: a bug in the library; please report it. */
  public static final class Internal extends ChuangwenException {
    private static final long serialVersionUID = 1L;

    public Internal(String message) {
      super(-8, message);
    }
  }

  /** {@code CW_EBUSY}: another process held the file's lock too long; nothing changed. */
  public static final class Busy extends ChuangwenException {
    private static final long serialVersionUID = 1L;

    public Busy(String message) {
      super(-9, message);
    }
  }

  /** A method was called on a handle after {@code close()}. */
  public static final class Closed extends ChuangwenException {
    private static final long serialVersionUID = 1L;

    public Closed(String what) {
      super(-1, what + " is closed");
    }
  }

  static ChuangwenException of(int code, String message) {
    switch (code) {
      case -1:
        return new InvalidArgument(message);
      case -2:
        return new NotFound(message);
      case -3:
        return new Parse(message);
      case -4:
        return new PermissionDenied(message);
      case -5:
        return new Conflict(message);
      case -6:
        return new Storage(message);
      case -7:
        return new OutOfMemory(message);
      case -8:
        return new Internal(message);
      case -9:
        return new Busy(message);
      default:
        return new ChuangwenException(code, message);
    }
  }
}
