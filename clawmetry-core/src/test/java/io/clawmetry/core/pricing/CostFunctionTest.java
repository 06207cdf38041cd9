package io.clawmetry.core.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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

  /** A usage with {@code cw1h} of its {@code cw} cache writes in the 1-hour cache. */
  private static Usage usage1h(long in, long out, long cr, long cw, long cw1h, String recorded) {
    return new Usage(
        in, out, cr, cw, in + out + cr + cw, 0,
        recorded == null ? null : new RecordedCost(null, null, null, null, new BigDecimal(recorded)), cw1h);
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
  void oneHourCacheWritesAtLiteLlmsOneHourPrice() {
    // claude-sonnet-4-5 (LiteLLM): in 3e-6, out 1.5e-5, cache read 3e-7, cache write 3.75e-6,
    // cache_creation_input_token_cost_above_1hr 6e-6. 1000 cache writes, 600 of them to the 1-hour cache:
    // 1000*3e-6 + 500*1.5e-5 + 2000*3e-7 + (1000-600)*3.75e-6 + 600*6e-6
    //   = 0.003 + 0.0075 + 0.0006 + 0.0015 + 0.0036 = 0.0162
    CostFunction f = new CostFunction(new PriceBook(List.of(LITELLM)));
    PricedCost c = f.cost(usage1h(1000, 500, 2000, 1000, 600, null), "anthropic", "claude-sonnet-4-5", CostMode.AUTO);
    assertEquals(new BigDecimal("0.0162"), c.amount());
    assertEquals(CostSource.ESTIMATED, c.source());
    // all 1000 at the 5-minute price instead: 0.003 + 0.0075 + 0.0006 + 1000*3.75e-6 (0.00375) = 0.01485
    assertEquals(
        new BigDecimal("0.01485"),
        f.cost(usage1h(1000, 500, 2000, 1000, 0, null), "anthropic", "claude-sonnet-4-5", CostMode.AUTO).amount());
    // a recorded cost is still used as it is in AUTO mode
    PricedCost recorded =
        f.cost(usage1h(1000, 500, 2000, 1000, 600, "0.5"), "anthropic", "claude-sonnet-4-5", CostMode.AUTO);
    assertEquals(CostSource.RECORDED, recorded.source());
    assertEquals(new BigDecimal("0.5"), recorded.amount());
  }

  @Test
  void oneHourCacheWritesAboveTheLongContextThreshold() {
    CostFunction f = new CostFunction(new PriceBook(List.of(LITELLM)));
    // claude-sonnet-4-5-20250929 above 200k (prompt 250000 + 10000 = 260000): in 6e-6, out 2.25e-5,
    // cache write 7.5e-6, cache_creation_input_token_cost_above_1hr_above_200k_tokens 1.2e-5:
    // 250000*6e-6 + 1000*2.25e-5 + 6000*7.5e-6 + 4000*1.2e-5 = 1.5 + 0.0225 + 0.045 + 0.048 = 1.6155
    assertEquals(
        new BigDecimal("0.000012"),
        LITELLM.find("anthropic", "claude-sonnet-4-5-20250929").orElseThrow().tiers().get(0).cacheWrite1h());
    assertEquals(
        new BigDecimal("1.6155"),
        f.cost(usage1h(250_000, 1000, 0, 10_000, 4000, null), "anthropic", "claude-sonnet-4-5-20250929",
            CostMode.CALCULATE).amount());
    // claude-sonnet-4-20250514 has the same tier without a 1-hour price (its base one, 6e-6, is for short prompts):
    // twice the tier's input price, 2*6e-6 = 1.2e-5, so again 1.5 + 0.0225 + 0.045 + 4000*1.2e-5 (0.048) = 1.6155
    // (with the base 1-hour price it would be 1.5915)
    assertEquals(
        new BigDecimal("1.6155"),
        f.cost(usage1h(250_000, 1000, 0, 10_000, 4000, null), "anthropic", "claude-sonnet-4-20250514",
            CostMode.CALCULATE).amount());
  }

  @Test
  void oneHourCacheWritesWithoutAOneHourPriceCostTwiceTheInputPrice() {
    // openclaw.json prices have no 1-hour price: OpenClaw's rule, twice the input price (2*3 = 6 USD per 1M).
    // 3721*3 + 11*15 + 11136*0.3 + (2000-1500)*3.75 + 1500*6 µUSD
    //   = 11163 + 165 + 3340.8 + 1875 + 9000 = 25543.8 µUSD = 0.0255438
    PerMillionPrices cfg =
        new PerMillionPrices("openclaw.json")
            .add("mocklm", "mock-1", new BigDecimal("3"), new BigDecimal("15"), new BigDecimal("0.3"),
                new BigDecimal("3.75"));
    PricedCost c = withConfig(cfg).cost(usage1h(3721, 11, 11136, 2000, 1500, null), "mocklm", "mock-1", CostMode.AUTO);
    assertEquals(new BigDecimal("0.0255438"), c.amount());
    assertEquals("openclaw.json", c.priceSource());
  }

  @Test
  void aPublishedOneHourPriceWinsOverTwiceTheInputPrice() {
    TokenPrices p =
        new TokenPrices(new BigDecimal("0.000001"), new BigDecimal("0.000002"), new BigDecimal("0.0000001"),
            new BigDecimal("0.00000125"), new BigDecimal("0.000005"), List.of());
    PriceSource one =
        new PriceSource() {
          @Override
          public String name() {
            return "test";
          }

          @Override
          public java.util.Optional<TokenPrices> find(String provider, String model) {
            return java.util.Optional.of(p);
          }
        };
    // 100*1e-6 + (1000-400)*1.25e-6 + 400*5e-6 = 0.0001 + 0.00075 + 0.002 = 0.00285 (not 400*2e-6)
    assertEquals(
        new BigDecimal("0.00285"),
        new CostFunction(new PriceBook(List.of(one))).cost(usage1h(100, 0, 0, 1000, 400, null), "x", "m",
            CostMode.CALCULATE).amount());
  }

  @Test
  void aUsageWithoutOneHourWritesIsPricedAsBefore() {
    CostFunction litellm = new CostFunction(new PriceBook(List.of(LITELLM)));
    // the figure of anthropicByHandIncludingCacheWrite: 0.003 + 0.0075 + 0.0006 + 100*3.75e-6 = 0.011475
    PricedCost seven = litellm.cost(usage(1000, 500, 2000, 100, null), "anthropic", "claude-sonnet-4-5",
        CostMode.AUTO);
    PricedCost eight = litellm.cost(usage1h(1000, 500, 2000, 100, 0, null), "anthropic", "claude-sonnet-4-5",
        CostMode.AUTO);
    assertEquals(new BigDecimal("0.011475"), seven.amount());
    assertEquals(seven, eight);
    // openclaw.json prices: 3721*3 + 11*15 + 11136*0.3 + 2000*3.75 µUSD = 11163 + 165 + 3340.8 + 7500 = 0.0221688
    PerMillionPrices cfg =
        new PerMillionPrices("openclaw.json")
            .add("mocklm", "mock-1", new BigDecimal("3"), new BigDecimal("15"), new BigDecimal("0.3"),
                new BigDecimal("3.75"));
    assertEquals(
        new BigDecimal("0.0221688"),
        withConfig(cfg).cost(usage(3721, 11, 11136, 2000, null), "mocklm", "mock-1", CostMode.AUTO).amount());
  }

  @Test
  void aTierKeepsTheBaseOneHourPriceOnlyWhenItChangesNeitherInputNorCacheWrite() {
    BigDecimal in = new BigDecimal("0.000003");
    BigDecimal h = new BigDecimal("0.000006");
    TokenPrices outputOnly =
        new TokenPrices(in, null, null, null, h,
            List.of(new TokenPrices.Tier(100, null, new BigDecimal("0.00002"), null, null)));
    assertEquals(h, outputOnly.forPrompt(101).cacheWrite1h());
    TokenPrices newInput =
        new TokenPrices(in, null, null, null, h,
            List.of(new TokenPrices.Tier(100, new BigDecimal("0.000004"), null, null, null)));
    assertNull(newInput.forPrompt(101).cacheWrite1h());
    assertEquals(new BigDecimal("0.000008"), newInput.forPrompt(101).cacheWrite1hOrTwiceInput());
    assertEquals(h, newInput.forPrompt(100).cacheWrite1hOrTwiceInput(), "not above the threshold");
    TokenPrices tierOneHour =
        new TokenPrices(in, null, null, null, h,
            List.of(new TokenPrices.Tier(100, new BigDecimal("0.000004"), null, null, null, new BigDecimal("0.00001"))));
    assertEquals(new BigDecimal("0.00001"), tierOneHour.forPrompt(101).cacheWrite1hOrTwiceInput());
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
