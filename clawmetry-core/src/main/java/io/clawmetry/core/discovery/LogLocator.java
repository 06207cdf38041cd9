package io.clawmetry.core.discovery;

import io.clawmetry.api.Resolved;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Finds the gateway log directory (§8 of the format notes): the directory of {@code logging.file} → {@code
 * /tmp/openclaw} if it exists → legacy {@code /tmp/moltbot}, {@code /tmp/clawdbot} → {@code <os tmp>/openclaw-<uid>}
 * if it exists → {@code /tmp/openclaw} (OpenClaw's preferred location, not yet created).
 */
final class LogLocator {

  /**
   * Where the logs are.
   *
   * @param dir the directory and why
   * @param names which file names in it are logs
   * @param exists whether the directory exists
   */
  record LogLocation(Resolved dir, LogFileNames names, boolean exists) {}

  private LogLocator() {}

  static LogLocation locate(Path configuredFile, HostDirs host, String profile) {
    if (configuredFile != null && configuredFile.getParent() != null) {
      Path dir = configuredFile.getParent();
      return new LogLocation(
          new Resolved(dir.toString(), "openclaw.json logging.file"),
          LogFileNames.fixed(configuredFile.getFileName().toString()),
          Files.isDirectory(dir));
    }
    Path preferred = host.tmpRoot().resolve("openclaw");
    if (Files.isDirectory(preferred)) {
      return new LogLocation(
          new Resolved(preferred.toString(), "/tmp/openclaw (exists)"), LogFileNames.daily("openclaw", profile), true);
    }
    for (String legacy : List.of("moltbot", "clawdbot")) {
      Path p = host.tmpRoot().resolve(legacy);
      if (Files.isDirectory(p)) {
        return new LogLocation(
            new Resolved(p.toString(), "legacy /tmp/" + legacy + " (exists)"), LogFileNames.daily(legacy, profile), true);
      }
    }
    Path fallback = host.javaTmpDir().resolve(host.uid() == null ? "openclaw" : "openclaw-" + host.uid());
    if (Files.isDirectory(fallback)) {
      return new LogLocation(
          new Resolved(fallback.toString(), "os tmpdir openclaw-<uid> (exists)"),
          LogFileNames.daily("openclaw", profile),
          true);
    }
    return new LogLocation(
        new Resolved(preferred.toString(), "default /tmp/openclaw (not found)"),
        LogFileNames.daily("openclaw", profile),
        false);
  }
}
