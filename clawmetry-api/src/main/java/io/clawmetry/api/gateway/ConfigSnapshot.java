package io.clawmetry.api.gateway;

import java.util.List;

/**
 * {@code config.get}: the gateway's view of its configuration, secrets already redacted by the gateway
 * ({@code "__OPENCLAW_REDACTED__"}); ClawMetry keeps it redacted.
 *
 * @param path the configuration file
 * @param valid whether it validated, or null
 * @param hash the configuration hash, or null
 * @param configJson the {@code config} (else {@code parsed}) object as JSON text, redacted
 * @param issues validation issues as text
 */
public record ConfigSnapshot(String path, Boolean valid, String hash, String configJson, List<String> issues) {

  public ConfigSnapshot {
    issues = List.copyOf(issues);
  }
}
