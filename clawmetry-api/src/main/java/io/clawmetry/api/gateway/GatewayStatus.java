package io.clawmetry.api.gateway;

import java.time.Instant;
import java.util.List;

/**
 * The connection status, available at once without waiting on the network.
 *
 * @param state the connection state
 * @param url the gateway URL ({@code ws://host:port/}), never with a secret
 * @param reason why the state is what it is ("connected", "connection refused", "pairing required ...")
 * @param lastError the last error message, or null
 * @param lastErrorKind the kind of the last error, or null
 * @param since when the state was entered
 * @param serverVersion the server version from the last {@code hello-ok}, or null
 * @param protocol the negotiated protocol version, or null
 * @param grantedScopes the scopes granted by the last {@code hello-ok} (empty when none)
 * @param deviceId this client's device id, or null when it connects without a device identity
 */
public record GatewayStatus(
    ConnectionState state,
    String url,
    String reason,
    String lastError,
    GatewayErrorKind lastErrorKind,
    Instant since,
    String serverVersion,
    Integer protocol,
    List<String> grantedScopes,
    String deviceId) {

  public GatewayStatus {
    grantedScopes = grantedScopes == null ? List.of() : List.copyOf(grantedScopes);
  }

  /** Whether requests are served now. */
  public boolean connected() {
    return state == ConnectionState.CONNECTED;
  }
}
