package io.clawmetry.core.discovery;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Host locations discovery looks at besides the home: the {@code /tmp} root for gateway logs, the JVM temp dir, the
 * user id and the working directory. Tests pass their own.
 *
 * @param tmpRoot where OpenClaw's preferred log dir {@code openclaw/} lives ({@code /tmp})
 * @param javaTmpDir the OS temp dir, for the {@code openclaw-<uid>} fallback
 * @param uid the numeric user id, or null when unknown (then the fallback dir is {@code openclaw})
 * @param workingDir the working directory, whose {@code .env} OpenClaw reads
 */
public record HostDirs(Path tmpRoot, Path javaTmpDir, Integer uid, Path workingDir) {

  /** This machine: {@code /tmp}, {@code java.io.tmpdir}, the process uid, the current directory. */
  public static HostDirs system() {
    return new HostDirs(
        Paths.get("/tmp"),
        Paths.get(System.getProperty("java.io.tmpdir")),
        processUid(),
        Paths.get("").toAbsolutePath());
  }

  private static Integer processUid() {
    try {
      Path self = Paths.get("/proc/self");
      if (Files.exists(self)) {
        return (Integer) Files.getAttribute(self, "unix:uid");
      }
    } catch (Exception e) {
      // not a Unix host, or no /proc: fall through
    }
    return null;
  }
}
