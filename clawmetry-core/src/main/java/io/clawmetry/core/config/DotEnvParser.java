package io.clawmetry.core.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** Parses a {@code .env} file as the {@code dotenv} package does for single-line values. */
final class DotEnvParser {

  private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

  private DotEnvParser() {}

  /** The variables of a {@code .env} text; malformed lines are skipped (dotenv ignores them too). */
  static Map<String, String> parse(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String raw : text.split("\r\n|\r|\n")) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("export ")) {
        line = line.substring("export ".length()).strip();
      }
      int eq = line.indexOf('=');
      if (eq <= 0) {
        continue;
      }
      String key = line.substring(0, eq).strip();
      if (!KEY.matcher(key).matches()) {
        continue;
      }
      out.put(key, value(line.substring(eq + 1).strip()));
    }
    return out;
  }

  private static String value(String v) {
    if (v.length() >= 2) {
      char q = v.charAt(0);
      if (q == '"' || q == '\'' || q == '`') {
        int end = v.indexOf(q, 1);
        if (end > 0) {
          String inner = v.substring(1, end);
          return q == '"' ? inner.replace("\\n", "\n").replace("\\r", "\r") : inner;
        }
      }
    }
    int hash = v.indexOf(" #");
    return (hash >= 0 ? v.substring(0, hash) : v).strip();
  }
}
