package io.clawmetry.core.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clawmetry.api.gateway.GatewayErrorKind;
import io.clawmetry.api.gateway.LiveSession;
import io.clawmetry.core.json.Json;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** HTTP {@code /health} and the {@code /tools/invoke} fallback used only when the read scope is missing. */
@Timeout(30)
class GatewayHttpTest {

  @TempDir Path tmp;

  /** Answers like the real gateway (FORMATS §11): sessions_list details from the recorded sessions.list payload. */
  static FakeGateway.Http realLike(AtomicInteger invokes) {
    return (method, path, auth, body) -> {
      if (method.equals("GET") && path.equals("/health")) {
        return new String[] {"200", "{\"ok\":true,\"status\":\"live\"}"};
      }
      if (method.equals("POST") && path.equals("/tools/invoke")) {
        if (!("Bearer " + ReplayScript.SHARED_TOKEN).equals(auth)) {
          return new String[] {"401", "{\"error\":{\"message\":\"Unauthorized\",\"type\":\"unauthorized\"}}"};
        }
        invokes.incrementAndGet();
        try {
          JsonNode req = Json.STRICT.readTree(body);
          if (!req.path("tool").asText().equals("sessions_list")) {
            return new String[] {"400", "{}"};
          }
          JsonNode sessions = Recorded.get().exchange("observer", "sessions.list", Json.STRICT.createObjectNode())
              .res().path("payload");
          ObjectNode res = Json.STRICT.createObjectNode().put("ok", true);
          res.putObject("result").set("details", sessions);
          return new String[] {"200", Json.STRICT.writeValueAsString(res)};
        } catch (Exception e) {
          return new String[] {"500", "{}"};
        }
      }
      return new String[] {"404", "{}"};
    };
  }

  @Test
  void healthAndToolsInvoke() throws Exception {
    AtomicInteger invokes = new AtomicInteger();
    try (FakeGateway gw = new FakeGateway(new ReplayScript("read-only-cli"))) {
      gw.http = realLike(invokes);
      GatewayHttp ok = new GatewayHttp(gw.uri(), ReplayScript.SHARED_TOKEN, Duration.ofSeconds(2));
      assertTrue(ok.health());
      List<LiveSession> s = ok.sessions();
      assertEquals(5, s.size());
      assertEquals("agent:main:cron:73e9eb0b-fe71-4e50-9141-5ebe8f038852", s.get(0).key());
      GatewayHttp wrong = new GatewayHttp(gw.uri(), "nope", Duration.ofSeconds(2));
      GatewayException e = assertThrows(GatewayException.class, wrong::sessions);
      assertEquals(GatewayErrorKind.AUTH_FAILED, e.kind());
      assertEquals("POST /tools/invoke: the gateway rejected the token (HTTP 401)", e.getMessage());
    }
  }

  @Test
  void fallbackOnlyWhenTheReadScopeIsMissing() throws Exception {
    AtomicInteger invokes = new AtomicInteger();
    // this recorded variant connected with scopes [] and got FORBIDDEN missing scope: operator.read for sessions.list
    try (FakeGateway gw = new FakeGateway(new ReplayScript("other-client-no-device"))) {
      gw.http = realLike(invokes);
      try (GatewayClient c = GatewayTesting.client(gw, tmp.resolve("cm")).build()) {
        assertEquals(5, c.allSessions().size());
        assertEquals(1, invokes.get());
      }
      try (GatewayClient c = GatewayTesting.client(gw, tmp.resolve("cm2")).httpFallback(false).build()) {
        GatewayException e = assertThrows(GatewayException.class, c::allSessions);
        assertEquals(GatewayErrorKind.MISSING_SCOPE, e.kind());
      }
    }
    try (FakeGateway gw = new FakeGateway(new ReplayScript("observer"))) {
      gw.http = realLike(invokes);
      try (GatewayClient c = GatewayTesting.client(gw, tmp.resolve("cm3")).build()) {
        assertEquals(5, c.allSessions().size());
      }
      assertEquals(1, invokes.get(), "no HTTP call when WS has the scope");
    }
  }
}
