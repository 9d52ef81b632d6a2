package cn.chuangwen;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageLite;
import com.google.protobuf.Parser;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;

/** The loaded library and the shapes every call takes. Internal. */
final class Lib {
  static final NativeApi API = NativeLoader.load();

  static final int FORMAT_BINARY = 0;
  static final int FORMAT_JSON = 1;
  static final int FORMAT_TEXT = 2;

  private Lib() {}

  /** Throws the exception for a non-zero status code, with this thread's last error. */
  static void check(int code) {
    if (code != 0) throw ChuangwenException.of(code, API.cw_last_error_message());
  }

  /** A call whose last two parameters are (out, out_size). */
  interface BytesCall {
    int call(PointerByReference out, LongByReference size);
  }

  /** The bytes a call answers, copied to the Java heap and freed in the library. */
  static byte[] bytes(BytesCall call) {
    PointerByReference out = new PointerByReference();
    LongByReference size = new LongByReference();
    check(call.call(out, size));
    Pointer p = out.getValue();
    try {
      if (p == null) return new byte[0];
      long n = size.getValue();
      if (n > Integer.MAX_VALUE - 8) {
        throw new ChuangwenException.OutOfMemory("answer of " + n + " bytes is too large for Java");
      }
      return p.getByteArray(0, (int) n);
    } finally {
      API.cw_free(p);
    }
  }

  /** A call answering a protobuf message in the binary format. */
  static <T extends MessageLite> T message(Parser<T> parser, BytesCall call) {
    byte[] data = bytes(call);
    try {
      return parser.parseFrom(data);
    } catch (InvalidProtocolBufferException e) {
      throw new ChuangwenException.Internal("the library's answer does not parse: " + e);
    }
  }

  static String text(BytesCall call) {
    return new String(bytes(call), java.nio.charset.StandardCharsets.UTF_8);
  }

  static byte[] utf8(String s) {
    return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }
}
