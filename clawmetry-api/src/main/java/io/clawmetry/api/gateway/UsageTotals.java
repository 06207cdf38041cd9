package io.clawmetry.api.gateway;

import java.math.BigDecimal;

/**
 * Token and cost totals as the gateway's usage methods report them.
 *
 * @param input uncached input tokens
 * @param output output tokens
 * @param cacheRead cache-read tokens
 * @param cacheWrite cache-write tokens
 * @param totalTokens total tokens
 * @param totalCost total cost in USD (exact decimal)
 * @param missingCostEntries messages without a price
 */
public record UsageTotals(
    long input, long output, long cacheRead, long cacheWrite, long totalTokens, BigDecimal totalCost,
    long missingCostEntries) {}
