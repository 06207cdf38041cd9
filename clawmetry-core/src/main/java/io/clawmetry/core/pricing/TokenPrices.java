package io.clawmetry.core.pricing;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

/**
 * Prices of one model in US dollars per token. A null price means "not published" and is charged as zero (cache prices
 * fall back to the input price only where the vendor bills so, which the sources express themselves), except the
 * 1-hour cache-write price, which is then twice the input price as OpenClaw bills it. Tiers replace the base prices
 * for a whole message once its prompt exceeds their threshold, as vendors bill long-context calls.
 *
 * @param input per uncached input token
 * @param output per output token
 * @param cacheRead per cache-read token
 * @param cacheWrite per cache-write token (5-minute cache)
 * @param cacheWrite1h per cache-write token with the 1-hour cache, or null when not published (then it is twice the
 *     input price, OpenClaw's rule: {@link #cacheWrite1hOrTwiceInput})
 * @param tiers long-context tiers, any order
 */
public record TokenPrices(
    BigDecimal input,
    BigDecimal output,
    BigDecimal cacheRead,
    BigDecimal cacheWrite,
    BigDecimal cacheWrite1h,
    List<Tier> tiers) {

  /**
   * Prices that apply when a message's prompt (input + cache read + cache write tokens) is above {@code
   * aboveTokens}. A null field keeps the base price, except the 1-hour cache-write price: a tier that changes the
   * input or cache-write price but gives no 1-hour price has none (twice its input price applies, which is what
   * Anthropic bills for long prompts), since the base one belongs to the short-prompt input price.
   */
  public record Tier(
      long aboveTokens,
      BigDecimal input,
      BigDecimal output,
      BigDecimal cacheRead,
      BigDecimal cacheWrite,
      BigDecimal cacheWrite1h) {

    /** A tier without a 1-hour cache-write price. */
    public Tier(long aboveTokens, BigDecimal input, BigDecimal output, BigDecimal cacheRead, BigDecimal cacheWrite) {
      this(aboveTokens, input, output, cacheRead, cacheWrite, null);
    }
  }

  public TokenPrices {
    tiers = List.copyOf(tiers);
  }

  /** Prices without tiers. */
  public static TokenPrices flat(BigDecimal input, BigDecimal output, BigDecimal cacheRead, BigDecimal cacheWrite) {
    return new TokenPrices(input, output, cacheRead, cacheWrite, null, List.of());
  }

  /** The prices that apply to a message whose prompt has {@code promptTokens} tokens. */
  public TokenPrices forPrompt(long promptTokens) {
    Tier best =
        tiers.stream()
            .filter(t -> promptTokens > t.aboveTokens())
            .max(Comparator.comparingLong(Tier::aboveTokens))
            .orElse(null);
    if (best == null) {
      return this;
    }
    return new TokenPrices(
        or(best.input(), input),
        or(best.output(), output),
        or(best.cacheRead(), cacheRead),
        or(best.cacheWrite(), cacheWrite),
        or(best.cacheWrite1h(), best.input() == null && best.cacheWrite() == null ? cacheWrite1h : null),
        List.of());
  }

  /**
   * The price per token written to the 1-hour cache: {@link #cacheWrite1h} when published, else twice the input price
   * (OpenClaw's {@code calculateUsageCost} bills it so), or null when neither is known.
   */
  public BigDecimal cacheWrite1hOrTwiceInput() {
    if (cacheWrite1h != null) {
      return cacheWrite1h;
    }
    return input == null ? null : input.add(input);
  }

  private static BigDecimal or(BigDecimal a, BigDecimal b) {
    return a != null ? a : b;
  }
}
