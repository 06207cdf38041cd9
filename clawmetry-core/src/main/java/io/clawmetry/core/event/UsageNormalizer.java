package io.clawmetry.core.event;

import com.fasterxml.jackson.databind.JsonNode;
import io.clawmetry.api.RecordedCost;
import io.clawmetry.api.Usage;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

/**
 * Normalises a usage object written by pi-ai, OpenClaw or a provider into {@link Usage} (FORMATS §4.4): for each
 * counter the first accepted spelling present wins; a cache count taken from OpenAI's {@code cached_tokens} is
 * subtracted from the prompt count (which includes it), never one from Anthropic's {@code cache_read_input_tokens} or
 * pi names; a recorded total wins over the sum; {@code contextUsage} (a context size) is never summed. {@code
 * usage.cost} becomes a {@link RecordedCost} with exact decimals from the JSON text.
 *
 * <p>The 1-hour part of the cache writes is OpenClaw's {@code cacheWrite1h}, or Anthropic's {@code
 * cache_creation.ephemeral_1h_input_tokens}; when no cache-write count is given but Anthropic's {@code cache_creation}
 * split is, the cache writes are its 1-hour plus 5-minute tokens (as OpenClaw reads them). The 1-hour part is clamped
 * to {@code [0, cacheWrite]}.
 */
public final class UsageNormalizer {

  private static final List<String> INPUT =
      List.of("input", "inputTokens", "input_tokens", "promptTokens", "prompt_tokens");
  private static final List<String> OUTPUT =
      List.of("output", "outputTokens", "output_tokens", "completionTokens", "completion_tokens");
  private static final List<String> CACHE_READ =
      List.of(
          "cacheRead",
          "cache_read",
          "cache.read",
          "cache_read_input_tokens",
          "cache_read_tokens",
          "cached_tokens",
          "input_tokens_details.cached_tokens",
          "prompt_tokens_details.cached_tokens");
  private static final List<String> OPENAI_CACHED =
      List.of("cached_tokens", "input_tokens_details.cached_tokens", "prompt_tokens_details.cached_tokens");
  private static final List<String> CACHE_WRITE =
      List.of("cacheWrite", "cache_write", "cache.write", "cache_creation_input_tokens", "cache_write_tokens");
  private static final List<String> CACHE_WRITE_1H =
      List.of("cacheWrite1h", "cache_write_1h", "cache_creation.ephemeral_1h_input_tokens");
  private static final List<String> ANTHROPIC_1H = List.of("cache_creation.ephemeral_1h_input_tokens");
  private static final List<String> ANTHROPIC_5M = List.of("cache_creation.ephemeral_5m_input_tokens");
  private static final List<String> TOTAL = List.of("total", "totalTokens", "total_tokens");
  private static final List<String> REASONING =
      List.of(
          "reasoningTokens",
          "reasoning_tokens",
          "output_tokens_details.reasoning_tokens",
          "completion_tokens_details.reasoning_tokens");

  private UsageNormalizer() {}

  /** Token counts above this are not believed (the largest context windows hold about 10^7). */
  static final long MAX_TOKENS = 1_000_000_000_000L;

  /** A recorded cost above this (USD, one call) is not believed. */
  static final BigDecimal MAX_RECORDED_COST = BigDecimal.valueOf(1_000_000);

  /** The normalised usage, or null when {@code usage} is missing or not an object. */
  public static Usage normalize(JsonNode usage) {
    return normalize(usage, name -> {});
  }

