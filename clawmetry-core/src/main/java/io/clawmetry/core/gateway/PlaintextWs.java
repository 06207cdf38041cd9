package io.clawmetry.core.gateway;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a gateway URL may be used without TLS, by OpenClaw's rule ({@code isSecureWebSocketUrl}): {@code wss://}
 * always; {@code ws://} to a loopback or private address ({@code localhost}, {@code 127/8}, {@code 10/8}, {@code
 * 172.16/12}, {@code 192.168/16}, {@code 169.254/16}, {@code ::1}, {@code fc00::/7}, {@code fe80::/10}) or to a
 * {@code .local} or {@code .ts.net} name; with {@code OPENCLAW_ALLOW_INSECURE_PRIVATE_WS=1} also to any name that is
 * not an IP address. Anything else would send the credential and the data in clear over the network.
 */
final class PlaintextWs {

  /** The environment variable that allows {@code ws://} to host names on a trusted private network. */
  static final String ALLOW_PRIVATE = "OPENCLAW_ALLOW_INSECURE_PRIVATE_WS";

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  private PlaintextWs() {}

  /** Null when {@code uri} may be used, else the one-line reason it may not. */
  static String refusal(URI uri, boolean allowPrivateNames) {
    if (!"ws".equals(uri.getScheme())) {
      return null;
    }
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT).replaceAll("\\.+$", "");
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    if (trusted(host) || allowPrivateNames && !host.isEmpty() && !isIpLiteral(host)) {
      return null;
    }
    return "SECURITY ERROR: gateway URL " + uri + " uses plaintext ws:// to a non-loopback address: the credential and"
        + " the data would be exposed on the network; use wss:// (on a trusted private network only: "
        + ALLOW_PRIVATE + "=1 allows ws:// to host names)";
  }

  private static boolean trusted(String host) {
    if (host.equals("localhost") || host.equals("localhost.localdomain") || host.endsWith(".localhost")
        || host.endsWith(".local") || host.endsWith(".ts.net")) {
      return true;
    }
    if (IPV4.matcher(host).matches()) {
      String[] p = host.split("\\.");
      int a = Integer.parseInt(p[0]);
      int b = Integer.parseInt(p[1]);
      return a == 127 || a == 10 || (a == 192 && b == 168) || (a == 169 && b == 254) || (a == 172 && b >= 16 && b <= 31);
    }
    if (host.contains(":")) {
      return host.equals("::1") || host.equals("0:0:0:0:0:0:0:1") || host.startsWith("fc") || host.startsWith("fd")
          || host.startsWith("fe80:");
    }
    return false;
  }

  /**
   * Whether {@code host} is an address rather than a name: IPv6, or any numeric IPv4 spelling the resolver accepts
   * ({@code 134744072}, {@code 0x7f.1}, {@code 010.0.0.1}), so that no spelling of a public address passes as a name.
   */
  private static boolean isIpLiteral(String host) {
    return host.contains(":") || NUMERIC_IPV4.matcher(host).matches();
  }

  private static final Pattern NUMERIC_IPV4 =
      Pattern.compile("(0x[0-9a-f]*|[0-9]+)(\\.(0x[0-9a-f]*|[0-9]+)){0,3}");
}
