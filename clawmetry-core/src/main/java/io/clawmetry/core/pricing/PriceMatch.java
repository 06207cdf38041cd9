package io.clawmetry.core.pricing;

/**
 * A price found for a model.
 *
 * @param prices the prices
 * @param source the name of the source that had them
 * @param key the key that matched in that source
 */
public record PriceMatch(TokenPrices prices, String source, String key) {}
