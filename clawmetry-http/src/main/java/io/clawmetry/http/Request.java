package io.clawmetry.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One request, with its path split into percent-decoded segments and its query parameters. Segments that could
 * climb directories ({@code .}, {@code ..}, anything holding a slash, a backslash or a control character once
 * decoded) are refused with 400 before any route sees them.
 *
 * @param exchange the exchange
 * @param method the method
 * @param segments the decoded path segments ({@code /api/sessions/a%3Ab} → {@code [api, sessions, a:b]})
 * @param query the decoded query parameters (first value wins)
 */
record Request(HttpExchange exchange, String method, List<String> segments, Map<String, String> query) {

  /** Parses the exchange's request line. */
  static Request of(HttpExchange ex) {
    String raw = ex.getRequestURI().getRawPath();
    if (raw == null || !raw.startsWith("/")) {
      throw HttpFailure.badRequest("bad path");
    }
    List<String> segs = new ArrayList<>();
    for (String s : raw.substring(1).split("/", -1)) {
      if (s.isEmpty()) {
        continue;
      }
      String d = decode(s);
      if (d.equals(".") || d.equals("..") || d.indexOf('/') >= 0 || d.indexOf('\\') >= 0 || hasControl(d)) {
        throw HttpFailure.badRequest("bad path segment");
      }
      segs.add(d);
    }
    return new Request(ex, ex.getRequestMethod(), List.copyOf(segs), parseQuery(ex.getRequestURI().getRawQuery()));
  }

  /** The path segment at {@code i}, or null. */
  String segment(int i) {
    return i < segments.size() ? segments.get(i) : null;
  }

  /** A query parameter, or null. */
  String param(String name) {
    return query.get(name);
  }

  /** Reads the body, refusing more than {@code max} bytes with 413. */
  byte[] body(int max) throws IOException {
    String len = exchange.getRequestHeaders().getFirst("Content-Length");
    if (len != null) {
      try {
        if (Long.parseLong(len.trim()) > max) {
          throw new HttpFailure(413, "request body too large");
        }
      } catch (NumberFormatException e) {
        throw HttpFailure.badRequest("bad Content-Length");
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[4096];
    try (InputStream in = exchange.getRequestBody()) {
      int n;
      while ((n = in.read(buf)) > 0) {
        if (out.size() + n > max) {
          throw new HttpFailure(413, "request body too large");
        }
        out.write(buf, 0, n);
      }
    }
    return out.toByteArray();
  }

  /** Parses {@code a=1&b=x%20y} (also a form body). */
  static Map<String, String> parseQuery(String raw) {
    if (raw == null || raw.isEmpty()) {
      return Collections.emptyMap();
    }
    Map<String, String> m = new LinkedHashMap<>();
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String k = decode(eq < 0 ? pair : pair.substring(0, eq));
      String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
      m.putIfAbsent(k, v);
    }
    return m;
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw HttpFailure.badRequest("bad percent-encoding");
    }
  }

  private static boolean hasControl(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < 0x20 || s.charAt(i) == 0x7f) {
        return true;
      }
    }
    return false;
  }
}
