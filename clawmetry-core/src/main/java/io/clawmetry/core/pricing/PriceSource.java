package io.clawmetry.core.pricing;

import java.util.Optional;

/** One place prices come from (an override file, openclaw.json, a model catalog, the bundled LiteLLM table). */
public interface PriceSource {

  /** A short name for reports ("openclaw.json", "litellm", ...). */
  String name();

  /** The prices of {@code model} served by {@code provider} (either may be null), if this source knows them. */
  Optional<TokenPrices> find(String provider, String model);
}
