package io.clawmetry.core.pricing;

import io.clawmetry.api.CostSource;
import java.math.BigDecimal;

/**
 * The cost of one model call and where it came from.
 *
 * @param amount US dollars, exact
 * @param source recorded, estimated or unknown
 * @param priceSource the price source used for an estimate ("litellm (bundled)", "openclaw.json", ...), else null
 * @param unpricedCacheRead cache-read tokens of an estimate that the price (of the message's tier) has no price for,
 *     counted as $0
 * @param unpricedCacheWrite likewise cache-write tokens: 5-minute writes without a cache-write price, 1-hour writes
 *     without a 1-hour or an input price
 */
public record PricedCost(
    BigDecimal amount, CostSource source, String priceSource, long unpricedCacheRead, long unpricedCacheWrite) {

  /** A cost whose tokens were all priced (or that is no estimate). */
  public PricedCost(BigDecimal amount, CostSource source, String priceSource) {
    this(amount, source, priceSource, 0, 0);
  }
}
