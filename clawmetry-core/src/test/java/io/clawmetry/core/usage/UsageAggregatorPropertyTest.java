package io.clawmetry.core.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.clawmetry.api.CostMode;
import io.clawmetry.api.RecordedCost;
import io.clawmetry.api.Usage;
import io.clawmetry.api.UsagePeriod;
import io.clawmetry.api.UsageQuery;
import io.clawmetry.api.UsageRow;
import io.clawmetry.core.pricing.CostFunction;
import io.clawmetry.core.pricing.LiteLlmPrices;
import io.clawmetry.core.pricing.PriceBook;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of the aggregation over seeded, reproducible random calls (the seed is in every failure message):
 * every period's rows sum to the same grand total; the order calls arrive in changes nothing.
 */
class UsageAggregatorPropertyTest {

  private static final CostFunction COSTS = new CostFunction(new PriceBook(List.of(LiteLlmPrices.bundled())));
  private static final String[][] MODELS = {
    {"anthropic", "claude-sonnet-4-5"}, {"openai", "gpt-5"}, {"google", "gemini-2.5-pro"}, {"mocklm", "mock-1"}
  };
  private static final String[] ZONES = {"UTC", "America/New_York", "Asia/Tokyo", "Australia/Lord_Howe"};

  static Stream<Long> seeds() {
    return LongStream.range(0, 25).mapToObj(i -> 0x5EEDL * 7919 + i);
  }

  static List<ModelCall> calls(long seed) {
    Random r = new Random(seed);
    int n = 1 + r.nextInt(300);
    List<ModelCall> out = new ArrayList<>();
    Instant start = Instant.parse("2026-10-25T00:00:00Z");
    for (int i = 0; i < n; i++) {
      String[] pm = MODELS[r.nextInt(MODELS.length)];
      long in = r.nextInt(300_000);
      long outTok = r.nextInt(5000);
      long cr = r.nextBoolean() ? r.nextInt(100_000) : 0;
      long cw = r.nextInt(10) == 0 ? r.nextInt(20_000) : 0;
      RecordedCost rc =
          r.nextBoolean()
              ? new RecordedCost(null, null, null, null, new BigDecimal(r.nextInt(1_000_000)).movePointLeft(7))
              : null;
      Usage u = new Usage(in, outTok, cr, cw, in + outTok + cr + cw, 0, rc);
      Instant ts = r.nextInt(50) == 0 ? null : start.plusSeconds(r.nextInt(40 * 86_400));
      out.add(
          new ModelCall(
              "agent" + r.nextInt(3), "s" + r.nextInt(20), "agent:x:s" + r.nextInt(20),
              new String[] {"user", "cron", "subagent"}[r.nextInt(3)], r.nextBoolean() ? "telegram" : null,
              ts, pm[0], pm[1], r.nextInt(30) == 0 ? Usage.ZERO : u, r.nextInt(30) == 0));
    }
    return out;
  }

