package io.clawmetry.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.clawmetry.api.ClawMetry;
import io.clawmetry.api.CostMode;
import io.clawmetry.api.CostSource;
import io.clawmetry.api.UsageLine;
import io.clawmetry.api.UsageQuery;
import io.clawmetry.api.UsageReport;
import io.clawmetry.api.WarningKind;
import io.clawmetry.core.discovery.Environment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OpenRouter's {@code :free} variants cost nothing: estimated at $0, not unknown. */
class OpenRouterFreeVariantsTest {

  @TempDir Path tmp;

  private UsageReport usage(Path overrides, String... providerModels) throws Exception {
    Path sessions = Files.createDirectories(tmp.resolve("home/agents/main/sessions"));
    StringBuilder lines =
        new StringBuilder(
            "{\"type\":\"session\",\"version\":3,\"id\":\"s1\",\"timestamp\":\"2026-11-20T10:00:00.000Z\","
                + "\"cwd\":\"/w\"}\n");
    for (int i = 0; i < providerModels.length; i += 2) {
      lines.append("{\"type\":\"message\",\"id\":\"a").append(i).append("\",\"parentId\":null,")
          .append("\"timestamp\":\"2026-11-20T10:00:0").append(i).append(".000Z\",\"message\":{\"role\":")
          .append("\"assistant\",\"content\":[],\"provider\":\"").append(providerModels[i]).append("\",\"model\":\"")
          .append(providerModels[i + 1]).append("\",\"usage\":{\"input\":1000,\"output\":500,\"cacheRead\":0,")
          .append("\"cacheWrite\":0,\"totalTokens\":1500},\"stopReason\":\"stop\"}}\n");
    }
    Files.writeString(sessions.resolve("s1.jsonl"), lines, StandardCharsets.UTF_8);
    ClawMetryBuilder b =
        ClawMetryBuilder.create()
            .environment(Environment.of(Map.of(), tmp.resolve("u")))
            .stateDir(tmp.resolve("home"));
    if (overrides != null) {
      b.pricingOverrides(overrides);
    }
    try (ClawMetry cm = b.build()) {
      return cm.usage(UsageQuery.daily(ZoneId.of("UTC")).withCostMode(CostMode.CALCULATE));
    }
  }

  private static UsageLine line(UsageReport r, String model) {
    return r.rows().get(0).models().stream()
        .filter(l -> l.provider().equals("openrouter") && l.model().equals(model))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void freeVariantsOnOpenRouterCostAKnownZero() throws Exception {
    UsageReport r =
        usage(null,
            "openrouter", "meta-llama/llama-3.3-70b-instruct:free",
            "openrouter", "openrouter/deepseek/deepseek-r1:free",
            "acme", "meta-llama/llama-3.3-70b-instruct:free",
            "openrouter", "meta-llama/llama-3.3-70b-instruct");
    for (String free : List.of("meta-llama/llama-3.3-70b-instruct:free", "openrouter/deepseek/deepseek-r1:free")) {
      UsageLine l = line(r, free);
      assertEquals(CostSource.ESTIMATED, l.costSource(), free);
      assertEquals(0, l.cost().signum(), free);
      assertEquals(0, l.unpricedCalls(), free);
    }
    // only OpenRouter's convention: another provider's ":free", and OpenRouter's paid variant, stay unknown
    assertEquals(
        List.of("pricing acme/meta-llama/llama-3.3-70b-instruct:free",
            "pricing openrouter/meta-llama/llama-3.3-70b-instruct"),
        r.warnings().stream().filter(w -> w.kind() == WarningKind.MISSING).map(w -> w.source()).toList());
  }

  @Test
  void anOverrideStillWins() throws Exception {
    Path overrides =
        Files.writeString(
            tmp.resolve("o.json"), "{\"openrouter/meta-llama/llama-3.3-70b-instruct:free\":{\"input\":1,\"output\":2}}");
    // 1000*1e-6 + 500*2e-6 = 0.002
    UsageLine l = line(usage(overrides, "openrouter", "meta-llama/llama-3.3-70b-instruct:free"),
        "meta-llama/llama-3.3-70b-instruct:free");
    assertEquals(0, new java.math.BigDecimal("0.002").compareTo(l.cost()), l.toString());
  }
}
