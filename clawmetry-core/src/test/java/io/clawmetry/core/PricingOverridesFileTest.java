package io.clawmetry.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.clawmetry.api.ClawMetry;
import io.clawmetry.api.UsageQuery;
import io.clawmetry.core.discovery.Environment;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pricing overrides file whose entry gives no price under the names ClawMetry reads ({@code input}, {@code output},
 * {@code cacheRead}, {@code cacheWrite}, numbers in USD per million tokens) is refused: it would price its model at $0
 * as an estimate, ahead of every other price source, without a word.
 */
class PricingOverridesFileTest {

  @TempDir Path tmp;

  private Path home() throws IOException {
    Path sessions = Files.createDirectories(tmp.resolve("home/agents/main/sessions"));
    Files.writeString(sessions.resolve("s1.jsonl"),
        "{\"type\":\"session\",\"version\":3,\"id\":\"s1\",\"timestamp\":\"2026-11-20T10:00:00.000Z\",\"cwd\":\"/w\"}\n"
            + "{\"type\":\"message\",\"id\":\"a1\",\"parentId\":null,\"timestamp\":\"2026-11-20T10:00:01.000Z\","
            + "\"message\":{\"role\":\"assistant\",\"content\":[],\"provider\":\"anthropic\","
            + "\"model\":\"claude-sonnet-4-5\",\"usage\":{\"input\":100,\"output\":100,\"cacheRead\":0,"
            + "\"cacheWrite\":0},\"stopReason\":\"stop\"}}\n");
    return tmp.resolve("home");
  }

  private BigDecimal cost(String overrides) throws IOException {
    Path file = Files.writeString(tmp.resolve("o.json"), overrides);
    try (ClawMetry cm = ClawMetryBuilder.create()
        .environment(Environment.of(Map.of(), tmp.resolve("u")))
        .stateDir(home())
        .pricingOverrides(file)
        .build()) {
      return cm.usage(UsageQuery.daily(ZoneId.of("UTC"))).totals().cost();
    }
  }

  @Test
  void anEntryWithPricesIsUsed() throws IOException {
    assertEquals(new BigDecimal("0.0002"), cost("{\"anthropic/claude-sonnet-4-5\":{\"input\":1,\"output\":1}}"));
  }

  @Test
  void anEntryWithoutAPriceUnderAKnownNameIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> cost("{\"anthropic/claude-sonnet-4-5\":{\"inputPrice\":3,\"outputPrice\":15}}"));
    assertEquals("pricing overrides " + tmp.resolve("o.json") + ": anthropic/claude-sonnet-4-5 has none of input,"
        + " output, cacheRead, cacheWrite (USD per million tokens)", e.getMessage());
  }

  @Test
  void aPriceThatIsNotANumberIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> cost("{\"anthropic/claude-sonnet-4-5\":{\"input\":\"3\",\"output\":15}}"));
    assertEquals("pricing overrides " + tmp.resolve("o.json") + ": anthropic/claude-sonnet-4-5 input is not a number"
        + " (USD per million tokens)", e.getMessage());
  }
}
