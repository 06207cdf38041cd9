package io.clawmetry.core.gateway;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a gateway URL may be used without TLS, by OpenClaw's rule ({@code isSecureWebSocketUrl}): {@code wss://}
 * always; {@code ws://} to {@code localhost}, to a loopback or private address ({@code 127/8}, {@code 10/8}, {@code
 * 172.16/12}, {@code 192.168/16}, {@code 169.254/16}, {@code 100.64/10}, {@code ::1}, {@code fc00::/7}, {@code
 * fe80::/10}, {@code fec0::/10}, IPv4-mapped forms of these) or to a {@code .local} or {@code .ts.net} name; with
 * {@code OPENCLAW_ALLOW_INSECURE_PRIVATE_WS=1} also to any name that is not an address. Every numeric spelling of an
 * address the resolver accepts ({@code 134744072}) is classified as the address it is. Anything else would send the
 * credential and the data in clear over the network.
 */
final class PlaintextWs {

  /** The environment variable that allows {@code ws://} to host names on a trusted private network. */
  static final String ALLOW_PRIVATE = "OPENCLAW_ALLOW_INSECURE_PRIVATE_WS";

  /** Numeric IPv4 spellings (decimal, octal or hex parts, one to four of them). */
  private static final Pattern NUMERIC_IPV4 = Pattern.compile("(0x[0-9a-f]*|[0-9]+)(\\.(0x[0-9a-f]*|[0-9]+)){0,3}");

  /** Decimal IPv4 spellings Java's resolver parses itself, without a lookup ({@code a}, {@code a.b}, ... ). */
  private static final Pattern DECIMAL_IPV4 = Pattern.compile("[0-9]+(\\.[0-9]+){0,3}");

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
    boolean address = host.contains(":") || NUMERIC_IPV4.matcher(host).matches();
    boolean trusted = address ? privateOrLoopback(host)
        : host.equals("localhost") || host.endsWith(".local") || host.endsWith(".ts.net")
            || allowPrivateNames && !host.isEmpty();
    if (trusted) {
      return null;
    }
    return "SECURITY ERROR: gateway URL " + uri + " uses plaintext ws:// to a non-loopback address: the credential and"
        + " the data would be exposed on the network; use wss:// (on a trusted private network only: "
        + ALLOW_PRIVATE + "=1 allows ws:// to host names)";
  }

  /** Whether the address literal {@code host} is loopback or private; false for a spelling not parsed here. */
  private static boolean privateOrLoopback(String host) {
    if (!host.contains(":") && !DECIMAL_IPV4.matcher(host).matches()) {
      return false; // hex or octal-looking parts: not worth the doubt
    }
    InetAddress a;
    try {
      a = InetAddress.getByName(host); // a literal: parsed, never looked up
    } catch (UnknownHostException | IllegalArgumentException e) {
      return false;
    }
    if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress()) {
      return true; // 127/8, ::1; 10/8, 172.16/12, 192.168/16, fec0::/10; 169.254/16, fe80::/10
    }
    byte[] b = a.getAddress();
    if (a instanceof Inet4Address) {
      return (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64; // 100.64/10 (carrier-grade NAT, Tailscale)
    }
    return a instanceof Inet6Address && (b[0] & 0xfe) == 0xfc; // fc00::/7
  }
}
