package io.clawmetry.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.clawmetry.api.ClawMetry;
import io.clawmetry.api.CostMode;
import io.clawmetry.api.UsagePeriod;
import io.clawmetry.api.UsageQuery;
import io.clawmetry.api.Warning;
import io.clawmetry.core.discovery.Environment;
import io.clawmetry.core.testing.TestHomes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Warnings that depend on a query (a model without a price, calls without a recorded cost in display mode) belong to
 * that query's report only: they never reach the facade's warnings or an overview, and a query gives the same warnings
 * whatever ran before it on the same facade.
 */
class QueryWarningsTest {

  private static final ZoneId UTC = ZoneId.of("UTC");
  private static final Instant NOW = Instant.parse("2026-11-12T12:00:00Z");
  private static final UsageQuery DISPLAY = UsageQuery.daily(UTC).withCostMode(CostMode.DISPLAY);
  private static final UsageQuery AUTO = UsageQuery.daily(UTC);
  private static final UsageQuery SESSIONS_CALCULATE =
      UsageQuery.daily(UTC).withPeriod(UsagePeriod.SESSION).withCostMode(CostMode.CALCULATE);

  @TempDir Path tmp;

  /** A clock the test moves forward (an overview is reused within the same second). */
  private static final class MovingClock extends Clock {
    Instant now = NOW;

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  /** The example home plus one call of a model nobody prices, with no recorded cost, on 2026-11-12. */
  private Path home() throws Exception {
    Path home = TestHomes.exampleHomeCopy(tmp.resolve("home"));
    String line =
        "{\"type\":\"message\",\"id\":\"q1w2e3r4\",\"parentId\":null,\"timestamp\":\"2026-11-12T10:00:00.000Z\","
            + "\"message\":{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"ok\"}],"
            + "\"provider\":\"acme\",\"model\":\"mystery-9\",\"usage\":{\"input\":100,\"output\":20,\"cacheRead\":0,"
            + "\"cacheWrite\":0,\"totalTokens\":120,\"cost\":{\"total\":0}},\"stopReason\":\"stop\","
            + "\"timestamp\":\"2026-11-12T10:00:00.000Z\"}}\n";
    Files.writeString(
        home.resolve("agents/main/sessions/98f4ef5b-0253-417d-b046-032c6a6ac04e.jsonl"),
        line,
        StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
    return home;
  }

  private ClawMetry open(Path home, Clock clock) {
    return ClawMetryBuilder.create()
        .environment(Environment.of(Map.of(), tmp.resolve("u")))
        .stateDir(home)
        .clock(clock)
        .build();
  }

  private static List<String> sources(List<Warning> warnings) {
    return warnings.stream().map(w -> w.kind() + " " + (w.source().startsWith("/") ? Path.of(w.source()).getFileName() : w.source())).toList();
  }

  private static final List<String> HOME_WARNINGS =
      List.of(
          "CONFIG openclaw.json#models.providers.local.apiKey",
          "CONFIG openclaw.json#gateway.auth.token",
          "INCOMPLETE_LINE 45a53c73-86e3-43f0-8592-70a3c00ff81c.jsonl",
          "MALFORMED_LINE f1494495-0858-47bc-be0e-b540f9ac8b0a.jsonl");

  @Test
  void aDisplayModeReportLeavesTheFacadeAndTheOverviewAsTheyWere() throws Exception {
    Path home = home();
    MovingClock clock = new MovingClock();
    try (ClawMetry cm = open(home, clock)) {
      List<String> overview = new ArrayList<>(HOME_WARNINGS);
      overview.add("MISSING pricing acme/mystery-9"); // the overview's own (auto mode) reports
      assertEquals(overview, sources(cm.overview(UTC).warnings()));
      assertEquals(HOME_WARNINGS, sources(cm.warnings()));

      List<String> display = new ArrayList<>(HOME_WARNINGS.subList(2, 4));
      display.add("MISSING recorded cost local/llama");
      assertEquals(display, sources(cm.usage(DISPLAY).warnings()));

      clock.now = NOW.plusSeconds(1); // not the overview of the same second again
      assertEquals(overview, sources(cm.overview(UTC).warnings()));
      assertEquals(HOME_WARNINGS, sources(cm.warnings()));
      List<String> auto = new ArrayList<>(HOME_WARNINGS.subList(2, 4));
      auto.add("MISSING pricing acme/mystery-9");
      assertEquals(auto, sources(cm.usage(AUTO).warnings()));
    }
  }

  @Test
  void everyQueryGivesTheSameWarningsWhateverRanBefore() throws Exception {
    Path home = home();
    List<Function<ClawMetry, List<Warning>>> queries =
        List.of(
            cm -> cm.usage(DISPLAY).warnings(),
            cm -> cm.usage(AUTO).warnings(),
            cm -> cm.usage(SESSIONS_CALCULATE).warnings(),
            cm -> cm.overview(UTC).warnings(),
            ClawMetry::warnings);
    List<List<Warning>> fresh = new ArrayList<>();
    for (Function<ClawMetry, List<Warning>> q : queries) {
      try (ClawMetry cm = open(home, Clock.fixed(NOW, ZoneOffset.UTC))) {
        fresh.add(q.apply(cm));
      }
    }
    for (List<Integer> order : permutations(List.of(0, 1, 2, 3, 4))) {
      MovingClock clock = new MovingClock();
      try (ClawMetry cm = open(home, clock)) {
        for (int i : order) {
          assertEquals(fresh.get(i), queries.get(i).apply(cm), "query " + i + " in the order " + order);
          clock.now = clock.now.plus(Duration.ofSeconds(1));
        }
      }
    }
  }

  private static List<List<Integer>> permutations(List<Integer> items) {
    if (items.isEmpty()) {
      return List.of(List.of());
    }
    List<List<Integer>> out = new ArrayList<>();
    for (Integer first : items) {
      List<Integer> rest = new ArrayList<>(items);
      rest.remove(first);
      for (List<Integer> p : permutations(rest)) {
        List<Integer> l = new ArrayList<>();
        l.add(first);
        l.addAll(p);
        out.add(l);
      }
    }
    return out;
  }
}
