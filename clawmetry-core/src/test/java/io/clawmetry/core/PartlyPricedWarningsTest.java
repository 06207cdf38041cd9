package io.clawmetry.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.clawmetry.api.ClawMetry;
import io.clawmetry.api.CostMode;
import io.clawmetry.api.UsageQuery;
import io.clawmetry.api.UsageReport;
import io.clawmetry.api.Warning;
import io.clawmetry.api.WarningKind;
import io.clawmetry.core.discovery.Environment;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model whose price source publishes no cache-read (or cache-write) price prices those tokens at $0, as ccusage
 * does; the report says so for the models whose estimated calls had such tokens. The bundled LiteLLM table has no
 * cache-read price for deepseek/deepseek-v3.2 (input $0.28, output $0.40 per million tokens there).
 */
class PartlyPricedWarningsTest {

  @TempDir Path tmp;

  private Path home(boolean recordedCost) throws IOException {
    Path sessions = Files.createDirectories(tmp.resolve("home/agents/main/sessions"));
    String cost = recordedCost
        ? ",\"cost\":{\"input\":0.0003,\"output\":0.0001,\"cacheRead\":0.0005,\"cacheWrite\":0,\"total\":0.0009}"
        : "";
    Files.writeString(sessions.resolve("s1.jsonl"),
        "{\"type\":\"session\",\"version\":3,\"id\":\"s1\",\"timestamp\":\"2026-11-20T10:00:00.000Z\",\"cwd\":\"/w\"}\n"
            + "{\"type\":\"message\",\"id\":\"a1\",\"parentId\":null,\"timestamp\":\"2026-11-20T10:00:01.000Z\","
            + "\"message\":{\"role\":\"assistant\",\"content\":[],\"provider\":\"deepseek\",\"model\":\"deepseek-v3.2\","
            + "\"usage\":{\"input\":1000,\"output\":250,\"cacheRead\":20000,\"cacheWrite\":0,\"totalTokens\":21250"
            + cost + "},\"stopReason\":\"stop\"}}\n"
            // a priced model with cache reads: no warning for it
            + "{\"type\":\"message\",\"id\":\"a2\",\"parentId\":\"a1\",\"timestamp\":\"2026-11-20T10:00:02.000Z\","
            + "\"message\":{\"role\":\"assistant\",\"content\":[],\"provider\":\"zai\",\"model\":\"glm-5\","
            + "\"usage\":{\"input\":10,\"output\":5,\"cacheRead\":300,\"cacheWrite\":0,\"totalTokens\":315},"
            + "\"stopReason\":\"stop\"}}\n");
    return tmp.resolve("home");
  }

  private UsageReport report(Path home, CostMode mode, Path overrides) {
    ClawMetryBuilder b = ClawMetryBuilder.create()
        .environment(Environment.of(Map.of(), tmp.resolve("u")))
        .stateDir(home);
    if (overrides != null) {
      b.pricingOverrides(overrides);
    }
    try (ClawMetry cm = b.build()) {
      return cm.usage(UsageQuery.daily(ZoneId.of("UTC")).withCostMode(mode));
    }
  }

  private static List<Warning> missing(UsageReport r) {
    return r.warnings().stream()
        .filter(w -> w.kind() == WarningKind.MISSING && w.source().startsWith("cache pricing"))
        .toList();
  }

  @Test
  void cacheReadsWithoutAPriceAreNamed() throws IOException {
    UsageReport r = report(home(false), CostMode.AUTO, null);
    // 1000 × 0.28 + 250 × 0.40 per million, the 20,000 cache reads at $0; glm-5: 10 × 1 + 5 × 3.2 + 300 × 0.2
    assertEquals(new BigDecimal("0.000466"), r.totals().cost());
    List<Warning> w = missing(r);
    assertEquals(1, w.size(), w.toString());
    assertEquals(w, r.warnings().stream().filter(x -> x.kind() == WarningKind.MISSING).toList(), "no other");
    assertEquals("cache pricing deepseek/deepseek-v3.2", w.get(0).source());
    assertEquals("litellm (bundled) has no cache-read price for deepseek/deepseek-v3.2: the cache-read tokens of its"
        + " estimated calls (20,000) count as $0 (set one with --pricing-overrides)", w.get(0).message());
    assertEquals(1, w.get(0).count());
  }

  @Test
  void noWarningWhenThePriceIsGivenOrTheCostRecorded() throws IOException {
    Path overrides = Files.writeString(tmp.resolve("o.json"),
        "{\"deepseek/deepseek-v3.2\":{\"input\":0.28,\"output\":0.42,\"cacheRead\":0.028}}");
    assertEquals(List.of(), missing(report(home(false), CostMode.AUTO, overrides)));
    Path recorded = home(true);
    assertEquals(List.of(), missing(report(recorded, CostMode.AUTO, null)));
    assertEquals(List.of(), missing(report(recorded, CostMode.DISPLAY, null)));
    assertEquals(1, missing(report(recorded, CostMode.CALCULATE, null)).size());
  }

  /** A home of one session whose assistant messages are {@code provider, model, usage JSON} triples. */
  private Path homeOf(String... calls) throws IOException {
    Path sessions = Files.createDirectories(tmp.resolve("h2/agents/main/sessions"));
    StringBuilder s = new StringBuilder(
        "{\"type\":\"session\",\"version\":3,\"id\":\"s2\",\"timestamp\":\"2026-11-20T10:00:00.000Z\",\"cwd\":\"/w\"}\n");
    for (int i = 0; i < calls.length; i += 3) {
      s.append("{\"type\":\"message\",\"id\":\"m").append(i).append("\",\"parentId\":null,")
          .append("\"timestamp\":\"2026-11-20T10:00:0").append(i / 3).append(".000Z\",")
          .append("\"message\":{\"role\":\"assistant\",\"content\":[],\"provider\":\"").append(calls[i])
          .append("\",\"model\":\"").append(calls[i + 1]).append("\",\"usage\":").append(calls[i + 2])
          .append(",\"stopReason\":\"stop\"}}\n");
    }
    Files.writeString(sessions.resolve("s2.jsonl"), s.toString());
    return tmp.resolve("h2");
  }