  /**
   * The normalised usage, or null when {@code usage} is missing or not an object. A token count that is negative,
   * fractional, above {@link #MAX_TOKENS} or not a number (a string) counts as 0 (a total as not given: the sum of the
   * four), and a recorded cost above {@link #MAX_RECORDED_COST} as not recorded; {@code implausible} is told the
   * field's name each time (sums of counts in range cannot overflow).
   */
  public static Usage normalize(JsonNode usage, java.util.function.Consumer<String> implausible) {
    if (usage == null || !usage.isObject()) {
      return null;
    }
    Lookup l = new Lookup(usage, implausible);
    long input = l.first(INPUT_NAMES) ? l.value : 0;
    long output = l.first(OUTPUT_NAMES) ? l.value : 0;
    boolean cacheReadPresent = l.first(CACHE_READ_NAMES);
    long cacheRead = cacheReadPresent ? l.value : 0;
    boolean openAiCached = cacheReadPresent && OPENAI_CACHED.contains(l.name);
    long cacheWrite = l.first(CACHE_WRITE_NAMES) ? l.value : anthropicSplit(l);
    if (openAiCached) {
      input = Math.max(0, input - cacheRead);
    }
    long sum = input + output + cacheRead + cacheWrite;
    long total = l.first(TOTAL_NAMES) && l.plausible ? l.value : sum; // an implausible total is not given
    long reasoning = l.first(REASONING_NAMES) ? l.value : 0;
    long cacheWrite1h = l.first(CACHE_WRITE_1H_NAMES) ? l.value : 0;
    return new Usage(
        input,
        output,
        cacheRead,
        cacheWrite,
        total,
        reasoning,
        plausible(cost(usage.get("cost")), implausible),
        Math.min(Math.max(0, cacheWrite1h), Math.max(0, cacheWrite)));
  }

  private static RecordedCost plausible(RecordedCost c, java.util.function.Consumer<String> implausible) {
    if (c != null && c.total().compareTo(MAX_RECORDED_COST) > 0) {
      implausible.accept("cost");
      return null;
    }
    return c;
  }

  /** Anthropic's {@code cache_creation} 1-hour plus 5-minute tokens (0 when neither is given). */
  private static long anthropicSplit(Lookup l) {
    long oneHour = l.first(ANTHROPIC_1H_NAMES) ? l.value : 0;
    return oneHour + (l.first(ANTHROPIC_5M_NAMES) ? l.value : 0);
  }

  /**
   * The recorded cost: an object with a numeric {@code total} (parts optional), or a bare number taken as the total.
   * Null when absent or without a usable total (a missing cost is estimated elsewhere, never guessed here); a negative
   * total is not usable (OpenClaw uses a recorded total only when it is finite and at least 0).
   */
  public static RecordedCost cost(JsonNode cost) {
    if (cost == null) {
      return null;
    }
    if (cost.isNumber()) {
      BigDecimal total = denoise(cost.decimalValue());
      return total.signum() < 0 ? null : new RecordedCost(null, null, null, null, total);
    }
    if (!cost.isObject()) {
      return null;
    }
    BigDecimal total = decimal(cost.get("total"));
    if (total == null || total.signum() < 0) {
      return null;
    }
    return new RecordedCost(
        decimal(cost.get("input")),
        decimal(cost.get("output")),
        decimal(cost.get("cacheRead")),
        decimal(cost.get("cacheWrite")),
        total);
  }

  /**
   * OpenClaw computes costs in JavaScript doubles and writes them in shortest round-trip form, so values carry binary
   * noise in the 17th significant digit ({@code 0.0041877500000000005} for 0.00418775). A double holds 15 reliable
   * significant decimal digits: rounding to them recovers the decimal OpenClaw meant, and sums become exact (the real
   * 2026.9.6 fixture's 17 recorded costs sum to exactly 0.30195385, as the gateway reports). At most {@link
   * #MAX_COST_SCALE} decimal places are kept: a smaller amount is 0 (JSON can spell {@code 1e-999999999}, which no sum
   * could be formed with).
   */
  static BigDecimal denoise(BigDecimal v) {
    if (v.precision() - v.scale() < -MAX_COST_SCALE) {
      return BigDecimal.ZERO; // below 10^-(MAX_COST_SCALE + 1): decided before any arithmetic on such a scale
    }
    BigDecimal r = v.round(DOUBLE_DIGITS);
    if (r.scale() > MAX_COST_SCALE) {
      r = r.setScale(MAX_COST_SCALE, RoundingMode.HALF_EVEN);
    }
    return r.signum() == 0 ? BigDecimal.ZERO : r.stripTrailingZeros();
  }

