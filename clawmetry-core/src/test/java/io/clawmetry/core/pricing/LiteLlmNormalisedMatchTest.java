package io.clawmetry.core.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clawmetry.api.CostMode;
import io.clawmetry.api.CostSource;
import io.clawmetry.api.Usage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bundled table's last step before "unknown": a model id and the table's keys both normalised (date suffixes,
 * {@code -latest}, a trailing {@code -0} after a version number), accepted only when every key of that normalised name
 * has the same prices.
 */
class LiteLlmNormalisedMatchTest {

  private static final LiteLlmPrices LITELLM = LiteLlmPrices.bundled();
  private static final CostFunction COSTS = new CostFunction(new PriceBook(List.of(LITELLM)));

  private static Usage usage(long in, long out, long cr, long cw) {
    return new Usage(in, out, cr, cw, in + out + cr + cw, 0, null);
  }

  private static PricedCost cost(String provider, String model) {
    return COSTS.cost(usage(1000, 500, 2000, 100), provider, model, CostMode.CALCULATE);
  }

  @Test
  void anthropicAliasesArePricedAsTheirDatedModel() {
    // claude-sonnet-4-20250514: in 3e-6, out 1.5e-5, cache read 3e-7, cache write 3.75e-6:
    // 1000*3e-6 + 500*1.5e-5 + 2000*3e-7 + 100*3.75e-6 = 0.003 + 0.0075 + 0.0006 + 0.000375 = 0.011475
    for (String alias : List.of("claude-sonnet-4-0", "claude-sonnet-4")) {
      PricedCost c = cost("anthropic", alias);
      assertEquals(CostSource.ESTIMATED, c.source(), alias);
      assertEquals(new BigDecimal("0.011475"), c.amount(), alias);
      // the same prices, its 200k tier included
      assertEquals(LITELLM.find("anthropic", "claude-sonnet-4-20250514"), LITELLM.find("anthropic", alias), alias);
    }
    // claude-opus-4-20250514: in 1.5e-5, out 7.5e-5, cache read 1.5e-6, cache write 1.875e-5:
    // 0.015 + 0.0375 + 0.003 + 0.001875 = 0.057375
    for (String alias : List.of("claude-opus-4-0", "claude-opus-4")) {
      PricedCost c = cost("anthropic", alias);
      assertEquals(CostSource.ESTIMATED, c.source(), alias);
      assertEquals(new BigDecimal("0.057375"), c.amount(), alias);
      assertEquals(LITELLM.find("anthropic", "claude-opus-4-20250514"), LITELLM.find("anthropic", alias), alias);
    }
    // claude-3-7-sonnet-20250219: the prices of claude-sonnet-4 without its tier: 0.011475
    PricedCost latest = cost("anthropic", "claude-3-7-sonnet-latest");
    assertEquals(CostSource.ESTIMATED, latest.source());
    assertEquals(new BigDecimal("0.011475"), latest.amount());
    assertEquals(
        LITELLM.find("anthropic", "claude-3-7-sonnet-20250219"),
        LITELLM.find("anthropic", "claude-3-7-sonnet-latest"));
    // above 200k the alias is billed at claude-sonnet-4-20250514's tier: 250000*6e-6 + 1000*2.25e-5 = 1.5225
    assertEquals(
        new BigDecimal("1.5225"),
        COSTS.cost(usage(250_000, 1000, 0, 0), "anthropic", "claude-sonnet-4-0", CostMode.CALCULATE).amount());
    // through another family's keys: vertex_ai/claude-opus-4 and vertex_ai/claude-opus-4@20250514 agree
    assertEquals(new BigDecimal("0.057375"), cost("google-vertex", "claude-opus-4-0").amount());
  }

