package io.clawmetry.core.pricing;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Prices given in US dollars per million tokens, keyed by provider and model id: {@code openclaw.json}
 * {@code models.providers.<p>.models[].cost}, an agent's model catalog, or a user override file.
 */
public final class PerMillionPrices implements PriceSource {

  private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

  private final String name;
  private final Map<String, TokenPrices> byProviderModel = new HashMap<>();
  private final Map<String, TokenPrices> byModel = new HashMap<>();
  private final Map<String, TokenPrices> anyProvider = new HashMap<>();

  /** An empty source called {@code name}. */
  public PerMillionPrices(String name) {
    this.name = name;
  }

  /**
   * Adds a model's prices per million tokens (nulls allowed). A null provider makes it match any provider that has
   * no entry of its own for the model, also when other providers have one. Later additions do not replace earlier
   * ones.
   */
  public PerMillionPrices add(
      String provider, String model, BigDecimal input, BigDecimal output, BigDecimal cacheRead, BigDecimal cacheWrite) {
    TokenPrices p = TokenPrices.flat(perToken(input), perToken(output), perToken(cacheRead), perToken(cacheWrite));
    String m = model.toLowerCase(Locale.ROOT);
    if (provider != null) {
      byProviderModel.putIfAbsent(provider.toLowerCase(Locale.ROOT) + "/" + m, p);
    } else {
      anyProvider.putIfAbsent(m, p);
    }
    byModel.putIfAbsent(m, p);
    return this;
  }

  private static BigDecimal perToken(BigDecimal perMillion) {
    return perMillion == null ? null : perMillion.divide(MILLION);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Optional<TokenPrices> find(String provider, String model) {
    String m = model.toLowerCase(Locale.ROOT);
    if (provider != null) {
      TokenPrices p = byProviderModel.get(provider.toLowerCase(Locale.ROOT) + "/" + m);
      if (p != null) {
        return Optional.of(p);
      }
      p = anyProvider.get(m);
      if (p != null) {
        return Optional.of(p);
      }
      if (!byProviderModel.isEmpty() && byProviderModel.keySet().stream().anyMatch(k -> k.endsWith("/" + m))) {
        return Optional.empty(); // priced for another provider only: do not borrow it
      }
    }
    TokenPrices any = anyProvider.get(m);
    return Optional.ofNullable(any != null ? any : byModel.get(m));
  }

  /** Whether nothing was added. */
  public boolean isEmpty() {
    return byModel.isEmpty();
  }
}
