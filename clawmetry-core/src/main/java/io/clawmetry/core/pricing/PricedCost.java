package io.clawmetry.core.pricing;

import io.clawmetry.api.CostSource;
import java.math.BigDecimal;

/**
 * The cost of one model call and where it came from.
 *
 * @param amount US dollars, exact
 * @param source recorded, estimated or unknown
 * @param priceSource the price source used for an estimate ("litellm (bundled)", "openclaw.json", ...), else null
 */
public record PricedCost(BigDecimal amount, CostSource source, String priceSource) {}
