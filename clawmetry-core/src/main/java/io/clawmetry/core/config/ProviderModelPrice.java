package io.clawmetry.core.config;

import java.math.BigDecimal;

/**
 * A model price from {@code openclaw.json models.providers.<provider>.models[].cost}, in USD per 1 million tokens,
 * kept exact. A field the configuration does not give is null.
 *
 * @param provider the provider key ({@code mocklm}, {@code openai}, ...)
 * @param modelId the model id within the provider
 * @param input price of uncached input tokens
 * @param output price of output tokens
 * @param cacheRead price of cache-read tokens
 * @param cacheWrite price of cache-write tokens
 */
public record ProviderModelPrice(
    String provider, String modelId, BigDecimal input, BigDecimal output, BigDecimal cacheRead, BigDecimal cacheWrite) {}
