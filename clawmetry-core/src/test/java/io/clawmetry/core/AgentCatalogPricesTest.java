package io.clawmetry.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.clawmetry.api.ClawMetry;
import io.clawmetry.api.CostMode;
import io.clawmetry.api.UsagePeriod;
import io.clawmetry.api.UsageQuery;
import io.clawmetry.api.UsageRow;
import io.clawmetry.core.discovery.Environment;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An agent's generated model catalog ({@code agents/<id>/agent/models.json}, FORMATS §3) prices that agent's calls
 * only (the issue: "the agent's model catalog"): two agents whose catalogs price the same self-hosted model
 * differently each get their own price, and an agent without a catalog falls through to the bundled table.
 */
class AgentCatalogPricesTest {

  @TempDir Path tmp;

  private static String call(String id, String model) {
    return "{\"type\":\"message\",\"id\":\"" + id + "\",\"parentId\":null,\"timestamp\":\"2026-11-20T10:00:01.000Z\","
        + "\"message\":{\"role\":\"assistant\",\"content\":[],\"provider\":\"lab\",\"model\":\"" + model + "\","
        + "\"usage\":{\"input\":1000000,\"output\":100000,\"cacheRead\":0,\"cacheWrite\":0,\"totalTokens\":1100000},"
        + "\"stopReason\":\"stop\"}}\n";
  }

  private void agent(Path home, String id, String catalogInputPrice) throws IOException {
    Path sessions = Files.createDirectories(home.resolve("agents/" + id + "/sessions"));
    Files.writeString(sessions.resolve("s-" + id + ".jsonl"),
        "{\"type\":\"session\",\"version\":3,\"id\":\"s-" + id + "\",\"timestamp\":\"2026-11-20T10:00:00.000Z\"}\n"
            + call("a-" + id, "qwen-lab"));
    if (catalogInputPrice != null) {
      Path agentDir = Files.createDirectories(home.resolve("agents/" + id + "/agent"));
      Files.writeString(agentDir.resolve("models.json"),
          "{\"providers\":{\"lab\":{\"baseUrl\":\"http://127.0.0.1:1\",\"api\":\"openai-completions\",\"models\":["
              + "{\"id\":\"qwen-lab\",\"cost\":{\"input\":" + catalogInputPrice + ",\"output\":10,\"cacheRead\":0,"
              + "\"cacheWrite\":0}}]}}}");
    }
  }

  @Test
  void eachAgentsCatalogPricesItsOwnCalls() throws IOException {
    Path home = tmp.resolve("home");
    agent(home, "alpha", "1");
    agent(home, "beta", "3");
    agent(home, "gamma", null);
    Map<String, BigDecimal> cost = new TreeMap<>();
    try (ClawMetry cm = ClawMetryBuilder.create()
        .environment(Environment.of(Map.of(), tmp.resolve("u")))
        .stateDir(home)
        .build()) {
      for (UsageRow r : cm.usage(UsageQuery.daily(ZoneId.of("UTC")).withPeriod(UsagePeriod.AGENT)
          .withCostMode(CostMode.CALCULATE)).rows()) {
        cost.put(r.key(), r.cost());
      }
      // one event priced on its own (the transcript view): by the catalog of the agent whose file holds it
      for (String agent : new String[] {"alpha", "beta", "gamma"}) {
        io.clawmetry.api.TranscriptEvent call = cm.transcript("s-" + agent).items().stream()
            .filter(e -> e instanceof io.clawmetry.api.TranscriptEvent.Message).findFirst().orElseThrow();
        assertEquals(cost.get(agent), cm.cost(call, CostMode.CALCULATE).orElseThrow().amount(), agent);
      }
    }
    // 1M input × $1 or $3 per million + 0.1M output × $10 per million; gamma's model is in no price source
    assertEquals(Map.of("alpha", new BigDecimal("2"), "beta", new BigDecimal("4"), "gamma", BigDecimal.ZERO), cost);
  }
}
