package io.clawmetry.core.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.clawmetry.api.CostMode;
import io.clawmetry.api.CostSource;
import io.clawmetry.api.RecordedCost;
import io.clawmetry.api.Usage;
import io.clawmetry.api.UsageLine;
import io.clawmetry.api.UsagePeriod;
import io.clawmetry.api.UsageQuery;
import io.clawmetry.api.UsageRow;
import io.clawmetry.core.pricing.CostFunction;
import io.clawmetry.core.pricing.PerMillionPrices;
import io.clawmetry.core.pricing.PriceBook;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a row and each of its model lines say about errors, cost source and agent: errors on their own model's line,
 * unpriced calls making a row {@code mixed} (or {@code unknown} when nothing else is in it), zero-token and failed
 * calls costing a known $0 without changing a row's source, and the agent of rows that belong to one agent.
 */
class RowSemanticsTest {

  /** Only p/priced has a price: $1 per million input tokens, $2 per million output tokens. */
  private static final CostFunction COSTS =
      new CostFunction(
          new PriceBook(
              List.of(new PerMillionPrices("test").add("p", "priced", BigDecimal.ONE, BigDecimal.valueOf(2), null, null))));

  private static final Instant DAY1 = Instant.parse("2026-11-09T10:00:00Z");
  private static final Instant DAY2 = Instant.parse("2026-11-10T10:00:00Z");
  private static final UsageQuery DAILY = UsageQuery.daily(ZoneId.of("UTC"));

  private static Usage tokens(long in, long out, String recorded) {
    return new Usage(
        in, out, 0, 0, in + out, 0, recorded == null ? null : new RecordedCost(null, null, null, null,
            new BigDecimal(recorded)));
  }

  private static ModelCall call(String agent, Instant t, String provider, String model, Usage u) {
    return new ModelCall(agent, "s-" + agent, "agent:" + agent + ":main", "user", null, t, provider, model, u, false);
  }

  private static ModelCall error(String agent, Instant t, String provider, String model) {
    return new ModelCall(
        agent, "s-" + agent, "agent:" + agent + ":main", "user", null, t, provider, model, Usage.ZERO, true);
  }

  private static List<UsageRow> rows(UsageQuery q, ModelCall... calls) {
    UsageAggregator a = new UsageAggregator(q, COSTS);
    for (ModelCall c : calls) {
      a.add(c);
    }
    return a.rows();
  }

  private static UsageLine line(UsageRow row, String model) {
    return row.models().stream().filter(l -> l.model().equals(model)).findFirst().orElseThrow(
        () -> new AssertionError("no line for " + model + " in " + row));
  }

  @Test
  void errorsAreBookedToTheModelThatFailed() {
    List<UsageRow> rows =
        rows(
            DAILY,
            call("main", DAY1, "google", "gemini-2.5-pro", tokens(100, 10, "0.5")),
            error("main", DAY1, "openai", "gpt-5"),
            call("main", DAY2, "google", "gemini-2.5-pro", tokens(100, 10, "0.5")),
            error("main", DAY2, "google", "gemini-2.5-pro"),
            error("main", DAY2, "anthropic", "claude-sonnet-4-5"));
    UsageRow day1 = rows.get(0);
    assertEquals(1, day1.errors());
    assertEquals(0, line(day1, "gemini-2.5-pro").errors());
    UsageLine gpt = line(day1, "gpt-5");
    assertEquals(1, gpt.errors());
    assertEquals(0, gpt.calls());
    assertEquals("openai", gpt.provider());
    UsageRow day2 = rows.get(1);
    assertEquals(2, day2.errors());
    assertEquals(1, line(day2, "gemini-2.5-pro").errors());
    assertEquals(1, line(day2, "claude-sonnet-4-5").errors());
    UsageRow total = UsageAggregator.totals(rows);
    assertEquals(3, total.errors());
    assertEquals(1, line(total, "gemini-2.5-pro").errors());
    assertEquals(1, line(total, "gpt-5").errors());
    assertEquals(1, line(total, "claude-sonnet-4-5").errors());
  }

  @Test
  void anUnpricedCallNextToARecordedOneMakesTheRowMixed() {
    List<UsageRow> rows =
        rows(
            DAILY,
            call("main", DAY1, "p", "priced", tokens(100, 10, "0.5")),
            call("main", DAY1, "foo", "bar-model", tokens(100, 10, null)));
    UsageRow day = rows.get(0);
    assertEquals(CostSource.MIXED, day.costSource());
    assertEquals(1, day.unpricedCalls());
    assertEquals(CostSource.RECORDED, line(day, "priced").costSource());
    assertEquals(CostSource.UNKNOWN, line(day, "bar-model").costSource());
    assertEquals(CostSource.MIXED, UsageAggregator.totals(rows).costSource());
  }

