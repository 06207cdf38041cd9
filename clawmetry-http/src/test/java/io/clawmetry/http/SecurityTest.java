package io.clawmetry.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clawmetry.api.ClawMetry;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Token, cookie, CSRF, Host, traversal, body size, error and bridge cases. */
@Timeout(60)
class SecurityTest {

  static final String TOKEN = "s3cret-token-for-tests";

  @TempDir static Path tmp;
  static ClawMetry cm;

  @BeforeAll
  static void open() {
    cm = TestHomes.open(TestHomes.exampleHome(), tmp.resolve("user"));
  }

  @AfterAll
  static void close() {
    cm.close();
  }

  @Test
  void loopbackNeedsNoToken() throws Exception {
    try (TestServer s = new TestServer(ClawMetryServer.builder().clawMetry(cm))) {
      assertTrue(s.server.loopback());
      assertEquals(200, s.get("/api/overview").statusCode());
      assertEquals(200, s.get("/metrics").statusCode());
    }
  }

  @Test
  void offLoopbackWithoutTokenRefusesToStart() {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> ClawMetryServer.builder().clawMetry(cm).bind("0.0.0.0").port(0).build());
    assertTrue(e.getMessage().contains("without a token"));
    assertThrows(IllegalStateException.class,
        () -> ClawMetryServer.builder().clawMetry(cm).bind("0.0.0.0").token("").port(0).build());
  }

  @Test
  void offLoopbackEveryRouteNeedsTheToken() throws Exception {
    try (TestServer s = new TestServer(ClawMetryServer.builder().clawMetry(cm).bind("0.0.0.0").token(TOKEN))) {
      assertFalse(s.server.loopback());
      for (String p : List.of("/", "/index.html", "/app.js", "/api/overview", "/api/sessions", "/api/events", "/metrics",
          "/api/usage.csv")) {
        HttpResponse<String> none = s.get(p);
        assertEquals(401, none.statusCode(), p);
        assertFalse(none.body().contains(TOKEN), p);
        assertEquals(401, s.get(p, "Authorization", "Bearer wrong-token").statusCode(), p);
        assertEquals(401, s.get(p, "Authorization", "Basic " + TOKEN).statusCode(), p);
      }
      assertTrue(s.get("/").body().contains("action=\"/login\""), "the page answers with the login form");
      for (String p : List.of("/", "/api/overview", "/metrics")) {
        assertEquals(200, s.get(p, "Authorization", "Bearer " + TOKEN).statusCode(), p);
      }
      // the event stream with the token opens (200, event-stream); read the first frame only
      var req = s.request("/api/events").header("Authorization", "Bearer " + TOKEN).GET().build();
      HttpResponse<InputStream> ev = s.client.send(req, HttpResponse.BodyHandlers.ofInputStream());
      assertEquals(200, ev.statusCode());
      assertTrue(ev.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
      ev.body().close();
    }
  }

  @Test
  void loginFormSetsAStrictHttpOnlyCookie() throws Exception {
    try (TestServer s = new TestServer(ClawMetryServer.builder().clawMetry(cm).bind("0.0.0.0").token(TOKEN))) {
      String form = "application/x-www-form-urlencoded";
      HttpResponse<String> bad = s.post("/login", "token=nope", "Content-Type", form, "Origin", s.origin());
      assertEquals(401, bad.statusCode());
      assertTrue(bad.headers().allValues("Set-Cookie").isEmpty());
      assertEquals(403, s.post("/login", "token=" + TOKEN, "Content-Type", form, "Origin", "http://evil.example").statusCode());
      HttpResponse<String> ok = s.post("/login", "token=" + TOKEN, "Content-Type", form, "Origin", s.origin());
      assertEquals(303, ok.statusCode());
      assertEquals("/", ok.headers().firstValue("Location").orElse(""));
      String cookie = ok.headers().firstValue("Set-Cookie").orElse("");
      assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && cookie.contains("Path=/"), cookie);
      assertFalse(cookie.contains(TOKEN), "the cookie is a session id, not the token");
      String pair = cookie.substring(0, cookie.indexOf(';'));
      for (String p : List.of("/", "/api/overview", "/metrics")) {
        assertEquals(200, s.get(p, "Cookie", pair).statusCode(), p);
      }
      assertEquals(401, s.get("/api/overview", "Cookie", Auth.COOKIE + "=forged").statusCode());
      HttpResponse<String> out = s.post("/logout", "", "Cookie", pair, "Origin", s.origin());
      assertEquals(303, out.statusCode());
      assertEquals(401, s.get("/api/overview", "Cookie", pair).statusCode(), "logged out");
    }
  }

  @Test
  void postsNeedTheSameOrigin() throws Exception {
    RecordingBridge bridge = new RecordingBridge();
    try (TestServer s = new TestServer(ClawMetryServer.builder().clawMetry(cm).gateway(bridge))) {
      String job = "e8c01ef2-8018-4477-aca3-c86a5940bf70";
      String path = "/api/crons/" + job + "/disable";
      assertEquals(403, s.post(path, "", "Origin", "http://evil.example").statusCode());
      assertEquals(403, s.post(path, "").statusCode(), "no Origin");
      assertEquals(403, s.post(path, "", "Origin", s.origin(), "Sec-Fetch-Site", "cross-site").statusCode());
      assertTrue(bridge.calls.isEmpty());
      HttpResponse<String> ok = s.post(path, "", "Origin", s.origin());
      assertEquals(200, ok.statusCode(), ok.body());
      assertTrue(ok.body().contains("\"ok\":true"));
      assertEquals(List.of(job + " DISABLE"), bridge.calls);
      assertEquals(404, s.post("/api/crons/" + job + "/explode", "", "Origin", s.origin()).statusCode());
      assertEquals(404, s.post("/api/crons/no-such-job/run", "", "Origin", s.origin()).statusCode());
      assertEquals(405, s.get(path).statusCode(), "mutations are POST only");
      assertEquals(405, s.post("/api/overview", "", "Origin", s.origin()).statusCode());
    }
  }

  @Test
  void mutationsWithoutAGatewayAre503() throws Exception {
    try (TestServer s = new TestServer(ClawMetryServer.builder().clawMetry(cm))) {
      HttpResponse<String> r = s.post("/api/crons/e8c01ef2-8018-4477-aca3-c86a5940bf70/run", "", "Origin", s.origin());
      assertEquals(503, r.statusCode());
      assertTrue(r.body().contains("gateway not connected"));
    }
  }

  @Test
  void tokenConfiguredOnLoopbackStillGuardsMutations() throws Exception {
    RecordingBridge bridge = new RecordingBridge();
    try (TestServer s = new TestServer(ClawMetryServer.builder().clawMetry(cm).token(TOKEN).gateway(bridge))) {
      String path = "/api/crons/e8c01ef2-8018-4477-aca3-c86a5940bf70/enable";
      assertEquals(200, s.get("/api/crons").statusCode(), "reads stay open on loopback");
      assertEquals(401, s.post(path, "", "Origin", s.origin()).statusCode());
      assertEquals(200, s.post(path, "", "Authorization", "Bearer " + TOKEN).statusCode());
      assertEquals(1, bridge.calls.size());
    }
  }

  @Test
  void traversalAndBadIdsAre400() throws Exception {
    try (TestServer s = new TestServer(ClawMetryServer.builder().clawMetry(cm))) {
      for (String p : List.of("/api/transcript/..%2F..%2Fetc%2Fpasswd", "/api/sessions/%2e%2e", "/api/timeline/a%5Cb",
          "/api/crons/..%2Fjobs/runs", "/api/sessions/a%00b", "/api/transcript/%3Cscript%3E", "/api/sessions/x..y",
          "/app.js%2F..%2F..%2Fpom.xml")) {
        HttpResponse<String> r = s.get(p);
        assertEquals(400, r.statusCode(), p + " " + r.body());
      }
    }
  }

  @Test
  void bigBodiesAre413() throws Exception {
    try (TestServer s = new TestServer(ClawMetryServer.builder().clawMetry(cm).gateway(new RecordingBridge()))) {
      String big = "x".repeat(Router.MAX_BODY + 1);
      assertEquals(413, s.post("/api/crons/e8c01ef2-8018-4477-aca3-c86a5940bf70/run", big, "Origin", s.origin()).statusCode());
      assertEquals(413, s.post("/login", big, "Origin", s.origin()).statusCode());
    }
  }

  @Test
  void failuresAre500WithoutAStackTrace() throws Exception {
    ClawMetry broken =
        (ClawMetry)
            Proxy.newProxyInstance(
                ClawMetry.class.getClassLoader(),
                new Class<?>[] {ClawMetry.class},
                (proxy, m, args) -> {
                  if (m.getName().equals("crons")) {
                    throw new IllegalStateException("secret internal detail at /etc/x");
                  }
                  try {
                    return m.invoke(cm, args);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
                });
    try (TestServer s = new TestServer(ClawMetryServer.builder().clawMetry(broken))) {
      HttpResponse<String> r = s.get("/api/crons");
      assertEquals(500, r.statusCode());
      assertEquals("{\"error\":\"internal error\"}", r.body());
      assertEquals(200, s.get("/api/sessions").statusCode(), "the server keeps serving");
    }
  }

  @Test
  void foreignHostOnLoopbackIsRefused() throws Exception {
    try (TestServer s = new TestServer(ClawMetryServer.builder().clawMetry(cm))) {
      assertEquals(403, rawStatus(s.server.port(), "evil.example:" + s.server.port()));
      assertEquals(200, rawStatus(s.server.port(), "localhost:" + s.server.port()));
      assertEquals(200, rawStatus(s.server.port(), "127.0.0.1:" + s.server.port()));
    }
  }

  private static int rawStatus(int port, String host) throws Exception {
    try (Socket sock = new Socket("127.0.0.1", port)) {
      sock.setSoTimeout(10_000);
      OutputStream out = sock.getOutputStream();
      out.write(("GET /api/gateway HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String status = new String(sock.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
      return Integer.parseInt(status.substring(9, 12));
    }
  }

  /** A bridge that records the mutations it was asked for and accepts them. */
  static final class RecordingBridge implements GatewayBridge {
    final List<String> calls = new ArrayList<>();

    @Override
    public GatewayStatus status() {
      return new GatewayStatus(true, "ws://127.0.0.1:18789", "2026.9.6", 1000L, List.of("operator.admin"), null);
    }

    @Override
    public synchronized CronActionResult cronAction(String jobId, CronAction action) {
      calls.add(jobId + " " + action);
      return new CronActionResult(true, "accepted", action == CronAction.RUN ? "run-1" : null);
    }

    @Override
    public AutoCloseable subscribe(Consumer<GatewayEvent> listener) {
      return () -> {};
    }
  }
}
