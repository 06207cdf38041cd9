package io.clawmetry.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.clawmetry.api.CostMode;
import io.clawmetry.api.UsageLine;
import io.clawmetry.api.UsageRow;
import io.clawmetry.api.WarningKind;
import io.clawmetry.core.config.ProviderModelPrice;
import io.clawmetry.core.discovery.AgentLayout;
import io.clawmetry.core.discovery.HomeLayout;
import io.clawmetry.core.json.Json;
import io.clawmetry.core.pricing.CostFunction;
import io.clawmetry.core.pricing.LiteLlmPrices;
import io.clawmetry.core.pricing.OpenRouterFreeVariants;
import io.clawmetry.core.pricing.PerMillionPrices;
import io.clawmetry.core.pricing.PriceBook;
import io.clawmetry.core.pricing.PriceSource;
import io.clawmetry.core.usage.UsageAggregator;
import io.clawmetry.core.warn.Warnings;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds the price chains of a home: the overrides file, {@code openclaw.json} provider prices, then the agent's own
 * generated model catalog ({@code <agentDir>/models.json}, JSONL era; the SQLite era has none), then {@code
 * --pricing-file}, then the bundled LiteLLM table (read on its first lookup), then OpenRouter's {@code :free} variants
 * at $0.
 */
final class Prices {

  private Prices() {}

  /**
   * The cost function of a home: each agent's calls are estimated with the chain that has its own catalog; a call of
   * no known agent (or of an agent without a catalog) with the chain without catalogs, or, when the agent is not
   * known at all, with every catalog in agent order (as a single home-wide chain).
   */
  static CostFunction costs(HomeLayout layout, PricingFiles files, Warnings warnings) {
    List<PriceSource> head = new ArrayList<>();
    if (files.overrides() != null) {
      head.add(overrides(files.overrides()));
    }
    PerMillionPrices config = new PerMillionPrices("openclaw.json");
    for (ProviderModelPrice p : layout.config().modelPrices()) {
      config.add(p.provider(), p.modelId(), p.input(), p.output(), p.cacheRead(), p.cacheWrite());
    }
    if (!config.isEmpty()) {
      head.add(config);
    }
    List<PriceSource> tail = new ArrayList<>();
    if (files.litellm() != null) {
      try (InputStream in = Files.newInputStream(files.litellm())) {
        tail.add(LiteLlmPrices.read("litellm " + files.litellm(), in));
      } catch (IOException e) {
        throw new IllegalArgumentException("cannot read the pricing file " + files.litellm() + ": " + reason(e));
      }
    }
    tail.add(LiteLlmPrices.bundledOnFirstUse()); // read only if a lookup gets this far
    tail.add(OpenRouterFreeVariants.INSTANCE); // a price in any table wins
    Map<String, PriceSource> catalogs = new java.util.LinkedHashMap<>();
    for (AgentLayout a : layout.agents()) {
      Path catalog = a.agentDir().resolve("models.json");
      if (Files.isRegularFile(catalog)) {
        PerMillionPrices c = catalog(catalog, warnings);
        if (!c.isEmpty()) {
          catalogs.put(a.id(), c);
        }
      }
    }
    Map<String, PriceBook> byAgent = new java.util.HashMap<>();
    PriceBook without = new PriceBook(chain(head, List.of(), tail));
    for (AgentLayout a : layout.agents()) {
      PriceSource own = catalogs.get(a.id());
      byAgent.put(a.id(), own == null ? without : new PriceBook(chain(head, List.of(own), tail)));
    }
    return new CostFunction(new PriceBook(chain(head, catalogs.values(), tail)), byAgent);
  }

  /** Why a file could not be read, in words (a missing file's exception says only its path). */
  private static String reason(IOException e) {
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    return e.getMessage();
  }

  private static List<PriceSource> chain(
      List<PriceSource> head, java.util.Collection<PriceSource> middle, List<PriceSource> tail) {
    List<PriceSource> all = new ArrayList<>(head);
    all.addAll(middle);
    all.addAll(tail);
    return all;
  }

  /** {@code {"provider/model" | "model": {input, output, cacheRead, cacheWrite}}}, USD per million tokens. */
  private static PerMillionPrices overrides(Path file) {
    PerMillionPrices out = new PerMillionPrices("overrides " + file);
    JsonNode root;
    try (InputStream in = Files.newInputStream(file)) {
      root = Json.LENIENT.readTree(in);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read the pricing overrides " + file + ": " + reason(e));
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("pricing overrides " + file + " must be a JSON object of models");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode p = e.getValue();
      if (!p.isObject()) {
        throw new IllegalArgumentException("pricing overrides " + file + ": " + e.getKey() + " is not an object");
      }
      String key = e.getKey();
      int slash = key.indexOf('/');
      String provider = slash > 0 ? key.substring(0, slash) : null;
      String model = slash > 0 ? key.substring(slash + 1) : key;
      BigDecimal[] prices = new BigDecimal[OVERRIDE_FIELDS.size()];
      for (int i = 0; i < prices.length; i++) {
        JsonNode v = p.get(OVERRIDE_FIELDS.get(i));
        if (v != null && !v.isNull() && !v.isNumber()) {
          throw new IllegalArgumentException("pricing overrides " + file + ": " + key + " " + OVERRIDE_FIELDS.get(i)
              + " is not a number (USD per million tokens)");
        }
        prices[i] = dec(v);
      }
      if (java.util.Arrays.stream(prices).allMatch(java.util.Objects::isNull)) {
        // a misspelt entry would price its model at $0 ahead of every other source
        throw new IllegalArgumentException("pricing overrides " + file + ": " + key + " has none of "
            + String.join(", ", OVERRIDE_FIELDS) + " (USD per million tokens)");
      }
      out.add(provider, model, prices[0], prices[1], prices[2], prices[3]);
    }
    return out;
  }

