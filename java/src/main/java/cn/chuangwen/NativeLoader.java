package cn.chuangwen;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds and loads libchuangwen, in this order:
 *
 * <ol>
 *   <li>the file named by the system property {@code chuangwen.library.path} (or the
 *       environment variable {@code CHUANGWEN_LIBRARY});
 *   <li>a library bundled in the jar at {@code /cn/chuangwen/native/<os>-<arch>/libchuangwen.so},
 *       extracted to a private directory under {@code chuangwen.tmpdir} (default {@code
 *       java.io.tmpdir});
 *   <li>the system-wide library ({@code libchuangwen.so.0}, from the Debian package or {@code
 *       cmake --install}, found by the dynamic loader or {@code jna.library.path}).
 * </ol>
 *
 * <p>The library must be of the major version this binding was built for.
 */
final class NativeLoader {
  private NativeLoader() {}

  static NativeApi load() {
    if (Native.SIZE_T_SIZE != 8) {
      throw new UnsatisfiedLinkError("chuangwen's Java binding needs a 64-bit JVM");
    }
    Map<String, Object> options = new HashMap<>();
    options.put(Library.OPTION_STRING_ENCODING, "UTF-8");
    List<String> tried = new ArrayList<>();
    String path = System.getProperty("chuangwen.library.path");
    if (path == null || path.isEmpty()) path = System.getenv("CHUANGWEN_LIBRARY");
    NativeApi api = null;
    if (path != null && !path.isEmpty()) {
      api = Native.load(path, NativeApi.class, options);
    }
    if (api == null) api = fromJar(options, tried);
    for (String name : new String[] {"libchuangwen.so." + Version.MAJOR, "chuangwen"}) {
      if (api != null) break;
      try {
        api = Native.load(name, NativeApi.class, options);
      } catch (UnsatisfiedLinkError e) {
        tried.add(name + ": " + e.getMessage());
      }
    }
    if (api == null) {
      throw new UnsatisfiedLinkError(
          "cannot load libchuangwen (install the libchuangwen"
              + Version.MAJOR
              + " package, or set -Dchuangwen.library.path=/path/to/libchuangwen.so): "
              + String.join("; ", tried));
    }
    checkVersion(api);
    return api;
  }

  private static void checkVersion(NativeApi api) {
    com.sun.jna.ptr.IntByReference major = new com.sun.jna.ptr.IntByReference();
    api.cw_version_parts(major, null, null);
    if (major.getValue() != Version.MAJOR) {
      throw new UnsatisfiedLinkError(
          "libchuangwen "
              + api.cw_version()
              + " is loaded, but this binding needs major version "
              + Version.MAJOR);
    }
  }

  private static String platform() {
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    if (arch.equals("amd64") || arch.equals("x86_64")) arch = "x86_64";
    if (arch.equals("arm64")) arch = "aarch64";
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    return (os.startsWith("linux") ? "linux" : os.replace(' ', '_')) + "-" + arch;
  }

  private static NativeApi fromJar(Map<String, Object> options, List<String> tried) {
    String resource = "/cn/chuangwen/native/" + platform() + "/libchuangwen.so";
    InputStream in = NativeLoader.class.getResourceAsStream(resource);
    if (in == null) {
      tried.add("jar: no " + resource);
      return null;
    }
    Path dir;
    Path file;
    try {
      String base = System.getProperty("chuangwen.tmpdir", System.getProperty("java.io.tmpdir"));
      dir = Files.createTempDirectory(new File(base).toPath(), "chuangwen-");
      try {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
      } catch (UnsupportedOperationException e) {
        // Not a POSIX file system: its default permissions stand.
      }
      file = dir.resolve("libchuangwen.so");
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UnsatisfiedLinkError("cannot extract " + resource + ": " + e);
    } finally {
      try {
        in.close();
      } catch (IOException ignored) {
        // Nothing was left open that matters.
      }
    }
    file.toFile().deleteOnExit();
    dir.toFile().deleteOnExit();
    try {
      return Native.load(file.toString(), NativeApi.class, options);
    } catch (UnsatisfiedLinkError e) {
      throw new UnsatisfiedLinkError(
          "cannot load the library extracted to "
              + file
              + " ("
              + e.getMessage()
              + "); if that directory is on a file system mounted noexec (often /tmp), set "
              + "-Dchuangwen.tmpdir to a directory that allows executables, or install the "
              + "system-wide library");
    }
  }
}
