package io.clawmetry.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.clawmetry.api.ClawMetry;
import io.clawmetry.api.MessageRole;
import io.clawmetry.api.TranscriptEvent;
import io.clawmetry.api.Usage;
import io.clawmetry.core.discovery.Environment;
import io.clawmetry.core.json.Json;
import io.clawmetry.core.testing.TestHomes;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Conformance with the real gateway: for every session the real OpenClaw 2026.9.6 gateway reported in its fresh
 * {@code sessions.usage} answer (captured frames), the assistant messages ClawMetry reads from the SQLite databases
 * sum to exactly the same tokens, and to the same recorded cost (the gateway sums doubles; we sum exact decimals, so
 * cost is compared at 12 decimal places).
 */
class GatewayUsageConformanceTest {

  @TempDir Path tmp;

  @Test
  void perSessionSumsEqualTheGatewaysOwnSessionsUsage() throws Exception {
    JsonNode fresh = lastFreshSessionsUsage();
    Path home = TestHomes.realSqliteHome(tmp);
    long sessions = 0;
    try (ClawMetry cm =
        ClawMetryBuilder.create()
            .environment(Environment.of(Map.of(), tmp.resolve("user-home")))
            .stateDir(home)
            .build()) {
      long[] all = new long[5];
      BigDecimal allCost = BigDecimal.ZERO;
      for (JsonNode s : fresh.get("sessions")) {
        JsonNode u = s.get("usage");
        String id = s.get("sessionId").asText();
        long[] t = new long[5];
        BigDecimal cost = BigDecimal.ZERO;
        for (TranscriptEvent e : cm.transcript(id).items()) {
          if (e instanceof TranscriptEvent.Message m
              && m.role() == MessageRole.ASSISTANT
              && m.usage() != null
              && id.equals(m.meta().sessionId())) {
            Usage x = m.usage();
            t[0] += x.input();
            t[1] += x.output();
            t[2] += x.cacheRead();
            t[3] += x.cacheWrite();
            t[4] += x.total();
            if (x.recordedCost() != null) {
              cost = cost.add(x.recordedCost().total());
            }
          }
        }
        String what = "session " + id;
        assertEquals(u.get("input").asLong(), t[0], what + " input");
        assertEquals(u.get("output").asLong(), t[1], what + " output");
        assertEquals(u.get("cacheRead").asLong(), t[2], what + " cacheRead");
        assertEquals(u.get("cacheWrite").asLong(), t[3], what + " cacheWrite");
        assertEquals(u.get("totalTokens").asLong(), t[4], what + " totalTokens");
        assertEquals(round(u.get("totalCost").decimalValue()), round(cost), what + " cost");
        for (int i = 0; i < 5; i++) {
          all[i] += t[i];
        }
        allCost = allCost.add(cost);
        sessions++;
      }
      JsonNode totals = fresh.get("totals");
      assertEquals(totals.get("input").asLong(), all[0]);
      assertEquals(totals.get("output").asLong(), all[1]);
      assertEquals(totals.get("cacheRead").asLong(), all[2]);
      assertEquals(totals.get("totalTokens").asLong(), all[4]);
      assertEquals(0, new BigDecimal("0.30195385").compareTo(allCost), "exact sum of recorded costs: " + allCost);
    }
    assertEquals(6, sessions, "sessions in the gateway's answer");
  }

  @Test
  void theUsageEngineTotalsEqualTheGatewaysTotals() throws Exception {
    JsonNode totals = lastFreshSessionsUsage().get("totals");
    try (ClawMetry cm =
        ClawMetryBuilder.create()
            .environment(Environment.of(Map.of(), tmp.resolve("user-home")))
            .stateDir(TestHomes.realSqliteHome(tmp))
            .build()) {
      io.clawmetry.api.UsageRow t =
          cm.usage(io.clawmetry.api.UsageQuery.daily(java.time.ZoneId.of("UTC"))
                  .withCostMode(io.clawmetry.api.CostMode.AUTO))
              .totals();
      assertEquals(totals.get("input").asLong(), t.tokens().input());
      assertEquals(totals.get("output").asLong(), t.tokens().output());
      assertEquals(totals.get("cacheRead").asLong(), t.tokens().cacheRead());
      assertEquals(totals.get("cacheWrite").asLong(), t.tokens().cacheWrite());
      assertEquals(totals.get("totalTokens").asLong(), t.tokens().total());
      assertEquals(17, t.calls());
      assertEquals(0, new BigDecimal("0.30195385").compareTo(t.cost()), t.cost().toString());
      assertEquals(io.clawmetry.api.CostSource.RECORDED, t.costSource());
      // and estimating every call from openclaw.json's prices gives the same figure OpenClaw recorded
      io.clawmetry.api.UsageRow calc =
          cm.usage(io.clawmetry.api.UsageQuery.daily(java.time.ZoneId.of("UTC"))
                  .withCostMode(io.clawmetry.api.CostMode.CALCULATE))
              .totals();
      assertEquals(0, new BigDecimal("0.30195385").compareTo(calc.cost()), calc.cost().toString());
      assertEquals(io.clawmetry.api.CostSource.ESTIMATED, calc.costSource());
    }
  }

  private static BigDecimal round(BigDecimal v) {
    return v.setScale(12, RoundingMode.HALF_EVEN);
  }

  /** The last {@code sessions.usage} result whose cacheStatus is fresh, from the captured frames. */
  private static JsonNode lastFreshSessionsUsage() throws Exception {
    JsonNode root =
        Json.STRICT.readTree(
            TestHomes.testdata().resolve("openclaw-2026.9.6/ws-usage-poll-after-restart.json").toFile());
    JsonNode found = null;
    for (JsonNode v : root.get("variants")) {
      for (JsonNode f : v.get("frames")) {
        JsonNode p = f.path("frame").path("payload");
        if (p.has("sessions") && p.has("totals") && "fresh".equals(p.path("cacheStatus").path("status").asText())) {
          found = p;
        }
      }
    }
    assertTrue(found != null, "a fresh sessions.usage frame exists");
    return found;
  }
}
