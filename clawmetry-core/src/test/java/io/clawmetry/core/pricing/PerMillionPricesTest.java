package io.clawmetry.core.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PerMillionPricesTest {

  private static BigDecimal input(PerMillionPrices p, String provider, String model) {
    return p.find(provider, model).orElseThrow().input();
  }

  @Test
  void aModelKeyWithoutProviderPricesEveryProviderAlsoNextToAProviderKeyOfTheSameModel() {
    // overrides {"openai/gpt-4o": {input: 2}, "gpt-4o": {input: 1}}: azure's gpt-4o takes the bare entry ($1 per 1M)
    PerMillionPrices p =
        new PerMillionPrices("overrides")
            .add("openai", "gpt-4o", BigDecimal.valueOf(2), null, null, null)
            .add(null, "gpt-4o", BigDecimal.ONE, null, null, null);
    assertEquals(new BigDecimal("0.000002"), input(p, "openai", "gpt-4o"));
    assertEquals(new BigDecimal("0.000001"), input(p, "azure", "gpt-4o"));
    assertEquals(new BigDecimal("0.000001"), input(p, null, "gpt-4o"), "no provider: the bare entry");
  }

  @Test
  void theOrderOfTheEntriesDoesNotMatter() {
    PerMillionPrices p =
        new PerMillionPrices("overrides")
            .add(null, "gpt-4o", BigDecimal.ONE, null, null, null)
            .add("openai", "gpt-4o", BigDecimal.valueOf(2), null, null, null);
    assertEquals(new BigDecimal("0.000002"), input(p, "openai", "gpt-4o"));
    assertEquals(new BigDecimal("0.000001"), input(p, "azure", "gpt-4o"));
    assertEquals(new BigDecimal("0.000001"), input(p, null, "gpt-4o"));
  }

  @Test
  void aModelPricedForAnotherProviderOnlyIsNotBorrowed() {
    PerMillionPrices p = new PerMillionPrices("openclaw.json").add("openai", "gpt-4o", BigDecimal.ONE, null, null, null);
    assertTrue(p.find("azure", "gpt-4o").isEmpty());
    assertEquals(new BigDecimal("0.000001"), input(p, null, "gpt-4o"), "no provider: any provider's entry");
  }
}
