package io.clawmetry.core.pricing;

import io.clawmetry.api.CostMode;
import io.clawmetry.api.CostSource;
import io.clawmetry.api.Usage;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * The one cost function of ClawMetry: every report, the library, the CLI and the dashboard price a model call here.
 *
 * <p>In {@link CostMode#AUTO} a cost OpenClaw recorded is used when it is present and non-zero for non-zero tokens
 * (a recorded zero on real tokens is a subscription or proxy route, not a free call), otherwise the call is estimated
 * from the {@link PriceBook}; with no price it is {@link CostSource#UNKNOWN} and counts as zero.
 */
public final class CostFunction {

  private final PriceBook prices;
  private final Map<String, PriceBook> byAgent;

  /** Prices estimates with {@code prices}. */
  public CostFunction(PriceBook prices) {
    this(prices, Map.of());
  }

  /**
   * Prices the estimates of an agent's calls with its own book ({@code byAgent}: its model catalog in the chain), and
   * of calls whose agent is not known or has no book of its own with {@code prices}.
   */
  public CostFunction(PriceBook prices, Map<String, PriceBook> byAgent) {
    this.prices = prices;
    this.byAgent = Map.copyOf(byAgent);
  }

  /** The cost of one call whose agent is not known. */
  public PricedCost cost(Usage usage, String provider, String model, CostMode mode) {
    return cost(usage, provider, model, mode, null);
  }

  /** The cost of one call of agent {@code agentId} (null: not known). */
  public PricedCost cost(Usage usage, String provider, String model, CostMode mode, String agentId) {
    BigDecimal recorded = usage.recordedCost() == null ? null : usage.recordedCost().total();
    switch (mode) {
      case DISPLAY:
        return recorded != null
            ? new PricedCost(recorded, CostSource.RECORDED, null)
            : new PricedCost(BigDecimal.ZERO, CostSource.UNKNOWN, null);
      case AUTO:
        if (recorded != null && (recorded.signum() != 0 || usage.isZero())) {
          return new PricedCost(recorded, CostSource.RECORDED, null);
        }
        return estimate(usage, provider, model, agentId);
      case CALCULATE:
      default:
        return estimate(usage, provider, model, agentId);
    }
  }

  /**
   * An estimate from prices alone, as OpenClaw's {@code calculateUsageCost} prices a call: the tier is chosen by the
   * prompt (input + cache read + cache write tokens); cache writes to the 1-hour cache are charged at the 1-hour price
   * ({@link TokenPrices#cacheWrite1hOrTwiceInput}: the published one, else twice the input price), the rest of the
   * cache writes (5-minute cache) at the cache-write price.
   */
  public PricedCost estimate(Usage usage, String provider, String model) {
    return estimate(usage, provider, model, null);
  }

  /** {@link #estimate(Usage, String, String)} of a call of agent {@code agentId} (null: not known). */
  public PricedCost estimate(Usage usage, String provider, String model, String agentId) {
    if (usage.isZero()) {
      return new PricedCost(BigDecimal.ZERO, CostSource.ESTIMATED, null);
    }
    PriceBook book = agentId == null ? prices : byAgent.getOrDefault(agentId, prices);
    Optional<PriceMatch> match = book.lookup(provider, model);
    if (match.isEmpty()) {
      return new PricedCost(BigDecimal.ZERO, CostSource.UNKNOWN, null);
    }
    TokenPrices p = match.get().prices().forPrompt(usage.input() + usage.cacheRead() + usage.cacheWrite());
    BigDecimal amount =
        times(usage.input(), p.input())
            .add(times(usage.output(), p.output()))
            .add(times(usage.cacheRead(), p.cacheRead()))
            .add(times(usage.cacheWrite() - usage.cacheWrite1h(), p.cacheWrite()))
            .add(times(usage.cacheWrite1h(), p.cacheWrite1hOrTwiceInput()));
    long fiveMinute = usage.cacheWrite() - usage.cacheWrite1h();
    return new PricedCost(
        amount.stripTrailingZeros(),
        CostSource.ESTIMATED,
        match.get().source(),
        p.cacheRead() == null ? usage.cacheRead() : 0,
        (p.cacheWrite() == null ? fiveMinute : 0)
            + (p.cacheWrite1hOrTwiceInput() == null ? usage.cacheWrite1h() : 0));
  }

  /**
   * Whether a call of {@code provider}/{@code model} is unpriced because a price source has entries of different
   * prices for its name ({@link PriceBook#ambiguous}).
   */
  public boolean ambiguous(String provider, String model) {
    return prices.ambiguous(provider, model);
  }

  private static BigDecimal times(long tokens, BigDecimal perToken) {
    return tokens == 0 || perToken == null ? BigDecimal.ZERO : perToken.multiply(BigDecimal.valueOf(tokens));
  }
}
