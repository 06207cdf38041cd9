package io.clawmetry.cli;

import com.github.luben.zstd.util.Native;
import io.clawmetry.core.discovery.Environment;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Map;
import org.sqlite.util.OSInfo;

/**
 * Not a command: the training run behind {@code bin/clawmetry}'s class-data-sharing archive. Runs the common
 * file-based commands in one JVM (started with {@code -XX:DumpLoadedClassList}) so the classes they load can be
 * archived. Every output is discarded; the environment is empty and the user home is {@code scratchDir}, so nothing
 * outside the given home is read and nothing is written (no command here talks to the gateway).
 *
 * <p>It also extracts the native libraries of sqlite-jdbc and zstd-jni for this platform into {@code NATIVE_DIR},
 * chosen the way those libraries choose them, so the launcher can point {@code org.sqlite.lib.path} and
 * {@code ZstdNativePath} at them: otherwise every run that opens an agent database (or a {@code .zst} transcript)
 * inflates the library into {@code java.io.tmpdir}, writes it and reads it back (~0.13 s for sqlite).
 *
 * <p>Arguments: {@code HOME SCRATCH_DIR [NATIVE_DIR]}, where HOME is an OpenClaw home to read (the launcher passes the
 * example home).
 */
public final class CdsTraining {

  private CdsTraining() {}

  /** Runs the training commands; always exits 0 (a failing command only trains less). */
  public static void main(String[] args) {
    if (args.length != 2 && args.length != 3) {
      System.err.println("usage: CdsTraining HOME SCRATCH_DIR [NATIVE_DIR]");
      System.exit(2);
    }
    if (args.length == 3) {
      Path dir = Path.of(args[2]);
      try {
        String name = System.mapLibraryName("sqlitejdbc");
        extract("/org/sqlite/native/" + OSInfo.getNativeLibFolderPathForCurrentOS() + "/" + name, dir, name);
        System.setProperty("org.sqlite.lib.path", dir.toString()); // train the path the runs will take
      } catch (IOException | RuntimeException e) {
        System.err.println("sqlite native library not extracted: " + e);
      }
      try {
        // zstd-jni's own choice of resource (private, hence reflection; without it zstd-jni extracts as before)
        Method resourceName = Native.class.getDeclaredMethod("resourceName");
        resourceName.setAccessible(true);
        Path lib = extract((String) resourceName.invoke(null), dir, "libzstd-jni" + suffix(System.mapLibraryName("x")));
        System.setProperty("ZstdNativePath", lib.toString());
      } catch (IOException | ReflectiveOperationException | RuntimeException e) {
        System.err.println("zstd native library not extracted: " + e);
      }
    }
    String home = args[0];
    Environment env = Environment.of(Map.of(), Path.of(args[1]));
    PrintWriter none = new PrintWriter(Writer.nullWriter());
    String[][] runs = {
      {"--version"},
      {"--help"},
      {"usage", "--home", home},
      {"usage", "daily", "--json", "--home", home},
      {"usage", "model", "--csv", "--home", home},
      {"sessions", "--home", home},
      {"sessions", "--json", "--home", home},
      {"subagents", "--home", home},
      {"overview", "--home", home},
      {"transcript", "agent:main:main", "--home", home},
    };
    for (String[] run : runs) {
      try {
        Main.run(run, none, none, env);
      } catch (RuntimeException | LinkageError e) {
        // training only (a native library that cannot load is a LinkageError): carry on with the next command
      }
    }
  }

  /** ".so" for "libx.so". */
  private static String suffix(String mapped) {
    return mapped.substring(mapped.lastIndexOf('.'));
  }

  /** Writes a resource of the jar to {@code dir/name} (dir created), checked byte for byte, replaced atomically. */
  static Path extract(String resource, Path dir, String name) throws IOException {
    byte[] lib;
    try (InputStream in = CdsTraining.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("not in the jar: " + resource);
      }
      lib = in.readAllBytes();
    }
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, name, ".tmp");
    Files.write(tmp, lib);
    try {
      Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--")); // like the jar beside it
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: its default is fine
    }
    if (!Arrays.equals(lib, Files.readAllBytes(tmp))) {
      Files.delete(tmp);
      throw new IOException("written library differs from " + resource);
    }
    return Files.move(tmp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
