package io.clawmetry.core.discovery;

import io.clawmetry.api.GatewaySettings;
import io.clawmetry.core.config.Secret;

/**
 * Gateway settings plus the credential itself, kept apart from the public settings.
 *
 * @param settings what may be shown (no secret)
 * @param secret the credential for the gateway client, or null when none is configured
 */
record GatewayResolution(GatewaySettings settings, Secret secret) {}
