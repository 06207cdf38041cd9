package io.clawmetry.core.pricing;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** An ordered chain of price sources: the first that knows a model wins. Lookups are cached. Thread-safe. */
public final class PriceBook {

  private final List<PriceSource> sources;
  private final Map<String, Optional<PriceMatch>> cache = new ConcurrentHashMap<>();

  /** A chain, highest priority first. */
  public PriceBook(List<PriceSource> sources) {
    this.sources = List.copyOf(sources);
  }

  /** The price of {@code provider}/{@code model}, or empty when no source knows it. */
  public Optional<PriceMatch> lookup(String provider, String model) {
    if (model == null || model.isBlank()) {
      return Optional.empty();
    }
    return cache.computeIfAbsent(
        provider + "\u0000" + model,
        k -> {
          for (PriceSource s : sources) {
            Optional<TokenPrices> p = s.find(provider, model);
            if (p.isPresent()) {
              return Optional.of(new PriceMatch(p.get(), s.name(), (provider == null ? "" : provider + "/") + model));
            }
          }
          return Optional.empty();
        });
  }

  /** Whether no source prices the model and one has no price because the name is ambiguous there. */
  public boolean ambiguous(String provider, String model) {
    return model != null
        && !model.isBlank()
        && lookup(provider, model).isEmpty()
        && sources.stream().anyMatch(s -> s.ambiguous(provider, model));
  }

  /** The sources, highest priority first. */
  public List<PriceSource> sources() {
    return sources;
  }
}