  private static UsageRow total(List<ModelCall> calls, UsageQuery q) {
    UsageAggregator a = new UsageAggregator(q, COSTS);
    calls.forEach(a::add);
    return UsageAggregator.totals(a.rows());
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void everyTimePeriodSumsToTheSameTotal(long seed) {
    List<ModelCall> calls = calls(seed);
    ZoneId zone = ZoneId.of(ZONES[(int) Math.floorMod(seed, ZONES.length)]);
    UsageQuery daily = UsageQuery.daily(zone).withCostMode(CostMode.AUTO);
    UsageRow d = total(calls, daily);
    for (UsagePeriod p : new UsagePeriod[] {UsagePeriod.WEEKLY, UsagePeriod.MONTHLY}) {
      UsageRow t = total(calls, daily.withPeriod(p));
      assertEquals(d.tokens(), t.tokens(), "seed " + seed + " " + p);
      assertEquals(0, d.cost().compareTo(t.cost()), "seed " + seed + " " + p);
      assertEquals(d.calls(), t.calls(), "seed " + seed + " " + p);
    }
    // the undated calls are the only difference between time and non-time buckets
    long undated = calls.stream().filter(c -> c.timestamp() == null && !c.error()).count();
    UsageRow byModel = total(calls, daily.withPeriod(UsagePeriod.MODEL));
    assertEquals(d.calls() + undated, byModel.calls(), "seed " + seed);
    for (UsagePeriod p : new UsagePeriod[] {UsagePeriod.AGENT, UsagePeriod.SESSION, UsagePeriod.ORIGIN,
        UsagePeriod.CHANNEL, UsagePeriod.PROVIDER}) {
      UsageRow t = total(calls, daily.withPeriod(p));
      assertEquals(byModel.tokens(), t.tokens(), "seed " + seed + " " + p);
      assertEquals(0, byModel.cost().compareTo(t.cost()), "seed " + seed + " " + p);
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void orderOfArrivalChangesNothing(long seed) {
    List<ModelCall> calls = calls(seed);
    UsageQuery q = UsageQuery.daily(ZoneId.of("UTC"));
    UsageAggregator a = new UsageAggregator(q, COSTS);
    calls.forEach(a::add);
    List<ModelCall> shuffled = new ArrayList<>(calls);
    Collections.shuffle(shuffled, new Random(seed));
    UsageAggregator b = new UsageAggregator(q, COSTS);
    shuffled.forEach(b::add);
    assertEquals(a.rows(), b.rows(), "seed " + seed);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void dailyLinesEqualAPlainGrouping(long seed) {
    List<ModelCall> calls = calls(seed);
    for (String zoneName : ZONES) {
      ZoneId zone = ZoneId.of(zoneName);
      // day|provider|model -> calls, total tokens, errors (a model with failed calls only has a line too)
      java.util.Map<String, long[]> expected = new java.util.TreeMap<>();
      for (ModelCall c : calls) {
        if (c.timestamp() != null) {
          String k = c.timestamp().atZone(zone).toLocalDate() + "|" + c.provider() + "|" + c.model();
          long[] v = expected.computeIfAbsent(k, x -> new long[3]);
          if (c.error()) {
            v[2]++;
          } else {
            v[0]++;
            v[1] += c.usage().total();
          }
        }
      }
      UsageAggregator a = new UsageAggregator(UsageQuery.daily(zone), COSTS);
      calls.forEach(a::add);
      java.util.Map<String, long[]> actual = new java.util.TreeMap<>();
      for (UsageRow row : a.rows()) {
        for (var line : row.models()) {
          actual.put(row.key() + "|" + line.provider() + "|" + line.model(), new long[] {line.calls(), line.tokens().total(), line.errors()});
        }
      }
      assertEquals(expected.keySet(), actual.keySet(), "seed " + seed + " " + zone);
      expected.forEach((k, v) -> assertEquals(java.util.Arrays.toString(v), java.util.Arrays.toString(actual.get(k)),
          "seed " + seed + " " + zone + " " + k));
    }
  }

  @org.junit.jupiter.api.Test
  void modelNamesThatJoinAlikeStayApart() {
    Usage u = new Usage(10, 1, 0, 0, 11, 0, null);
    Instant t = Instant.parse("2026-10-25T10:00:00Z");
    UsageAggregator a = new UsageAggregator(UsageQuery.daily(ZoneId.of("UTC")), COSTS);
    a.add(new ModelCall("a", "s", "k", "user", null, t, "p/q", "m", u, false));
    a.add(new ModelCall("a", "s", "k", "user", null, t, "p", "q/m", u, false));
    a.add(new ModelCall("a", "s", "k", "user", null, t, "p/q", "m", u, false));
    List<UsageRow> rows = a.rows();
    assertEquals(1, rows.size());
    assertEquals(2, rows.get(0).models().size(), rows.toString());
    assertEquals(33, rows.get(0).tokens().total());
    assertEquals(2, UsageAggregator.totals(rows).models().size());
  }
}
