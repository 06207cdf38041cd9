package io.clawmetry.core.discovery;

import java.nio.file.Path;
import java.nio.file.Paths;

/** Expands user paths as OpenClaw's {@code resolveUserPath}: a leading {@code ~} is the home, relative paths resolve
 * against a base directory. */
public final class UserPaths {

  private UserPaths() {}

  /**
   * Expands {@code raw}: {@code ~} and {@code ~/x} (or {@code ~\x}) relative to {@code home}; other relative paths
   * against {@code base}. The result is absolute and normalised. Returns null for a null,
   * blank or invalid input.
   */
  public static Path expand(String raw, Path home, Path base) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String s = raw.strip();
    try {
      return expandChecked(s, home, base);
    } catch (java.nio.file.InvalidPathException e) {
      return null;
    }
  }

  private static Path expandChecked(String s, Path home, Path base) {
    Path p;
    if (s.equals("~")) {
      p = home;
    } else if (s.startsWith("~/") || s.startsWith("~\\")) {
      p = home.resolve(s.substring(2));
    } else {
      p = Paths.get(s);
      if (!p.isAbsolute()) {
        p = base.resolve(p);
      }
    }
    return p.toAbsolutePath().normalize();
  }
}
