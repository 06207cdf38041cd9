package io.clawmetry.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.clawmetry.api.ClawMetry;
import io.clawmetry.api.CostMode;
import io.clawmetry.api.UsageQuery;
import io.clawmetry.api.Warning;
import io.clawmetry.api.WarningKind;
import io.clawmetry.core.discovery.Environment;
import io.clawmetry.core.testing.TestHomes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The warning about calls counted as $0 gives the real reason: in display mode OpenClaw recorded no cost for them
 * (whatever the prices), in the other modes no price is known, or the model's name is ambiguous in the LiteLLM table.
 */
class UnpricedWarningsTest {

  @TempDir Path tmp;

  private List<Warning> costWarnings(Path overrides, CostMode mode) {
    ClawMetryBuilder b =
        ClawMetryBuilder.create()
            .environment(Environment.of(Map.of(), tmp.resolve("u")))
            .stateDir(TestHomes.exampleHome());
    if (overrides != null) {
      b.pricingOverrides(overrides);
    }
    try (ClawMetry cm = b.build()) {
      return cm.usage(UsageQuery.daily(ZoneId.of("UTC")).withCostMode(mode)).warnings().stream()
          .filter(w -> w.kind() == WarningKind.MISSING)
          .toList();
    }
  }

  @Test
  void displayModeSaysOpenClawRecordedNoCostEvenForAPricedModel() throws Exception {
    // local/llama is priced in the example's openclaw.json; one of its calls has no recorded cost
    String expected =
        "calls of local/llama with no cost recorded by OpenClaw count as $0 (display mode shows recorded costs only;"
            + " use -m auto or calculate to estimate)";
    List<Warning> display = costWarnings(null, CostMode.DISPLAY);
    assertEquals(1, display.size(), display.toString());
    assertEquals(expected, display.get(0).message());
    assertEquals("recorded cost local/llama", display.get(0).source());
    assertEquals(1, display.get(0).count());

    Path overrides = Files.writeString(tmp.resolve("o.json"), "{\"local/llama\":{\"input\":1,\"output\":2}}");
    List<Warning> withPrice = costWarnings(overrides, CostMode.DISPLAY);
    assertEquals(List.of(expected), withPrice.stream().map(Warning::message).toList());

    assertEquals(List.of(), costWarnings(null, CostMode.AUTO));
  }

  @Test
  void anAmbiguousNameIsSaidToBe() throws Exception {
    // vertex_ai/mistral-nemo@2407 (3e-6 per token) and vertex_ai/mistral-nemo@latest (1.5e-7) are both mistral-nemo
    Path sessions = Files.createDirectories(tmp.resolve("home/agents/main/sessions"));
    StringBuilder lines =
        new StringBuilder(
            "{\"type\":\"session\",\"version\":3,\"id\":\"s1\",\"timestamp\":\"2026-11-20T10:00:00.000Z\","
                + "\"cwd\":\"/w\"}\n");
    int i = 0;
    for (String[] pm : List.of(new String[] {"google-vertex", "mistral-nemo"}, new String[] {"acme", "zzz"})) {
      i++;
      lines.append("{\"type\":\"message\",\"id\":\"a").append(i).append("\",\"parentId\":null,")
          .append("\"timestamp\":\"2026-11-20T10:00:0").append(i).append(".000Z\",\"message\":{\"role\":")
          .append("\"assistant\",\"content\":[],\"provider\":\"").append(pm[0]).append("\",\"model\":\"")
          .append(pm[1]).append("\",\"usage\":{\"input\":10,\"output\":5,\"cacheRead\":0,\"cacheWrite\":0,")
          .append("\"totalTokens\":15},\"stopReason\":\"stop\"}}\n");
    }
    Files.writeString(sessions.resolve("s1.jsonl"), lines, StandardCharsets.UTF_8);
    try (ClawMetry cm =
        ClawMetryBuilder.create()
            .environment(Environment.of(Map.of(), tmp.resolve("u")))
            .stateDir(tmp.resolve("home"))
            .build()) {
      List<String> missing =
          cm.usage(UsageQuery.daily(ZoneId.of("UTC"))).warnings().stream()
              .filter(w -> w.kind() == WarningKind.MISSING)
              .map(w -> w.source() + ": " + w.message())
              .toList();
      assertEquals(
          List.of(
              "pricing acme/zzz: no price known for acme/zzz: its calls without a recorded cost count as $0 (add it"
                  + " with --pricing-overrides)",
              "pricing google-vertex/mistral-nemo: no price known for google-vertex/mistral-nemo: its name is"
                  + " ambiguous (price-table keys of different prices stand for it); its calls without a recorded cost"
                  + " count as $0 (add it with --pricing-overrides)"),
          missing);
    }
  }
}
