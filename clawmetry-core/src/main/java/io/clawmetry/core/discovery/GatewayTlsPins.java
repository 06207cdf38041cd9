package io.clawmetry.core.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import io.clawmetry.api.GatewayTlsPin;
import io.clawmetry.api.WarningKind;
import io.clawmetry.core.config.OpenClawConfig;
import io.clawmetry.core.tls.TlsFingerprints;
import io.clawmetry.core.warn.Warnings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Which TLS pin the configuration sets for the configured gateway URL, as OpenClaw's
 * {@code resolveGatewayConnectionTlsFingerprint} (an explicit pin, the first rule, is the caller's): in remote mode
 * with {@code gateway.remote.url}, {@code gateway.remote.tlsFingerprint}; for the local gateway with
 * {@code gateway.tls.enabled: true} ({@code wss://127.0.0.1}), the fingerprint of the certificate file
 * {@code gateway.tls.certPath} (default {@code <state dir>/gateway/tls/gateway-cert.pem}); else none.
 */
final class GatewayTlsPins {

  static final String REMOTE_ORIGIN = "openclaw.json gateway.remote.tlsFingerprint";

  private GatewayTlsPins() {}

  /**
   * @param remoteUrl the configured remote URL when it is the URL used (remote mode), else null
   * @return the pin, or null when none applies
   */
  static GatewayTlsPin resolve(OpenClawConfig cfg, String remoteUrl, Path home, Path stateDir, Warnings warnings) {
    if (remoteUrl != null && !remoteUrl.isBlank()) {
      return remote(cfg, warnings);
    }
    if (!cfg.gatewayTlsEnabled()) {
      return null;
    }
    Optional<String> configured = cfg.gatewayTlsCertPath();
    Path file = configured.map(p -> UserPaths.expand(p, home, stateDir))
        .orElse(stateDir.resolve("gateway").resolve("tls").resolve("gateway-cert.pem").toAbsolutePath().normalize());
    String origin = "gateway certificate " + file + (configured.isPresent() ? " (gateway.tls.certPath)"
        : " (default path)");
    try {
      return new GatewayTlsPin(TlsFingerprints.ofPemFile(file), origin, file.toString(), null);
    } catch (IOException e) {
      return new GatewayTlsPin(null, origin, file.toString(), "cannot read the certificate ("
          + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
          + "); the usual CA validation applies until it can be read");
    }
  }

  /**
   * The pin for a URL from {@code OPENCLAW_GATEWAY_URL}: {@code gateway.remote.tlsFingerprint} in remote mode, else
   * none (the local certificate file pins only the local gateway's own URL).
   */
  static GatewayTlsPin forEnvironmentUrl(OpenClawConfig cfg, boolean remoteMode, Warnings warnings) {
    return remoteMode ? remote(cfg, warnings) : null;
  }

  private static GatewayTlsPin remote(OpenClawConfig cfg, Warnings warnings) {
    Optional<JsonNode> raw = cfg.gatewayRemoteTlsFingerprint();
    if (raw.isEmpty() || raw.get().isTextual() && raw.get().asText().isEmpty()) {
      return null;
    }
    try {
      String value = raw.get().isTextual() ? raw.get().asText() : null;
      return new GatewayTlsPin(TlsFingerprints.normalize(value), REMOTE_ORIGIN, null, null);
    } catch (IllegalArgumentException e) {
      String problem = TlsFingerprints.INVALID + "; connections to the gateway are refused until it is fixed";
      warnings.add(WarningKind.CONFIG, cfg.file() + "#gateway.remote.tlsFingerprint", "",
          "gateway.remote.tlsFingerprint: " + problem);
      return new GatewayTlsPin(null, REMOTE_ORIGIN, null, problem);
    }
  }
}
