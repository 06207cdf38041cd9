package io.clawmetry.api;

/**
 * How to reach the gateway, from configuration and environment. Secrets are never exposed: only whether one is set.
 *
 * @param port the gateway port
 * @param bind the bind mode ({@code loopback}, {@code lan}, ...)
 * @param tls whether TLS is enabled ({@code wss://})
 * @param mode {@code local} or {@code remote}
 * @param remoteUrl the remote gateway URL when {@code mode} is remote, else null
 * @param authMode {@code token}, {@code password}, {@code none} or {@code trusted-proxy}
 * @param credential where the credential comes from, with no secret in it ("openclaw.json gateway.auth.token",
 *     "env OPENCLAW_GATEWAY_TOKEN", "SecretRef env:NAME", "none")
 * @param credentialAvailable whether a usable credential was resolved
 * @param tlsPin the TLS certificate pin the configuration sets for the configured URL, or null when none applies
 *     (then {@code wss://} is checked against the CAs and the host name)
 * @param envUrl the gateway URL from {@code OPENCLAW_GATEWAY_URL}, which wins over the configuration's, as in
 *     OpenClaw (its credential then comes only from {@code OPENCLAW_GATEWAY_TOKEN} or {@code _PASSWORD}), or null
 */
public record GatewaySettings(
    Resolved port,
    String bind,
    boolean tls,
    String mode,
    String remoteUrl,
    String authMode,
    String credential,
    boolean credentialAvailable,
    GatewayTlsPin tlsPin,
    String envUrl) {

  /** Settings without a URL from the environment. */
  public GatewaySettings(
      Resolved port,
      String bind,
      boolean tls,
      String mode,
      String remoteUrl,
      String authMode,
      String credential,
      boolean credentialAvailable,
      GatewayTlsPin tlsPin) {
    this(port, bind, tls, mode, remoteUrl, authMode, credential, credentialAvailable, tlsPin, null);
  }

  /** Settings without a TLS pin (the constructor before pins existed). */
  public GatewaySettings(
      Resolved port,
      String bind,
      boolean tls,
      String mode,
      String remoteUrl,
      String authMode,
      String credential,
      boolean credentialAvailable) {
    this(port, bind, tls, mode, remoteUrl, authMode, credential, credentialAvailable, null);
  }
}
