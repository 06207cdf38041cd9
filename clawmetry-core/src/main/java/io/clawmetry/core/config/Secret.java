package io.clawmetry.core.config;

import java.util.Optional;

/**
 * A credential (gateway token or password) that must never be printed. {@link #toString()} shows only where the
 * credential comes from; the value itself is reached only through {@link #reveal()}, which exists for the gateway
 * client. A secret may be <em>unavailable</em>: configured, but not resolvable by ClawMetry (a SecretRef of source
 * {@code exec} or {@code file}, or an unset environment variable).
 */
public final class Secret {

  private final String description;
  private final String value;

  private Secret(String description, String value) {
    this.description = description;
    this.value = value;
  }

  /** A resolved secret with a description of where it came from (no secret in the description). */
  public static Secret of(String value, String description) {
    if (value == null) {
      throw new IllegalArgumentException("value is required; use unavailable()");
    }
    return new Secret(description, value);
  }

  /** A configured secret that could not be resolved. */
  public static Secret unavailable(String description) {
    return new Secret(description, null);
  }

  /** Where the secret comes from, for example {@code "SecretRef env:GW_TOKEN"}; never the secret itself. */
  public String description() {
    return description;
  }

  /** Whether the value was resolved. */
  public boolean isAvailable() {
    return value != null;
  }

  /** The clear-text value, for the gateway client only. Never log or print it. */
  public Optional<String> reveal() {
    return Optional.ofNullable(value);
  }

  /** A description that never contains the secret. */
  @Override
  public String toString() {
    return "Secret[" + description + (value == null ? ", unavailable" : "") + "]";
  }
}
