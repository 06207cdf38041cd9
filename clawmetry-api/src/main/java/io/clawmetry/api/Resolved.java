package io.clawmetry.api;

/**
 * A discovered value and where it came from ("OPENCLAW_STATE_DIR", "openclaw.json gateway.port", "default", ...).
 *
 * @param value the value (a path, a port, ...)
 * @param origin where it was found
 */
public record Resolved(String value, String origin) {}
