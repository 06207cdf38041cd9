package io.clawmetry.core.pricing;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * OpenRouter's {@code :free} model variants ({@code meta-llama/llama-3.3-70b-instruct:free} served by provider {@code
 * openrouter}): OpenRouter bills them nothing, so they are priced at $0 (an estimate, not unknown). The last source of
 * a chain: a price any other source gives such a model wins. No other provider's {@code :free} id is priced here.
 */
public final class OpenRouterFreeVariants implements PriceSource {

  /** The one instance. */
  public static final OpenRouterFreeVariants INSTANCE = new OpenRouterFreeVariants();

  private static final TokenPrices FREE =
      new TokenPrices(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, List.of());

  private OpenRouterFreeVariants() {}

  @Override
  public String name() {
    return "openrouter :free (no charge)";
  }

  @Override
  public Optional<TokenPrices> find(String provider, String model) {
    return provider != null
            && provider.strip().equalsIgnoreCase("openrouter")
            && model.toLowerCase(Locale.ROOT).strip().endsWith(":free")
        ? Optional.of(FREE)
        : Optional.empty();
  }
}