  @Test
  void anUnpricedCallNextToAnEstimatedOneMakesTheRowMixedInCalculateMode() {
    UsageQuery q = DAILY.withCostMode(CostMode.CALCULATE);
    List<UsageRow> rows =
        rows(
            q,
            call("main", DAY1, "p", "priced", tokens(1_000_000, 0, "0.5")),
            call("main", DAY1, "foo", "bar-model", tokens(100, 10, "0.7")));
    UsageRow day = rows.get(0);
    assertEquals(CostSource.MIXED, day.costSource());
    assertEquals(new BigDecimal("1"), day.cost());
    assertEquals(CostSource.ESTIMATED, line(day, "priced").costSource());
    assertEquals(CostSource.UNKNOWN, line(day, "bar-model").costSource());
    assertEquals(CostSource.MIXED, UsageAggregator.totals(rows).costSource());
  }

  @Test
  void oneModelLineWithRecordedAndUnpricedCallsIsMixed() {
    List<UsageRow> rows =
        rows(
            DAILY,
            call("main", DAY1, "foo", "bar-model", tokens(100, 10, "0.5")),
            call("main", DAY1, "foo", "bar-model", tokens(100, 10, null)));
    UsageLine l = line(rows.get(0), "bar-model");
    assertEquals(CostSource.MIXED, l.costSource());
    assertEquals(1, l.unpricedCalls());
    assertEquals(CostSource.MIXED, rows.get(0).costSource());
  }

  @Test
  void aRowOfUnpricedCallsOnlyIsUnknown() {
    List<UsageRow> rows =
        rows(
            DAILY,
            call("main", DAY1, "foo", "bar-model", tokens(100, 10, null)),
            call("main", DAY1, "foo", "bar-model", Usage.ZERO),
            error("main", DAY1, "foo", "bar-model"));
    assertEquals(CostSource.UNKNOWN, rows.get(0).costSource());
    assertEquals(1, rows.get(0).unpricedCalls());
    assertEquals(CostSource.UNKNOWN, UsageAggregator.totals(rows).costSource());
  }

  @Test
  void zeroTokenAndFailedCallsDoNotChangeTheSourceOfARow() {
    for (CostMode mode : CostMode.values()) {
      UsageQuery q = DAILY.withCostMode(mode);
      List<UsageRow> rows =
          rows(
              q,
              call("main", DAY1, "p", "priced", tokens(1_000_000, 0, "0.5")),
              call("main", DAY1, "foo", "bar-model", Usage.ZERO),
              error("main", DAY1, "foo", "bar-model"));
      CostSource expected = mode == CostMode.CALCULATE ? CostSource.ESTIMATED : CostSource.RECORDED;
      UsageRow day = rows.get(0);
      assertEquals(expected, day.costSource(), mode.toString());
      assertEquals(0, day.unpricedCalls(), mode.toString());
      assertEquals(expected, UsageAggregator.totals(rows).costSource(), mode.toString());
    }
  }

  @Test
  void aRowOfZeroTokenCallsOnlyIsRecordedInEveryMode() {
    for (CostMode mode : CostMode.values()) {
      List<UsageRow> rows = rows(DAILY.withCostMode(mode), call("main", DAY1, "foo", "bar-model", Usage.ZERO));
      UsageRow day = rows.get(0);
      assertEquals(CostSource.RECORDED, day.costSource(), mode.toString());
      assertEquals(CostSource.RECORDED, line(day, "bar-model").costSource(), mode.toString());
      assertEquals(0, day.unpricedCalls(), mode.toString());
      assertEquals(BigDecimal.ZERO, day.cost());
    }
  }

  @Test
  void aBucketOfFailedCallsOnlyHasItsModelLineAndIsRecorded() {
    List<UsageRow> rows =
        rows(
            DAILY.withPeriod(UsagePeriod.MODEL),
            error("main", DAY1, "qwen-portal", "vision-model"),
            error("main", DAY2, "qwen-portal", "vision-model"));
    UsageRow row = rows.get(0);
    assertEquals("qwen-portal/vision-model", row.key());
    assertEquals(CostSource.RECORDED, row.costSource());
    assertEquals(2, row.errors());
    assertEquals(0, row.calls());
    UsageLine l = line(row, "vision-model");
    assertEquals("qwen-portal", l.provider());
    assertEquals(2, l.errors());
    assertEquals(CostSource.RECORDED, l.costSource());
  }

  @Test
  void rowsOfOneAgentNameIt() {
    ModelCall[] calls = {
      call("main", DAY1, "p", "priced", tokens(100, 10, "0.5")),
      call("ops", DAY1, "p", "priced", tokens(100, 10, "0.5")),
      call("research", DAY2, "p", "priced", tokens(100, 10, "0.5"))
    };
    for (UsageRow r : rows(DAILY.withPeriod(UsagePeriod.AGENT), calls)) {
      assertEquals(r.key(), r.agentId());
    }
    List<UsageRow> research = rows(DAILY.forAgent("research"), calls);
    assertEquals(1, research.size());
    assertEquals("research", research.get(0).agentId());
    assertEquals("research", UsageAggregator.totals(research).agentId());
    List<UsageRow> all = rows(DAILY, calls);
    assertNull(all.get(0).agentId());
    assertNull(UsageAggregator.totals(all).agentId());
    assertNull(UsageAggregator.totals(rows(DAILY.withPeriod(UsagePeriod.AGENT), calls)).agentId());
  }
}
