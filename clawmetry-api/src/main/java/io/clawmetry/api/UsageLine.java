package io.clawmetry.api;

import java.math.BigDecimal;

/**
 * Usage of one model within a bucket (a "model breakdown").
 *
 * @param provider the provider
 * @param model the model
 * @param tokens token counters
 * @param cost exact US dollars
 * @param costSource where the cost came from
 * @param calls counted model calls
 * @param unpricedCalls calls with neither a recorded cost nor a price (counted as zero cost)
 * @param errors error rows of this model (failed calls with zero usage), not counted as calls
 */
public record UsageLine(
    String provider,
    String model,
    TokenCounts tokens,
    BigDecimal cost,
    CostSource costSource,
    long calls,
    long unpricedCalls,
    long errors) {}
