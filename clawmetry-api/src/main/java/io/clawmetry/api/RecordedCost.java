package io.clawmetry.api;

import java.math.BigDecimal;

/**
 * A cost in US dollars as OpenClaw recorded it in a transcript ({@code usage.cost}), kept exactly as written.
 *
 * @param input cost of uncached input, or null
 * @param output cost of output, or null
 * @param cacheRead cost of cache reads, or null
 * @param cacheWrite cost of cache writes, or null
 * @param total the recorded total (never null)
 */
public record RecordedCost(
    BigDecimal input, BigDecimal output, BigDecimal cacheRead, BigDecimal cacheWrite, BigDecimal total) {}
