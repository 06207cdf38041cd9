package io.clawmetry.core.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.clawmetry.api.GatewaySettings;
import io.clawmetry.api.Resolved;
import io.clawmetry.api.gateway.SessionsUsage;
import io.clawmetry.api.gateway.UsageCost;
import io.clawmetry.core.json.Json;
import io.clawmetry.core.testing.TestHomes;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Usage cache status on the recorded post-restart poll, and the gateway URL rules. */
class PayloadsTest {

  private static JsonNode pollAnswer(String id) throws Exception {
    JsonNode root = Json.STRICT.readTree(
        TestHomes.testdata().resolve("openclaw-2026.9.6/ws-usage-poll-after-restart.json").toFile());
    for (JsonNode f : root.path("variants").get(0).path("frames")) {
      if (f.path("frame").path("id").asText().equals(id) && f.path("dir").asText().equals("in")) {
        return f.path("frame").path("payload");
      }
    }
    throw new AssertionError(id);
  }

  @Test
  void staleRollupAfterRestartIsProvisionalEvenThoughNonZero() throws Exception {
    UsageCost c = Payloads.usageCost(pollAnswer("usage-poll-2"));
    assertEquals(170315, c.totals().totalTokens());
    assertEquals("refreshing", c.cacheStatus().status());
    assertEquals(Instant.ofEpochMilli(1795494659096L), c.cacheStatus().refreshedAt());
    assertTrue(c.provisional());
  }

  @Test
  void freshSessionsUsageIsFinalWithExactCost() throws Exception {
    SessionsUsage u = Payloads.sessionsUsage(pollAnswer("usage-poll-6"));
    assertFalse(u.provisional());
    assertEquals("fresh", u.cacheStatus().status());
    assertEquals(6, u.sessions().size());
    assertEquals(217552, u.totals().totalTokens());
    assertEquals(new BigDecimal("0.30195384999999997"), u.totals().totalCost());
  }

  @Test
  void noCacheStatusMeansComputedSynchronously() throws Exception {
    UsageCost c = Payloads.usageCost(Json.STRICT.readTree("{\"days\":1,\"daily\":[],\"totals\":{\"input\":3}}"));
    assertNull(c.cacheStatus().status());
    assertFalse(c.provisional());
    assertEquals(3, c.totals().input());
  }

  @Test
  void gatewayUrlFromSettings() {
    GatewaySettings local = new GatewaySettings(new Resolved("18789", "default"), "loopback", false, "local", null,
        "token", "none", false);
    assertEquals(URI.create("ws://127.0.0.1:18789/"), GatewayConnector.url(local));
    GatewaySettings tls = new GatewaySettings(new Resolved("19001", "profile dev"), "lan", true, "local", null,
        "token", "none", false);
    assertEquals(URI.create("wss://127.0.0.1:19001/"), GatewayConnector.url(tls));
    GatewaySettings remote = new GatewaySettings(new Resolved("18789", "default"), "loopback", false, "remote",
        "wss://gw.example.net", "token", "none", false);
    assertEquals(URI.create("wss://gw.example.net/"), GatewayConnector.url(remote));
    assertEquals(URI.create("ws://127.0.0.1:1234/"), GatewayConnector.normalize("127.0.0.1:1234"));
    assertEquals(URI.create("wss://h:1/x"), GatewayConnector.normalize("https://h:1/x"));
  }

  @Test
  void scheduleDescriptions() throws Exception {
    assertEquals("every 1d", Payloads.describeSchedule(Json.STRICT.readTree("{\"kind\":\"every\",\"everyMs\":86400000}")));
    assertEquals("every 90s", Payloads.describeSchedule(Json.STRICT.readTree("{\"kind\":\"every\",\"everyMs\":90000}")));
    assertEquals("at 2026-01-01T00:00:00Z",
        Payloads.describeSchedule(Json.STRICT.readTree("{\"kind\":\"at\",\"atMs\":1767225600000}")));
    assertEquals("cron 0 3 * * *", Payloads.describeSchedule(Json.STRICT.readTree("{\"kind\":\"cron\",\"expr\":\"0 3 * * *\"}")));
  }
}
