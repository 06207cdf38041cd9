package io.clawmetry.api.gateway;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One point of {@code sessions.usage.timeseries}.
 *
 * @param timestamp when
 * @param input input tokens
 * @param output output tokens
 * @param cacheRead cache-read tokens
 * @param cacheWrite cache-write tokens
 * @param totalTokens total tokens
 * @param cost cost in USD
 * @param cumulativeTokens running token total
 * @param cumulativeCost running cost
 */
public record UsagePoint(
    Instant timestamp, long input, long output, long cacheRead, long cacheWrite, long totalTokens, BigDecimal cost,
    long cumulativeTokens, BigDecimal cumulativeCost) {}