  /** Decimal places of a recorded cost kept (USD): far below any price of a token. */
  static final int MAX_COST_SCALE = 20;

  private static final MathContext DOUBLE_DIGITS = new MathContext(15, RoundingMode.HALF_EVEN);

  private static BigDecimal decimal(JsonNode n) {
    return n != null && n.isNumber() ? denoise(n.decimalValue()) : null;
  }

  /** A token count: a whole number from 0 to {@link #MAX_TOKENS} (12.0 is 12), else -1. */
  private static long tokens(JsonNode v) {
    if (v.canConvertToExactIntegral() && v.canConvertToLong()) {
      long n = v.longValue();
      return n >= 0 && n <= MAX_TOKENS ? n : -1;
    }
    return -1;
  }

  /** An accepted spelling, split once at its dot ({@code outer.inner}; every dotted name has exactly one). */
  private record Name(String full, String outer, String inner) {
    static Name[] of(List<String> names) {
      return names.stream()
          .map(n -> n.indexOf('.') < 0
              ? new Name(n, null, null)
              : new Name(n, n.substring(0, n.indexOf('.')), n.substring(n.indexOf('.') + 1)))
          .toArray(Name[]::new);
    }
  }

  private static final Name[] INPUT_NAMES = Name.of(INPUT);
  private static final Name[] OUTPUT_NAMES = Name.of(OUTPUT);
  private static final Name[] CACHE_READ_NAMES = Name.of(CACHE_READ);
  private static final Name[] CACHE_WRITE_NAMES = Name.of(CACHE_WRITE);
  private static final Name[] CACHE_WRITE_1H_NAMES = Name.of(CACHE_WRITE_1H);
  private static final Name[] ANTHROPIC_1H_NAMES = Name.of(ANTHROPIC_1H);
  private static final Name[] ANTHROPIC_5M_NAMES = Name.of(ANTHROPIC_5M);
  private static final Name[] TOTAL_NAMES = Name.of(TOTAL);
  private static final Name[] REASONING_NAMES = Name.of(REASONING);

  /** Finds the first accepted spelling present as a number in one usage object; one per {@link #normalize} call. */
  private static final class Lookup {
    private final JsonNode usage;
    private final java.util.function.Consumer<String> implausible;
    String name;
    long value;
    /** Whether {@link #value} is the number written (false: an implausible one, counted as 0). */
    boolean plausible;
    private java.util.Set<String> said; // the fields told to implausible

    Lookup(JsonNode usage, java.util.function.Consumer<String> implausible) {
      this.usage = usage;
      this.implausible = implausible;
    }

    /**
     * Whether one of {@code names} is present as a number; then {@link #name} and {@link #value} say which. When none
     * is but one holds a string or a boolean ({@code "input":"40"}), that one is told to {@code implausible}: it counts
     * as 0, as for OpenClaw, but not silently.
     */
    boolean first(Name[] names) {
      String notNumber = null;
      for (Name n : names) {
        JsonNode v = usage.get(n.full());
        if (v == null && n.outer() != null) {
          JsonNode outer = usage.get(n.outer());
          v = outer == null ? null : outer.get(n.inner());
        }
        if (v != null && v.isNumber()) {
          name = n.full();
          value = tokens(v);
          plausible = value >= 0;
          if (!plausible) {
            say(name);
            value = 0;
          }
          return true;
        }
        if (notNumber == null && v != null && v.isValueNode() && !v.isNull()) {
          notNumber = n.full();
        }
      }
      if (notNumber != null) {
        say(notNumber);
      }
      return false;
    }

    /** Tells {@code field} to {@code implausible} once (a field can be looked up twice: Anthropic's 1-hour part). */
    private void say(String field) {
      if (said == null) {
        said = new java.util.HashSet<>(4); // only for a line with such a value
      }
      if (said.add(field)) {
        implausible.accept(field);
      }
    }
  }
}
