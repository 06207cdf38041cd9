package io.clawmetry.http;

import com.sun.net.httpserver.HttpExchange;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The dashboard's token check. A request is authenticated by {@code Authorization: Bearer <token>} or by the session
 * cookie the login form sets (a random id, never the token itself). Tokens are compared in constant time on their
 * SHA-256 digests. The token is never logged and never put in a URL.
 */
final class Auth {

  static final String COOKIE = "clawmetry_session";
  static final Duration SESSION_LIFETIME = Duration.ofHours(12);
  private static final int MAX_SESSIONS = 1000;

  private final byte[] tokenDigest;
  private final boolean required;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Instant> sessions = new ConcurrentHashMap<>();

  /**
   * @param token the token, or null when none is configured
   * @param required whether every route needs it (the server is bound off loopback)
   */
  Auth(String token, boolean required, Clock clock) {
    this.tokenDigest = token == null || token.isEmpty() ? null : sha256(token);
    this.required = required;
    this.clock = clock;
    if (required && tokenDigest == null) {
      throw new IllegalStateException("a token is required off loopback");
    }
  }

  /** Whether every route needs the token. */
  boolean required() {
    return required;
  }

  /** Whether a token is configured at all. */
  boolean hasToken() {
    return tokenDigest != null;
  }

  /** Whether the request carries the token as a bearer header. */
  boolean bearer(HttpExchange ex) {
    String h = ex.getRequestHeaders().getFirst("Authorization");
    if (h == null || tokenDigest == null || !h.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    return matches(h.substring(7).trim());
  }

  /** Whether the request carries a live session cookie. */
  boolean cookie(HttpExchange ex) {
    String id = cookieValue(ex);
    if (id == null) {
      return false;
    }
    Instant exp = sessions.get(id);
    if (exp == null) {
      return false;
    }
    if (clock.instant().isAfter(exp)) {
      sessions.remove(id);
      return false;
    }
    return true;
  }

  /** Whether the request is authenticated by bearer token or cookie. */
  boolean authenticated(HttpExchange ex) {
    return bearer(ex) || cookie(ex);
  }

  /** Whether {@code candidate} is the token (constant time). */
  boolean matches(String candidate) {
    return tokenDigest != null && candidate != null && MessageDigest.isEqual(tokenDigest, sha256(candidate));
  }

  /** Starts a login session and returns its {@code Set-Cookie} header value. */
  String newSessionCookie() {
    Instant now = clock.instant();
    sessions.values().removeIf(exp -> now.isAfter(exp));
    if (sessions.size() >= MAX_SESSIONS) {
      sessions.clear();
    }
    byte[] b = new byte[32];
    random.nextBytes(b);
    String id = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    sessions.put(id, now.plus(SESSION_LIFETIME));
    return COOKIE + "=" + id + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + SESSION_LIFETIME.toSeconds();
  }

  /** Ends the request's login session and returns the {@code Set-Cookie} value that clears it. */
  String endSession(HttpExchange ex) {
    String id = cookieValue(ex);
    if (id != null) {
      sessions.remove(id);
    }
    return COOKIE + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0";
  }

  private static String cookieValue(HttpExchange ex) {
    for (String header : ex.getRequestHeaders().getOrDefault("Cookie", java.util.List.of())) {
      for (String part : header.split(";")) {
        String p = part.trim();
        if (p.startsWith(COOKIE + "=")) {
          return p.substring(COOKIE.length() + 1);
        }
      }
    }
    return null;
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
