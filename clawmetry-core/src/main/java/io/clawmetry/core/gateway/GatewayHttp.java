package io.clawmetry.core.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clawmetry.api.gateway.GatewayErrorKind;
import io.clawmetry.api.gateway.LiveSession;
import io.clawmetry.core.json.Json;
import io.clawmetry.core.tls.TlsFingerprints;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * The gateway's HTTP endpoints on the same port (FORMATS §11): {@code GET /health} (no auth) and, only as a fallback
 * when the WebSocket connection lacks the read scope, {@code POST /tools/invoke} with the bearer token. The tools
 * endpoint grants full operator access with the shared token, so ClawMetry calls only the read tool
 * {@code sessions_list} through it.
 */
public final class GatewayHttp {

  private final URI base;
  private final String token;
  private final Duration timeout;
  private final String tlsFingerprint;

  /**
   * An endpoint checked the usual way ({@code https}: trusted CAs and host name).
   *
   * @param gatewayUrl the gateway's {@code ws://} or {@code wss://} URL (mapped to http/https)
   * @param token the shared gateway token, or null (then only {@link #health()} works)
   * @param timeout the timeout of each request
   */
  public GatewayHttp(URI gatewayUrl, String token, Duration timeout) {
    this(gatewayUrl, token, timeout, null);
  }

  /**
   * An endpoint whose {@code https} certificate is pinned: exactly the server whose leaf certificate has {@code
   * tlsFingerprint} is trusted, whatever its CA and host name.
   *
   * @param gatewayUrl the gateway's {@code ws://} or {@code wss://} URL (mapped to http/https)
   * @param token the shared gateway token, or null (then only {@link #health()} works)
   * @param timeout the timeout of each request
   * @param tlsFingerprint the SHA-256 fingerprint to pin (any form OpenClaw accepts), or null for no pin
   * @throws IllegalArgumentException when {@code tlsFingerprint} is not a SHA-256 fingerprint, or is given for a URL
   *     that is not {@code wss://} (or {@code https://}), or the URL is plaintext to a public address
   */
  public GatewayHttp(URI gatewayUrl, String token, Duration timeout, String tlsFingerprint) {
    this.tlsFingerprint = tlsFingerprint == null ? null : TlsFingerprints.normalize(tlsFingerprint);
    String s = gatewayUrl.toString();
    s = s.startsWith("wss://") ? "https://" + s.substring(6) : s.startsWith("ws://") ? "http://" + s.substring(5) : s;
    this.base = URI.create(s.endsWith("/") ? s : s + "/");
    if (this.tlsFingerprint != null && !"https".equals(base.getScheme())) {
      throw new IllegalArgumentException("a TLS fingerprint needs a wss:// gateway URL, got " + gatewayUrl);
    }
    if ("http".equals(base.getScheme())) { // the same rule as the WebSocket: no token in clear over the network
      String plaintext = PlaintextWs.refusal(URI.create("ws" + s.substring(4)),
          "1".equals(System.getenv(PlaintextWs.ALLOW_PRIVATE)));
      if (plaintext != null) {
        throw new IllegalArgumentException(plaintext);
      }
    }
    this.token = token;
    this.timeout = timeout;
  }

  /** {@code GET /health}: whether the gateway is live. */
  public boolean health() {
    HttpRequest req = HttpRequest.newBuilder(base.resolve("health")).timeout(timeout).GET().build();
    JsonNode n = send(req, "GET /health");
    return n.path("ok").asBoolean(false);
  }

  /** Sessions through {@code POST /tools/invoke {"tool":"sessions_list"}} (read-only tool; bearer token). */
  public List<LiveSession> sessions() {
    ObjectNode body = Json.STRICT.createObjectNode().put("tool", "sessions_list");
    body.putObject("args");
    JsonNode n = invoke(body);
    return Payloads.sessions(n.path("result").path("details")).items();
  }

  private JsonNode invoke(ObjectNode body) {
    if (token == null) {
      throw new GatewayException(GatewayErrorKind.AUTH_REQUIRED,
          "POST /tools/invoke needs the gateway token (pass --gateway-token or set OPENCLAW_GATEWAY_TOKEN)");
    }
    String json;
    try {
      json = Json.STRICT.writeValueAsString(body);
    } catch (IOException e) {
      throw new GatewayException(GatewayErrorKind.INVALID_REQUEST, e.getMessage());
    }
    HttpRequest req = HttpRequest.newBuilder(base.resolve("tools/invoke")).timeout(timeout)
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
    return send(req, "POST /tools/invoke");
  }

  private JsonNode send(HttpRequest req, String what) {
    HttpResponse<String> res;
    try {
      res = GatewayThreads.http(tlsFingerprint).send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (ConnectException e) {
      throw new GatewayException(GatewayErrorKind.GATEWAY_DOWN,
          "gateway down: nothing accepts connections at " + base + " (connection refused)");
    } catch (java.net.http.HttpTimeoutException e) {
      throw new GatewayException(GatewayErrorKind.TIMEOUT, what + ": no answer within " + timeout.toMillis() + " ms");
    } catch (IOException e) {
      GatewayException tls = TlsFailures.explain(base, e, tlsFingerprint != null ? null : TlsFailures.PIN_ADVICE);
      if (tls != null) {
        throw tls;
      }
      throw new GatewayException(GatewayErrorKind.GATEWAY_DOWN, what + " failed: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GatewayException(GatewayErrorKind.CLOSED, "interrupted");
    }
    if (res.statusCode() == 401 || res.statusCode() == 403) {
      throw new GatewayException(GatewayErrorKind.AUTH_FAILED,
          what + ": the gateway rejected the token (HTTP " + res.statusCode() + ")");
    }
    if (res.statusCode() / 100 != 2) {
      throw new GatewayException(GatewayErrorKind.REQUEST_FAILED, what + ": HTTP " + res.statusCode());
    }
    try {
      return Json.STRICT.readTree(res.body());
    } catch (IOException e) {
      throw new GatewayException(GatewayErrorKind.PROTOCOL_ERROR, what + ": the answer is not JSON");
    }
  }
}
