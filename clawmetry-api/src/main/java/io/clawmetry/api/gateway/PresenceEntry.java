package io.clawmetry.api.gateway;

import java.time.Instant;

/**
 * One entry of {@code system-presence}.
 *
 * @param host the host
 * @param version the version, or null
 * @param platform the platform, or null
 * @param mode {@code gateway}, {@code cli}, ..., or null
 * @param ts when it was last seen, or null
 */
public record PresenceEntry(String host, String version, String platform, String mode, Instant ts) {}
