package io.clawmetry.core.discovery;

import java.util.regex.Pattern;

/**
 * Which file names in the log directory are gateway logs: {@code openclaw-YYYY-MM-DD.log} (profiles: {@code
 * openclaw-<p>-YYYY-MM-DD.log}; legacy dirs {@code moltbot-…}, {@code clawdbot-…}), or the fixed name given by {@code
 * logging.file}; each with its rotations {@code .1.log} … {@code .5.log}.
 */
public final class LogFileNames {

  private final String pattern;
  private final Pattern regex;

  private LogFileNames(String pattern, Pattern regex) {
    this.pattern = pattern;
    this.regex = regex;
  }

  /** Dated daily files {@code <prefix>-YYYY-MM-DD.log}, with {@code -<profile>} after the prefix when set. */
  static LogFileNames daily(String prefix, String profile) {
    String stem = profile == null ? prefix : prefix + "-" + profile;
    return new LogFileNames(
        stem + "-YYYY-MM-DD.log",
        Pattern.compile(Pattern.quote(stem) + "-\\d{4}-\\d{2}-\\d{2}(?:\\.\\d+)?\\.log"));
  }

  /** One configured file name ({@code logging.file}) and its rotations. */
  static LogFileNames fixed(String fileName) {
    int dot = fileName.lastIndexOf('.');
    String base = dot > 0 ? fileName.substring(0, dot) : fileName;
    String ext = dot > 0 ? fileName.substring(dot) : "";
    return new LogFileNames(
        fileName, Pattern.compile(Pattern.quote(base) + "(?:\\.\\d+)?" + Pattern.quote(ext)));
  }

  /** The pattern for people, for example {@code openclaw-YYYY-MM-DD.log}. */
  public String pattern() {
    return pattern;
  }

  /** Whether a file name (no directory) is one of these logs. */
  public boolean matches(String fileName) {
    return regex.matcher(fileName).matches();
  }

  @Override
  public String toString() {
    return pattern;
  }
}