  @Test
  void cacheReadsOfRecordedCallsInAMixedLineAreNotNamed() throws IOException {
    // the cache reads are in the call whose cost OpenClaw recorded; the estimated call has none
    Path home = homeOf(
        "deepseek", "deepseek-v3.2",
        "{\"input\":1000,\"output\":1000,\"cacheRead\":5000,\"cacheWrite\":0,\"cost\":{\"total\":0.01}}",
        "deepseek", "deepseek-v3.2", "{\"input\":1000,\"output\":1000,\"cacheRead\":0,\"cacheWrite\":0}");
    UsageReport r = report(home, CostMode.AUTO, null);
    assertEquals(new BigDecimal("0.01068"), r.totals().cost()); // 0.01 + 1000 × 0.28 + 1000 × 0.40 per million
    assertEquals(List.of(), missing(r));
    // estimated both: the first call's 5,000 cache reads are unpriced, and only they
    List<Warning> w = missing(report(home, CostMode.CALCULATE, null));
    assertEquals(1, w.size(), w.toString());
    assertEquals("litellm (bundled) has no cache-read price for deepseek/deepseek-v3.2: the cache-read tokens of its"
        + " estimated calls (5,000) count as $0 (set one with --pricing-overrides)", w.get(0).message());
  }

  @Test
  void oneHourCacheWritesPricedAtTwiceTheInputPriceAreNotNamed() throws IOException {
    // LiteLLM has no cache-write price for openai/gpt-5, but 1-hour writes cost twice the input price ($1.25)
    Path home = homeOf("openai", "gpt-5",
        "{\"input\":1000,\"output\":0,\"cacheRead\":0,\"cacheWrite\":2000,\"cacheWrite1h\":2000}");
    UsageReport r = report(home, CostMode.AUTO, null);
    assertEquals(new BigDecimal("0.00625"), r.totals().cost()); // 1000 × 1.25 + 2000 × 2.50 per million
    assertEquals(List.of(), missing(r));
  }

  @Test
  void cacheWritesPricedByALongContextTierAreNotNamed() throws IOException {
    // the plain gemini-2.5-pro key has a cache-write price only above 200k prompt tokens ($0.25 per million)
    Path home = homeOf("custom", "gemini-2.5-pro",
        "{\"input\":250000,\"output\":0,\"cacheRead\":0,\"cacheWrite\":10000}");
    UsageReport r = report(home, CostMode.AUTO, null);
    assertEquals(new BigDecimal("0.6275"), r.totals().cost()); // 250,000 × 2.50 + 10,000 × 0.25 per million
    assertEquals(List.of(), missing(r));
  }
  /**
   * Found by review: with per-agent model catalogs the same model can be estimated from two price sources. An agent
   * whose catalog prices deepseek/deepseek-v3.2 without a cache-read price and another agent priced by the bundled
   * table: the model's one warning names each source with the tokens it left at $0 (it named only the last call's
   * source, with the tokens of both).
   */
  @Test
  void eachPriceSourceIsNamedWithItsOwnTokens() throws IOException {
    Path home = tmp.resolve("home");
    for (String agent : new String[] {"alpha", "beta"}) {
      Path sessions = Files.createDirectories(home.resolve("agents/" + agent + "/sessions"));
      long cacheRead = agent.equals("alpha") ? 20000 : 3000;
      Files.writeString(sessions.resolve("s-" + agent + ".jsonl"),
          "{\"type\":\"session\",\"version\":3,\"id\":\"s-" + agent + "\",\"timestamp\":\"2026-11-20T10:00:00.000Z\"}\n"
              + "{\"type\":\"message\",\"id\":\"a-" + agent + "\",\"parentId\":null,"
              + "\"timestamp\":\"2026-11-20T10:00:0" + (agent.equals("alpha") ? 1 : 2) + ".000Z\","
              + "\"message\":{\"role\":\"assistant\",\"content\":[],\"provider\":\"deepseek\","
              + "\"model\":\"deepseek-v3.2\",\"usage\":{\"input\":1000,\"output\":250,\"cacheRead\":" + cacheRead
              + ",\"cacheWrite\":0},\"stopReason\":\"stop\"}}\n");
    }
    Path catalog = Files.createDirectories(home.resolve("agents/alpha/agent")).resolve("models.json");
    Files.writeString(catalog, "{\"providers\":{\"deepseek\":{\"models\":[{\"id\":\"deepseek-v3.2\","
        + "\"cost\":{\"input\":0.3,\"output\":0.5}}]}}}");
    List<String> messages = missing(report(home, CostMode.CALCULATE, null)).stream().map(Warning::message).toList();
    assertEquals(List.of(
        "litellm (bundled) has no cache-read price for deepseek/deepseek-v3.2: the cache-read tokens of its estimated"
            + " calls (3,000); model catalog " + catalog + " has no cache-read price for deepseek/deepseek-v3.2: the"
            + " cache-read tokens of its estimated calls (20,000) count as $0 (set one with --pricing-overrides)"),
        messages);
  }
}