  /** The price fields of an overrides entry, in the order {@link PerMillionPrices#add} takes them. */
  private static final List<String> OVERRIDE_FIELDS = List.of("input", "output", "cacheRead", "cacheWrite");

  /** {@code {providers:{<p>:{models:[{id, cost:{input, output, cacheRead, cacheWrite}}]}}}}; apiKey is never read. */
  private static PerMillionPrices catalog(Path file, Warnings warnings) {
    PerMillionPrices out = new PerMillionPrices("model catalog " + file);
    try {
      JsonNode providers = Json.LENIENT.readTree(file.toFile()).path("providers");
      for (Iterator<Map.Entry<String, JsonNode>> it = providers.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> p = it.next();
        for (JsonNode m : p.getValue().path("models")) {
          JsonNode cost = m.path("cost");
          if (m.path("id").isTextual() && cost.isObject()) {
            out.add(p.getKey(), m.get("id").asText(), dec(cost.get("input")), dec(cost.get("output")),
                dec(cost.get("cacheRead")), dec(cost.get("cacheWrite")));
          }
        }
      }
    } catch (IOException e) {
      warnings.add(WarningKind.CONFIG, file.toString(), "", "model catalog not readable: " + reason(e));
    }
    return out;
  }

  private static BigDecimal dec(JsonNode n) {
    return n != null && n.isNumber() ? n.decimalValue() : null;
  }

  /**
   * One warning per model that had calls counted as $0 for want of a cost. In display mode the reason is that OpenClaw
   * recorded none (prices play no part there); else that no price is known. The number of calls is the warning's
   * count, not part of its message (the facade's collector keeps the first message of each source). A model whose
   * name is ambiguous in a price source ({@link CostFunction#ambiguous}) is said to be.
   */
  static void unpricedWarnings(List<UsageRow> rows, CostMode mode, Warnings warnings, CostFunction costs) {
    Map<String, Long> unpriced = new TreeMap<>();
    java.util.Set<String> ambiguous = new java.util.HashSet<>();
    for (UsageRow r : rows) {
      for (UsageLine l : r.models()) {
        if (l.unpricedCalls() > 0) {
          String label =
              (l.provider() == null ? "" : l.provider() + "/") + io.clawmetry.core.view.UsageViews.modelName(l);
          unpriced.merge(label, l.unpricedCalls(), Long::sum);
          if (mode != CostMode.DISPLAY && !ambiguous.contains(label) && costs.ambiguous(l.provider(), l.model())) {
            ambiguous.add(label);
          }
        }
      }
    }
    unpriced.forEach(
        (model, n) -> {
          if (mode == CostMode.DISPLAY) {
            warnings.add(WarningKind.MISSING, "recorded cost " + model, n, "", "calls of " + model
                + " with no cost recorded by OpenClaw count as $0 (display mode shows recorded costs only; use -m auto"
                + " or calculate to estimate)");
          } else {
            warnings.add(WarningKind.MISSING, "pricing " + model, n, "", "no price known for " + model
                + (ambiguous.contains(model)
                    ? ": its name is ambiguous (price-table keys of different prices stand for it);"
                    : ":")
                + " its calls without a recorded cost count as $0 (add it with --pricing-overrides)");
          }
        });
  }

  /**
   * One warning per model whose estimated calls had cache-read or cache-write tokens that the price they were estimated
   * with (the tier of each message, 1-hour writes at twice the input price when no 1-hour price is given) has no price
   * for: those tokens count as $0, as ccusage counts them; LiteLLM lists no cache-read price for some models that
   * cache, e.g. deepseek/deepseek-v3.2. Calls whose cost OpenClaw recorded are never named. Each price source that
   * estimated such calls of the model (agents' own catalogs can differ) is named with its own tokens.
   */
  static void partlyPricedWarnings(Map<String, Map<String, UsageAggregator.PartlyPriced>> models, Warnings warnings) {
    models.forEach(
        (label, bySource) -> {
          List<String> said = new ArrayList<>();
          for (UsageAggregator.PartlyPriced t : bySource.values()) {
            List<String> parts = new ArrayList<>();
            if (t.cacheRead() > 0) {
              parts.add(String.format(java.util.Locale.ROOT, "cache-read price for %s: the cache-read tokens of"
                  + " its estimated calls (%,d)", label, t.cacheRead()));
            }
            if (t.cacheWrite() > 0) {
              parts.add(String.format(java.util.Locale.ROOT, "cache-write price for %s: the cache-write tokens"
                  + " of its estimated calls (%,d)", label, t.cacheWrite()));
            }
            said.add(t.priceSource() + " has no " + String.join(", and no ", parts));
          }
          warnings.add(WarningKind.MISSING, "cache pricing " + label, 1, "", String.join("; ", said)
              + " count as $0 (set one with --pricing-overrides)");
        });
  }
}
