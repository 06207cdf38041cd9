package io.clawmetry.core.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.clawmetry.api.CostSource;
import io.clawmetry.api.TokenCounts;
import io.clawmetry.api.UsageLine;
import io.clawmetry.api.UsagePeriod;
import io.clawmetry.api.UsageQuery;
import io.clawmetry.api.UsageReport;
import io.clawmetry.api.UsageRow;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link UsageViews#report} writes what {@code ccusage openclaw <daily|monthly|session> --json} (20.0.24) writes, key by
 * key and type by type, where ccusage has the key.
 */
class UsageViewsCcusageShapeTest {

  private static UsageReport sessionReport(Instant first, Instant last) {
    return report(UsagePeriod.SESSION, BigDecimal.ZERO, first, last);
  }

  private static UsageReport report(UsagePeriod p, BigDecimal cost, Instant first, Instant last) {
    TokenCounts t = new TokenCounts(100, 10, 0, 0, 110);
    UsageLine line = new UsageLine("anthropic", "claude-sonnet-4-5", t, cost, CostSource.RECORDED, 1, 0, 0);
    UsageRow row =
        new UsageRow("agent:main:main", "main", t, cost, CostSource.RECORDED, 1, 0, 0, List.of(line), first, last);
    UsageQuery q = UsageQuery.daily(ZoneId.of("UTC")).withPeriod(p);
    return new UsageReport(q, List.of(row), row, List.of(), List.of());
  }

  private static JsonNode session(Instant first, Instant last) {
    return UsageViews.report(sessionReport(first, last)).get("sessions").get(0);
  }

  /** ccusage writes JavaScript's {@code toISOString()}: always three fractional digits, also for a whole second. */
  @Test
  void activityTimesHaveMilliseconds() {
    JsonNode s = session(Instant.parse("2026-01-31T11:07:54Z"), Instant.parse("2026-01-31T11:07:54.120Z"));
    assertEquals("2026-01-31T11:07:54.000Z", s.get("firstActivity").textValue());
    assertEquals("2026-01-31T11:07:54.120Z", s.get("lastActivity").textValue());
    assertTrue(session(null, null).get("firstActivity").isNull());
  }

  /**
   * ccusage's costs are always JSON floats ({@code 0.0}, {@code 12.0}); a cost of no cents or a whole dollar amount
   * keeps its exact digits and gains one fractional zero instead of reading as an integer ({@code 0}, {@code 12}).
   */
  @Test
  void costsAreAlwaysFloats() {
    for (String[] c : new String[][] {{"0", "0.0"}, {"1E+1", "10.0"}, {"12", "12.0"}, {"0.0097612", "0.0097612"},
        {"3.50", "3.50"}}) {
      String json = JsonViews.write(UsageViews.report(report(UsagePeriod.DAILY, new BigDecimal(c[0]), null, null)), true);
      assertTrue(json.contains("\"totalCost\": " + c[1] + ",\n"), c[0] + " as row and totals cost: " + json);
      assertEquals(2, json.split("\"totalCost\": " + c[1] + ",\n", -1).length - 1, c[0] + ": " + json);
      assertTrue(json.contains("\"cost\": " + c[1] + ",\n"), c[0] + " as a breakdown's cost: " + json);
    }
  }

  /**
   * ccusage's OpenClaw session rows name their project as {@code "projectPath": "OpenClaw"}; its daily and monthly rows
   * have no such key. (The agent is in {@code agentId}.)
   */
  @Test
  void sessionRowsHaveCcusagesProjectPath() {
    JsonNode s = session(null, null);
    assertEquals("OpenClaw", s.path("projectPath").textValue(), s.toString());
    JsonNode day = UsageViews.report(report(UsagePeriod.DAILY, BigDecimal.ONE, null, null)).get("daily").get(0);
    assertFalse(day.has("projectPath"), day.toString());
  }
}
