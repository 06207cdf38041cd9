package io.clawmetry.core.pricing;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.clawmetry.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * LiteLLM's model price table ({@code model_prices_and_context_window.json}, MIT, bundled with its attribution), or a
 * newer copy of it given with {@code --pricing-file}. Only token prices are kept (the 1-hour cache-write price from
 * {@code cache_creation_input_token_cost_above_1hr}); tiers come from the {@code *_above_<N>k_tokens} fields.
 *
 * <p>A model is looked up by its exact key, then {@code provider/model} (provider aliases, date suffixes stripped from
 * the id: {@link ModelNames#candidates}), and last by its {@link ModelNames#normalise normalised} name against the
 * keys' normalised names: {@code claude-sonnet-4-0} finds {@code claude-sonnet-4-20250514}. That last step takes a
 * price only when every key of the normalised name (in the same provider family: its leading path segments are part
 * of the name) has the same prices, tiers included; else the model is {@link #ambiguous}.
 */
public final class LiteLlmPrices implements PriceSource {

  /** The bundled copy's resource path. */
  public static final String BUNDLED = "/io/clawmetry/core/pricing/model_prices_and_context_window.json";

  private static final Pattern TIER_FIELD =
      Pattern.compile(
          "(input_cost_per_token|output_cost_per_token|cache_read_input_token_cost"
              + "|cache_creation_input_token_cost_above_1hr|cache_creation_input_token_cost)_above_(\\d+)k_tokens");

  /** The fields kept from an entry besides the tiers; every other number is skipped without being converted. */
  private static final Set<String> BASE_FIELDS =
      Set.of(
          "input_cost_per_token",
          "output_cost_per_token",
          "cache_read_input_token_cost",
          "cache_creation_input_token_cost",
          "cache_creation_input_token_cost_above_1hr");

  private static final String BUNDLED_NAME = "litellm (bundled)";

  private final String name;
  private final Map<String, TokenPrices> byKey;
  private final Map<String, TokenPrices> byNormalised;
  private final Set<String> ambiguous;

  private LiteLlmPrices(String name, Map<String, TokenPrices> byKey) {
    this.name = name;
    this.byKey = byKey;
    Map<String, TokenPrices> normalised = new HashMap<>();
    Set<String> differ = new HashSet<>();
    byKey.forEach(
        (key, prices) -> {
          String n = ModelNames.normalise(key);
          TokenPrices first = normalised.putIfAbsent(n, prices);
          if (first != null && !samePrices(first, prices)) {
            differ.add(n);
          }
        });
    differ.forEach(normalised::remove);
    this.byNormalised = Map.copyOf(normalised);
    this.ambiguous = Set.copyOf(differ);
  }

  /** The table bundled in the jar. */
  public static LiteLlmPrices bundled() {
    try (InputStream in = LiteLlmPrices.class.getResourceAsStream(BUNDLED)) {
      if (in == null) {
        throw new IllegalStateException("bundled price table missing: " + BUNDLED);
      }
      return read(BUNDLED_NAME, in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The bundled table as a source that reads it on its first lookup (1.5 MB of JSON, ~0.1 s at start-up): a run whose
   * calls all carry a recorded cost, or whose models an earlier source prices, never reads it.
   */
  public static PriceSource bundledOnFirstUse() {
    return new PriceSource() {
      private volatile LiteLlmPrices table;

      @Override
      public String name() {
        return BUNDLED_NAME;
      }

      private LiteLlmPrices table() {
        LiteLlmPrices t = table;
        if (t == null) {
          synchronized (this) {
            t = table;
            if (t == null) {
              table = t = bundled();
            }
          }
        }
        return t;
      }

      @Override
      public Optional<TokenPrices> find(String provider, String model) {
        return table().find(provider, model);
      }

      @Override
      public boolean ambiguous(String provider, String model) {
        return table().ambiguous(provider, model);
      }
    };
  }

  /** Reads a table in LiteLLM's format. */
  public static LiteLlmPrices read(String name, InputStream in) throws IOException {
    Map<String, TokenPrices> out = new HashMap<>();
    try (JsonParser p = Json.STRICT.getFactory().createParser(in)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("price table is not a JSON object");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        if (p.nextToken() != JsonToken.START_OBJECT) {
          p.skipChildren();
          continue;
        }
        TokenPrices prices = readEntry(p);
        if (prices != null) {
          out.put(key.toLowerCase(Locale.ROOT), prices);
        }
      }
    }
    return new LiteLlmPrices(name, Map.copyOf(out));
  }

  private static TokenPrices readEntry(JsonParser p) throws IOException {
    Map<String, BigDecimal> base = new HashMap<>();
    Map<Long, Map<String, BigDecimal>> tiers = new TreeMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String f = p.currentName();
      JsonToken t = p.nextToken();
      if (t != JsonToken.VALUE_NUMBER_FLOAT && t != JsonToken.VALUE_NUMBER_INT) {
        p.skipChildren();
        continue;
      }
      if (BASE_FIELDS.contains(f)) {
        base.put(f, p.getDecimalValue());
      } else if (f.contains("_above_")) {
        Matcher m = TIER_FIELD.matcher(f);
        if (m.matches()) {
          tiers
              .computeIfAbsent(Long.parseLong(m.group(2)) * 1000, k -> new HashMap<>())
              .put(m.group(1), p.getDecimalValue());
        }
      }
    }
    if (!base.containsKey("input_cost_per_token") && !base.containsKey("output_cost_per_token")) {
      return null;
    }
    List<TokenPrices.Tier> tierList = new ArrayList<>();
    tiers.forEach(
        (above, f) ->
            tierList.add(
                new TokenPrices.Tier(
                    above,
                    f.get("input_cost_per_token"),
                    f.get("output_cost_per_token"),
                    f.get("cache_read_input_token_cost"),
                    f.get("cache_creation_input_token_cost"),
                    f.get("cache_creation_input_token_cost_above_1hr"))));
    return new TokenPrices(
        base.get("input_cost_per_token"),
        base.get("output_cost_per_token"),
        base.get("cache_read_input_token_cost"),
        base.get("cache_creation_input_token_cost"),
        base.get("cache_creation_input_token_cost_above_1hr"),
        tierList);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Optional<TokenPrices> find(String provider, String model) {
    for (String key : ModelNames.candidates(provider, model)) {
      TokenPrices p = byKey.get(key);
      if (p != null) {
        return Optional.of(p);
      }
    }
    for (String key : ModelNames.normalisedCandidates(provider, model)) {
      if (ambiguous.contains(key)) {
        return Optional.empty(); // never a less specific family's price instead
      }
      TokenPrices p = byNormalised.get(key);
      if (p != null) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /**
   * Whether {@code model} has no exact key and its normalised name stands for keys with different prices (then it
   * has no price here).
   */
  @Override
  public boolean ambiguous(String provider, String model) {
    // find stops at the first ambiguous normalised name, so without a price one of them is
    return find(provider, model).isEmpty()
        && ModelNames.normalisedCandidates(provider, model).stream().anyMatch(ambiguous::contains);
  }

  /** Equal prices however they are written ({@code 1e-6}, {@code 0.000001}), tiers included. */
  private static boolean samePrices(TokenPrices a, TokenPrices b) {
    if (!same(a.input(), b.input())
        || !same(a.output(), b.output())
        || !same(a.cacheRead(), b.cacheRead())
        || !same(a.cacheWrite(), b.cacheWrite())
        || !same(a.cacheWrite1h(), b.cacheWrite1h())
        || a.tiers().size() != b.tiers().size()) {
      return false;
    }
    for (int i = 0; i < a.tiers().size(); i++) { // both in threshold order (read())
      TokenPrices.Tier x = a.tiers().get(i);
      TokenPrices.Tier y = b.tiers().get(i);
      if (x.aboveTokens() != y.aboveTokens()
          || !same(x.input(), y.input())
          || !same(x.output(), y.output())
          || !same(x.cacheRead(), y.cacheRead())
          || !same(x.cacheWrite(), y.cacheWrite())
          || !same(x.cacheWrite1h(), y.cacheWrite1h())) {
        return false;
      }
    }
    return true;
  }

  private static boolean same(BigDecimal a, BigDecimal b) {
    return a == null ? b == null : b != null && a.compareTo(b) == 0;
  }

  /** How many models the table prices. */
  public int size() {
    return byKey.size();
  }
}
