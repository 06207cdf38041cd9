package io.clawmetry.api.gateway;

/**
 * One model of {@code models.list} (the gateway lists no prices).
 *
 * @param id the model id
 * @param name the display name, or null
 * @param provider the provider
 * @param contextWindow the context window, or null
 */
public record LiveModel(String id, String name, String provider, Long contextWindow) {}