  @Test
  void differentNormalisedNamesNeverMatch() {
    assertEquals("claude-opus-4", ModelNames.normalise("claude-opus-4-0"));
    assertEquals("claude-opus-4", ModelNames.normalise("claude-opus-4-20250514"));
    assertNotEquals(ModelNames.normalise("claude-opus-4"), ModelNames.normalise("claude-opus-4-1-20250805"));
    assertNotEquals(ModelNames.normalise("claude-opus-4"), ModelNames.normalise("claude-opus-4-5-20251101"));
    // claude-opus-4-5 keeps its own price, 5e-6 per input token (claude-opus-4's is 1.5e-5)
    assertEquals(
        new BigDecimal("0.005"),
        COSTS.cost(usage(1000, 0, 0, 0), "anthropic", "claude-opus-4-5", CostMode.CALCULATE).amount());
    assertEquals(
        new BigDecimal("0.005"),
        COSTS.cost(usage(1000, 0, 0, 0), "anthropic", "claude-opus-4-5-0", CostMode.CALCULATE).amount());
    assertEquals(CostSource.UNKNOWN, cost("anthropic", "claude-opus-4-5-9").source());
    assertEquals(CostSource.UNKNOWN, cost("anthropic", "claude-opus-4-9").source());
    // a local model never borrows a cloud provider's price (groq/qwen/qwen3-32b is in the table)
    assertEquals(CostSource.UNKNOWN, cost("lmstudio", "qwen/qwen3-32b").source());
    assertEquals(CostSource.UNKNOWN, cost("lmstudio", "qwen/qwen3-32b-latest").source());
  }

  @Test
  void anAmbiguousNormalisedNameInTheBundledTableStaysUnknown() {
    // vertex_ai/mistral-nemo@2407 costs 3e-6 per token, vertex_ai/mistral-nemo@latest 1.5e-7
    assertEquals(CostSource.UNKNOWN, cost("google-vertex", "mistral-nemo").source());
    assertTrue(LITELLM.ambiguous("google-vertex", "mistral-nemo"));
    assertTrue(LITELLM.find("google-vertex", "mistral-nemo@2407").isPresent(), "exact keys still match");
  }

  @Test
  void anAmbiguousNormalisedNameStaysUnknown() throws IOException {
    LiteLlmPrices t =
        table(
            "{\"acme/foo-20250101\": {\"input_cost_per_token\": 1e-6, \"output_cost_per_token\": 2e-6},"
                + " \"acme/foo-20250601\": {\"input_cost_per_token\": 3e-6, \"output_cost_per_token\": 2e-6},"
                + " \"acme/bar-20250101\": {\"input_cost_per_token\": 1e-6, \"output_cost_per_token\": 2e-6},"
                + " \"acme/bar-latest\": {\"input_cost_per_token\": 0.000001, \"output_cost_per_token\": 2.0e-6},"
                + " \"acme/baz-20250101\": {\"input_cost_per_token\": 1e-6, \"output_cost_per_token\": 2e-6,"
                + "   \"input_cost_per_token_above_200k_tokens\": 2e-6},"
                + " \"acme/baz-20250601\": {\"input_cost_per_token\": 1e-6, \"output_cost_per_token\": 2e-6,"
                + "   \"input_cost_per_token_above_200k_tokens\": 4e-6},"
                + " \"acme/qux-1-20250101\": {\"input_cost_per_token\": 1e-6, \"output_cost_per_token\": 2e-6},"
                + " \"acme/qux-20250101\": {\"input_cost_per_token\": 5e-6, \"output_cost_per_token\": 2e-6}}");
    assertTrue(t.find("acme", "foo").isEmpty(), "two prices for acme/foo");
    assertTrue(t.find("acme", "foo-latest").isEmpty());
    assertTrue(t.ambiguous("acme", "foo"));
    assertTrue(!t.ambiguous("acme", "bar") && !t.ambiguous("acme", "foo-20250601") && !t.ambiguous("acme", "nope"));
    assertTrue(t.find("acme", "baz-0").isEmpty(), "same base prices, different tiers");
    // the same prices written differently (1e-6, 0.000001) agree
    assertEquals(new BigDecimal("1E-6"), t.find("acme", "bar").orElseThrow().input());
    assertTrue(t.find("acme", "bar-0").isEmpty(), "a -0 is dropped only after a version number");
    // qux-1 and qux are different names
    assertEquals(new BigDecimal("1E-6"), t.find("acme", "qux-1-0").orElseThrow().input());
    assertEquals(new BigDecimal("5E-6"), t.find("acme", "qux-latest").orElseThrow().input());
    // exact keys are untouched
    assertEquals(new BigDecimal("3E-6"), t.find("acme", "foo-20250601").orElseThrow().input());
  }

  private static LiteLlmPrices table(String json) throws IOException {
    return LiteLlmPrices.read("test", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }
}
