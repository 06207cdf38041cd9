package io.clawmetry.core.discovery;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses {@code OPENCLAW_GATEWAY_PORT} as OpenClaw does: {@code 18789}, {@code host:18789} or {@code [::1]:18789}. */
final class GatewayPort {

  private static final Pattern DIGITS = Pattern.compile("\\d{1,5}");
  private static final Pattern BRACKETED = Pattern.compile("\\[[^\\]]+\\]:(\\d{1,5})");

  private GatewayPort() {}

  /** The port, or null when the value is not one of the accepted forms or not in 1..65535. */
  static Integer parse(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String s = raw.strip();
    if (DIGITS.matcher(s).matches()) {
      return valid(s);
    }
    Matcher m = BRACKETED.matcher(s);
    if (m.matches()) {
      return valid(m.group(1));
    }
    int first = s.indexOf(':');
    if (first <= 0 || first != s.lastIndexOf(':')) {
      return null;
    }
    String suffix = s.substring(first + 1);
    return DIGITS.matcher(suffix).matches() ? valid(suffix) : null;
  }

  private static Integer valid(String digits) {
    int p = Integer.parseInt(digits);
    return p > 0 && p <= 65535 ? p : null;
  }
}
