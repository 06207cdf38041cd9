package io.clawmetry.core.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.clawmetry.api.gateway.GatewayErrorKind;

/** Turns a gateway {@code error} object into a {@link GatewayException} with a message saying what to do. */
final class GatewayErrors {

  private GatewayErrors() {}

  /**
   * The exception for an error answer to {@code method}.
   *
   * @param error the {@code res.error} object
   * @param method the method that failed
   * @param deviceId this client's device id (for the pairing hint), or null
   */
  static GatewayException fromError(JsonNode error, String method, String deviceId) {
    String code = text(error, "code");
    String message = text(error, "message");
    JsonNode details = error == null ? null : error.get("details");
    String detail = text(details, "code");
    Long retryAfter = error != null && error.hasNonNull("retryAfterMs") ? error.get("retryAfterMs").asLong() : null;
    String msg = message == null ? "(no message)" : message;
    GatewayErrorKind kind;
    String line;
    if ("MISSING_SCOPE".equals(detail) || ("FORBIDDEN".equals(code) && msg.startsWith("missing scope"))) {
      String scope = details != null && details.hasNonNull("missingScope") ? text(details, "missingScope") : "?";
      kind = GatewayErrorKind.MISSING_SCOPE;
      line = method + ": the gateway refused it: missing scope " + scope + ". "
          + (scope.equals("operator.admin")
              ? "Management commands ask for it; on a remote gateway approve the upgrade request of device "
                  + dev(deviceId) + " (`openclaw devices list`, then `openclaw devices approve <requestId>`)."
              : "Connect as a paired device (ClawMetry does by default) or approve device " + dev(deviceId)
                  + " (`openclaw devices list`, then `openclaw devices approve <requestId>`).");
    } else if ("PROTOCOL_MISMATCH".equals(detail) || msg.contains("protocol mismatch")) {
      kind = GatewayErrorKind.PROTOCOL_MISMATCH;
      String expected = details != null && details.has("expectedProtocol") ? details.get("expectedProtocol").asText()
          : "?";
      line = "the gateway speaks protocol " + expected + "; ClawMetry speaks 3 to 4 (upgrade ClawMetry or OpenClaw)";
    } else if ("NOT_PAIRED".equals(code) && "DEVICE_IDENTITY_REQUIRED".equals(detail)) {
      kind = GatewayErrorKind.AUTH_REQUIRED;
      line = "the gateway requires a credential or a paired device: pass --gateway-token or set"
          + " OPENCLAW_GATEWAY_TOKEN (" + msg + ")";
    } else if ("NOT_PAIRED".equals(code) || "PAIRING_REQUIRED".equals(detail) || "PAIRING_REQUIRED".equals(code)) {
      kind = GatewayErrorKind.PAIRING_REQUIRED;
      // OpenClaw approves pairing requests, not devices: `openclaw devices approve <requestId>` (or --latest)
      String request = text(details, "requestId");
      if (request != null && !REQUEST_ID.matcher(request).matches()) {
        request = null; // shown in a terminal: only what OpenClaw's own request ids look like
      }
      line = "pairing required for device " + dev(deviceId) + ": "
          + (request != null
              ? "run `openclaw devices approve " + request + "` on the gateway host, then retry"
              : "run `openclaw devices list` on the gateway host and approve its request with"
                  + " `openclaw devices approve <requestId>`, then retry");
    } else if (detail != null && (detail.startsWith("AUTH_") || detail.startsWith("DEVICE_"))) {
      kind = GatewayErrorKind.AUTH_FAILED;
      line = "the gateway rejected ClawMetry's credentials (" + detail + "): " + msg
          + ("AUTH_TOKEN_MISMATCH".equals(detail) ? "; check gateway.auth.token or pass --gateway-token" : "");
    } else if ("UNAVAILABLE".equals(code)) {
      kind = GatewayErrorKind.STARTING;
      String reason = text(details, "reason");
      line = "the gateway is unavailable" + (reason == null ? "" : " (" + reason + ")") + ": " + msg;
    } else if ("INVALID_REQUEST".equals(code)) {
      kind = GatewayErrorKind.INVALID_REQUEST;
      line = method + ": the gateway rejected the request: " + msg;
    } else {
      kind = GatewayErrorKind.REQUEST_FAILED;
      line = method + ": " + (code == null ? "error" : code) + ": " + msg;
    }
    return new GatewayException(kind, line, code, detail, retryAfter);
  }

  private static final java.util.regex.Pattern REQUEST_ID = java.util.regex.Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  private static String dev(String deviceId) {
    return deviceId == null ? "<deviceId>" : deviceId;
  }

  static String text(JsonNode n, String field) {
    if (n == null || !n.hasNonNull(field)) {
      return null;
    }
    return n.get(field).asText();
  }
}
