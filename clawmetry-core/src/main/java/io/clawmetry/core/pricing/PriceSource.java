package io.clawmetry.core.pricing;

import java.util.Optional;

/** One place prices come from (an override file, openclaw.json, a model catalog, the bundled LiteLLM table). */
public interface PriceSource {

  /** A short name for reports ("openclaw.json", "litellm", ...). */
  String name();

  /** The prices of {@code model} served by {@code provider} (either may be null), if this source knows them. */
  Optional<TokenPrices> find(String provider, String model);

  /**
   * Whether this source has no price for {@code model} because the name stands for entries with different prices
   * (said in the warning about its unpriced calls). No source but the LiteLLM table is ambiguous.
   */
  default boolean ambiguous(String provider, String model) {
    return false;
  }
}
