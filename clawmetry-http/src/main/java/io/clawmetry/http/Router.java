package io.clawmetry.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * The one handler of the server: security headers on every answer, the Host check (DNS rebinding) on loopback, the
 * token check off loopback, the Origin check (CSRF) on every POST, then the routes. Failures become JSON errors
 * without stack traces.
 */
final class Router implements HttpHandler {

  private static final System.Logger LOG = System.getLogger(Router.class.getName());

  static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self';"
          + " font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  /** The largest request body accepted (login form, cron mutations). */
  static final int MAX_BODY = 8 * 1024;

  private final Auth auth;
  private final boolean loopback;
  private final ApiRoutes api;
  private final EventHub events;
  private final PrometheusMetrics metrics;
  private final StaticAssets assets;

  Router(Auth auth, boolean loopback, ApiRoutes api, EventHub events, PrometheusMetrics metrics, StaticAssets assets) {
    this.auth = auth;
    this.loopback = loopback;
    this.api = api;
    this.events = events;
    this.metrics = metrics;
    this.assets = assets;
  }

  private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();

  /** Requests being answered right now (event streams excluded once open). */
  int inFlight() {
    return inFlight.get();
  }

  @Override
  public void handle(HttpExchange ex) throws IOException {
    inFlight.incrementAndGet();
    try {
      dispatch(ex);
    } finally {
      inFlight.decrementAndGet();
    }
  }

  private void dispatch(HttpExchange ex) throws IOException {
    try {
      securityHeaders(ex.getResponseHeaders());
      if (loopback && !loopbackHost(ex.getRequestHeaders().getFirst("Host"))) {
        throw new HttpFailure(403, "host not allowed");
      }
      Request r = Request.of(ex);
      route(r);
    } catch (HttpFailure f) {
      Responses.error(ex, f.status(), f.getMessage());
    } catch (IOException e) {
      ex.close(); // the client went away
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "request failed: " + ex.getRequestMethod() + " " + ex.getRequestURI().getRawPath(), e);
      Responses.error(ex, 500, "internal error");
    }
  }

  private void route(Request r) throws IOException {
    HttpExchange ex = r.exchange();
    String first = r.segment(0);
    boolean post = "POST".equals(r.method());
    boolean get = "GET".equals(r.method()) || "HEAD".equals(r.method());
    if (!post && !get) {
      throw new HttpFailure(405, "method not allowed");
    }
    if (post) {
      checkOrigin(ex);
    }
    if ("login".equals(first) && r.segments().size() == 1) {
      login(r, post);
      return;
    }
    if ("logout".equals(first) && r.segments().size() == 1 && post) {
      ex.getResponseHeaders().add("Set-Cookie", auth.endSession(ex));
      redirect(ex, "/login");
      return;
    }
    if (auth.required() && !auth.authenticated(ex)) {
      ex.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"clawmetry\"");
      if (first == null || "index.html".equals(first)) {
        Responses.send(ex, 401, Responses.HTML, assets.bytes("login.html"));
      } else {
        Responses.error(ex, 401, "authentication required");
      }
      return;
    }
    if (first == null || (r.segments().size() == 1 && assets.has(first))) {
      if (!get) {
        throw new HttpFailure(405, "method not allowed");
      }
      assets.serve(ex, first == null ? "index.html" : first);
      return;
    }
    if ("metrics".equals(first) && r.segments().size() == 1) {
      if (!get) {
        throw new HttpFailure(405, "method not allowed");
      }
      Responses.text(ex, 200, PrometheusMetrics.CONTENT_TYPE, metrics.scrape());
      return;
    }
    if ("api".equals(first)) {
      if ("events".equals(r.segment(1)) && r.segments().size() == 2) {
        if (!get) {
          throw new HttpFailure(405, "method not allowed");
        }
        events.open(ex);
        return;
      }
      if (post && auth.hasToken() && !auth.authenticated(ex)) {
        throw new HttpFailure(401, "authentication required");
      }
      api.handle(r);
      return;
    }
    throw HttpFailure.notFound("not found");
  }

  private void login(Request r, boolean post) throws IOException {
    HttpExchange ex = r.exchange();
    if (!post) {
      Responses.send(ex, 200, Responses.HTML, assets.bytes("login.html"));
      return;
    }
    Map<String, String> form = Request.parseQuery(new String(r.body(MAX_BODY), StandardCharsets.UTF_8));
    if (!auth.matches(form.get("token"))) {
      ex.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"clawmetry\"");
      Responses.send(ex, 401, Responses.HTML, assets.bytes("login.html"));
      return;
    }
    ex.getResponseHeaders().add("Set-Cookie", auth.newSessionCookie());
    redirect(ex, "/");
  }

  private static void redirect(HttpExchange ex, String to) throws IOException {
    ex.getResponseHeaders().set("Location", to);
    Responses.send(ex, 303, Responses.TEXT, new byte[0]);
  }

  /** A POST must come from our own page: a valid bearer token, or an Origin equal to the Host (CSRF). */
  private void checkOrigin(HttpExchange ex) {
    if (auth.bearer(ex)) {
      return;
    }
    Headers h = ex.getRequestHeaders();
    String site = h.getFirst("Sec-Fetch-Site");
    if (site != null && !site.equals("same-origin") && !site.equals("none")) {
      throw new HttpFailure(403, "cross-site request refused");
    }
    String origin = h.getFirst("Origin");
    String host = h.getFirst("Host");
    if (origin == null || host == null) {
      throw new HttpFailure(403, "missing Origin");
    }
    try {
      URI o = URI.create(origin);
      if (o.getRawAuthority() == null || !o.getRawAuthority().equalsIgnoreCase(host)) {
        throw new HttpFailure(403, "cross-origin request refused");
      }
    } catch (IllegalArgumentException e) {
      throw new HttpFailure(403, "bad Origin");
    }
  }

  /** Whether a Host header names this machine's loopback (so a DNS-rebinding page cannot read the API). */
  static boolean loopbackHost(String host) {
    if (host == null) {
      return false;
    }
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[")) {
      int end = h.indexOf(']');
      return end > 0 && h.substring(1, end).equals("::1");
    }
    int colon = h.indexOf(':');
    String name = colon < 0 ? h : h.substring(0, colon);
    return name.equals("localhost") || name.matches("127(\\.\\d{1,3}){3}");
  }

  static void securityHeaders(Headers h) {
    h.set("Content-Security-Policy", CSP);
    h.set("X-Content-Type-Options", "nosniff");
    h.set("Referrer-Policy", "no-referrer");
    h.set("X-Frame-Options", "DENY");
    h.set("Cross-Origin-Opener-Policy", "same-origin");
    h.set("Cross-Origin-Resource-Policy", "same-origin");
  }
}
