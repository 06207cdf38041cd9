package io.clawmetry.core.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clawmetry.api.CostMode;
import io.clawmetry.api.CostSource;
import io.clawmetry.api.RecordedCost;
import io.clawmetry.api.Usage;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class CostFunctionTest {

  private static final LiteLlmPrices LITELLM = LiteLlmPrices.bundled();

  private static Usage usage(long in, long out, long cr, long cw, String recorded) {
    return new Usage(
        in, out, cr, cw, in + out + cr + cw, 0,
        recorded == null ? null : new RecordedCost(null, null, null, null, new BigDecimal(recorded)));
  }

  private static CostFunction withConfig(PerMillionPrices config) {
    return new CostFunction(new PriceBook(List.of(config, LITELLM)));
  }

  @Test
  void configPricesPerMillionReproduceOpenClawsOwnRecordedCost() {
    // FORMATS §4.5: 3721·3 + 11136·0.3 + 11·15 µUSD = 0.0146688, the cost.total the real gateway wrote.
    PerMillionPrices cfg =
        new PerMillionPrices("openclaw.json")
            .add("mocklm", "mock-1", new BigDecimal("3"), new BigDecimal("15"), new BigDecimal("0.3"), BigDecimal.ZERO);
    PricedCost c = withConfig(cfg).cost(usage(3721, 11, 11136, 0, null), "mocklm", "mock-1", CostMode.AUTO);
    assertEquals(0, new BigDecimal("0.0146688").compareTo(c.amount()), c.toString());
    assertEquals(CostSource.ESTIMATED, c.source());
    assertEquals("openclaw.json", c.priceSource());
  }

  @Test
  void anthropicByHandIncludingCacheWrite() {
    // claude-sonnet-4-5: in 3e-6, out 1.5e-5, cache read 3e-7, cache write 3.75e-6 (LiteLLM table)
    // 1000*3e-6 + 500*1.5e-5 + 2000*3e-7 + 100*3.75e-6 = 0.003 + 0.0075 + 0.0006 + 0.000375 = 0.011475
    PricedCost c =
        new CostFunction(new PriceBook(List.of(LITELLM)))
            .cost(usage(1000, 500, 2000, 100, null), "anthropic", "claude-sonnet-4-5", CostMode.AUTO);
    assertEquals(new BigDecimal("0.011475"), c.amount());
  }

  @Test
  void tieredPriceAppliesToTheWholeMessageAbove200k() {
    // 250 000 prompt tokens > 200k: input 6e-6, output 2.25e-5 → 1.5 + 0.0225 = 1.5225
    PricedCost c =
        new CostFunction(new PriceBook(List.of(LITELLM)))
            .cost(usage(250_000, 1000, 0, 0, null), "anthropic", "claude-sonnet-4-5-20250929", CostMode.CALCULATE);
    assertEquals(new BigDecimal("1.5225"), c.amount());
    // exactly 200 000 is not above the threshold: 200000*3e-6 + 1000*1.5e-5 = 0.615
    PricedCost base =
        new CostFunction(new PriceBook(List.of(LITELLM)))
            .cost(usage(200_000, 1000, 0, 0, null), "anthropic", "claude-sonnet-4-5", CostMode.CALCULATE);
    assertEquals(new BigDecimal("0.615"), base.amount());
  }

  @Test
  void openAiAndGoogleAliases() {
    CostFunction f = new CostFunction(new PriceBook(List.of(LITELLM)));
    // gpt-5: 1.25e-6 in, 1e-5 out, 1.25e-7 cache read: 10000*1.25e-6 + 1000*1e-5 + 4000*1.25e-7 = 0.0125+0.01+0.0005
    assertEquals(
        new BigDecimal("0.023"),
        f.cost(usage(10_000, 1000, 4000, 0, null), "openai-codex", "gpt-5", CostMode.AUTO).amount());
    // gemini-2.5-pro through provider "google": 1.25e-6 in, 1e-5 out → 0.00125 + 0.001 = 0.00225
    assertEquals(
        new BigDecimal("0.00225"),
        f.cost(usage(1000, 100, 0, 0, null), "google", "gemini-2.5-pro", CostMode.AUTO).amount());
  }

  @Test
  void noLoosePrefixMatching() {
    CostFunction f = new CostFunction(new PriceBook(List.of(LITELLM)));
    // claude-opus-4-5 is 5e-6 per input token; claude-opus-4 would be 1.5e-5 (the Python peer's 3x error)
    assertEquals(
        new BigDecimal("0.005"),
        f.cost(usage(1000, 0, 0, 0, null), "anthropic", "claude-opus-4-5", CostMode.AUTO).amount());
    assertEquals(
        CostSource.UNKNOWN,
        f.cost(usage(1000, 0, 0, 0, null), "anthropic", "claude-opus-4-5-9", CostMode.AUTO).source());
  }

  @Test
  void autoUsesRecordedUnlessZeroOnRealTokens() {
    CostFunction f = new CostFunction(new PriceBook(List.of(LITELLM)));
    PricedCost recorded = f.cost(usage(1000, 10, 0, 0, "0.5"), "anthropic", "claude-sonnet-4-5", CostMode.AUTO);
    assertEquals(CostSource.RECORDED, recorded.source());
    assertEquals(new BigDecimal("0.5"), recorded.amount());
    PricedCost zero = f.cost(usage(1000, 10, 0, 0, "0"), "anthropic", "claude-sonnet-4-5", CostMode.AUTO);
    assertEquals(CostSource.ESTIMATED, zero.source());
    assertEquals(new BigDecimal("0.00315"), zero.amount());
    PricedCost display = f.cost(usage(1000, 10, 0, 0, "0"), "anthropic", "claude-sonnet-4-5", CostMode.DISPLAY);
    assertEquals(CostSource.RECORDED, display.source());
    assertEquals(0, display.amount().signum());
    PricedCost unknown = f.cost(usage(1000, 10, 0, 0, "0"), "mocklm", "mock-1", CostMode.AUTO);
    assertEquals(CostSource.UNKNOWN, unknown.source());
    assertTrue(LITELLM.size() > 2000, "bundled table loaded: " + LITELLM.size());
  }
}
