package io.clawmetry.core.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clawmetry.core.json.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake gateway that answers with the recorded real frames: the recorded challenge and {@code hello-ok}, then each
 * method's recorded answer with the client's id. It checks the connect params like the real gateway does (client id,
 * protocol range, the device signature) and issues a device token. Faults are switched on per test.
 */
class ReplayScript implements FakeGateway.Script {

  /** What to do instead of answering a method. */
  enum Fault { DROP, GARBAGE, SILENT, HUGE }

  static final String SHARED_TOKEN = "shared-secret-token";
  static final String DEVICE_TOKEN = "device-token-issued-1";

  final String helloVariant;
  volatile boolean sendChallenge = true;
  volatile long tickIntervalMs = 30_000;
  volatile int unavailableConnects;
  volatile boolean fragment;
  volatile boolean pairingRequired;
  /** The pairing request id the refusal carries when {@link #pairingRequired}; none when null. */
  volatile String pairingRequestId;
  volatile String grantedScopesOverride;
  final Map<String, Fault> faults = new ConcurrentHashMap<>();
  final Map<String, Long> delaysMs = new ConcurrentHashMap<>();
  final List<JsonNode> connectParams = new CopyOnWriteArrayList<>();
  final List<String> verifiedSignatures = new CopyOnWriteArrayList<>();
  final AtomicInteger connects = new AtomicInteger();
  volatile List<JsonNode> eventsAfterHello = List.of();

  ReplayScript(String helloVariant) {
    this.helloVariant = helloVariant;
  }

  @Override
  public void onOpen(FakeGateway.Conn c) throws IOException {
    if (sendChallenge) {
      c.send(Recorded.get().challenge(helloVariant));
    }
  }

  @Override
  public void onText(FakeGateway.Conn c, JsonNode frame) throws IOException {
    String id = frame.path("id").asText();
    String method = frame.path("method").asText();
    if ("connect".equals(method)) {
      connect(c, id, frame.path("params"));
      return;
    }
    Fault fault = faults.get(method);
    Long delay = delaysMs.get(method);
    if (delay != null) {
      sleep(delay);
    }
    if (fault != null) {
      switch (fault) {
        case DROP -> c.drop();
        case GARBAGE -> c.send("<html>this is not json</html>");
        case SILENT -> { }
        case HUGE -> c.send("{\"type\":\"res\",\"id\":\"" + id + "\",\"ok\":true,\"payload\":\"" + "x".repeat(300_000)
            + "\"}");
        default -> throw new IllegalStateException();
      }
      return;
    }
    Recorded.Exchange e = Recorded.get().exchange(helloVariant, method, frame.path("params"));
    if (e == null) {
      e = Recorded.get().anyExchange(method, frame.path("params"));
    }
    ObjectNode res;
    if (e == null) {
      res = error(id, "INVALID_REQUEST", "unknown method: " + method, null);
    } else {
      res = e.res().deepCopy();
      res.put("id", id);
    }
    send(c, res);
  }

  private void connect(FakeGateway.Conn c, String id, JsonNode p) throws IOException {
    connectParams.add(p);
    int n = connects.incrementAndGet();
    if (n <= unavailableConnects) {
      ObjectNode err = error(id, "UNAVAILABLE", "gateway starting; retry shortly", null);
      ((ObjectNode) err.get("error")).put("retryable", true).put("retryAfterMs", 50);
      ((ObjectNode) err.get("error")).putObject("details").put("reason", "startup-sidecars");
      send(c, err);
      c.closeWith(1013, "gateway starting");
      return;
    }
    if (!"cli".equals(p.path("client").path("id").asText())) {
      send(c, error(id, "INVALID_REQUEST", "invalid connect params: at /client/id: must be equal to one of the allowed"
          + " values", null));
      c.closeWith(1008, "invalid connect params");
      return;
    }
    if (p.path("minProtocol").asInt() > 4 || p.path("maxProtocol").asInt() < 4) {
      ObjectNode d = Json.STRICT.createObjectNode().put("code", "PROTOCOL_MISMATCH").put("expectedProtocol", 4);
      send(c, error(id, "INVALID_REQUEST", "protocol mismatch", d));
      c.closeWith(1002, "protocol mismatch");
      return;
    }
    JsonNode auth = p.path("auth");
    boolean tokenOk = SHARED_TOKEN.equals(auth.path("token").asText(null));
    boolean deviceTokenOk = DEVICE_TOKEN.equals(auth.path("deviceToken").asText(null));
    if (auth.has("token") && !tokenOk) {
      ObjectNode d = Json.STRICT.createObjectNode().put("code", "AUTH_TOKEN_MISMATCH")
          .put("canRetryWithDeviceToken", false).put("recommendedNextStep", "update_auth_credentials");
      send(c, error(id, "INVALID_REQUEST", "unauthorized: gateway token mismatch (use this gateway's"
          + " gateway.auth.token or pair the device)", d));
      c.closeWith(1008, "unauthorized");
      return;
    }
    if (auth.has("deviceToken") && !deviceTokenOk) {
      ObjectNode d = Json.STRICT.createObjectNode().put("code", "AUTH_DEVICE_TOKEN_MISMATCH");
      send(c, error(id, "INVALID_REQUEST", "unauthorized: device token mismatch", d));
      c.closeWith(1008, "unauthorized");
      return;
    }
    JsonNode dev = p.path("device");
    if (!tokenOk && !deviceTokenOk && dev.isMissingNode()) {
      send(c, error(id, "NOT_PAIRED", "device identity required",
          Json.STRICT.createObjectNode().put("code", "DEVICE_IDENTITY_REQUIRED")));
      c.closeWith(1008, "device identity required");
      return;
    }
    if (!dev.isMissingNode()) {
      String token = tokenOk ? auth.path("token").asText() : deviceTokenOk ? auth.path("deviceToken").asText() : "";
      List<String> scopes = new ArrayList<>();
      p.path("scopes").forEach(s -> scopes.add(s.asText()));
      String payload = DeviceIdentity.v3Payload(dev.path("id").asText(), "cli", p.path("client").path("mode").asText(),
          p.path("role").asText(), scopes, dev.path("signedAt").asLong(), token, dev.path("nonce").asText(),
          p.path("client").path("platform").asText(), null);
      try {
        if (!DeviceIdentityTest.verify(dev.path("publicKey").asText(), payload, dev.path("signature").asText())
            || !dev.path("nonce").asText().equals(Recorded.get().challenge(helloVariant).path("payload")
                .path("nonce").asText())) {
          send(c, error(id, "INVALID_REQUEST", "device signature invalid",
              Json.STRICT.createObjectNode().put("code", "DEVICE_SIGNATURE_INVALID")));
          c.closeWith(1008, "device signature invalid");
          return;
        }
      } catch (Exception e) {
        throw new IOException(e);
      }
      verifiedSignatures.add(payload);
      if (pairingRequired) {
        com.fasterxml.jackson.databind.node.ObjectNode details =
            Json.STRICT.createObjectNode().put("code", "PAIRING_REQUIRED").put("recommendedNextStep",
                "wait_then_retry");
        if (pairingRequestId != null) {
          details.put("requestId", pairingRequestId);
        }
        send(c, error(id, "NOT_PAIRED", "pairing required", details));
        c.closeWith(1008, "pairing required");
        return;
      }
    }
    Recorded.Exchange hello = Recorded.get().exchange(helloVariant, "connect", null);
    ObjectNode res = hello.res().deepCopy();
    res.put("id", id);
    ObjectNode payload = (ObjectNode) res.get("payload");
    ((ObjectNode) payload.get("policy")).put("tickIntervalMs", tickIntervalMs);
    ObjectNode a = (ObjectNode) payload.get("auth");
    a.put("method", deviceTokenOk ? "device-token" : "token");
    a.remove("deviceToken");
    a.set("scopes", p.path("scopes").deepCopy());
    if (!dev.isMissingNode()) {
      a.put("deviceToken", DEVICE_TOKEN).put("issuedAtMs", 1795494677559L);
    }
    if (grantedScopesOverride != null) {
      a.set("scopes", Json.STRICT.readTree(grantedScopesOverride));
    }
    send(c, res);
    for (JsonNode ev : eventsAfterHello) {
      send(c, ev);
    }
  }

  private void send(FakeGateway.Conn c, JsonNode frame) throws IOException {
    if (fragment) {
      c.sendFragmented(Json.STRICT.writeValueAsString(frame), 1000);
    } else {
      c.send(frame);
    }
  }

  static ObjectNode error(String id, String code, String message, JsonNode details) {
    ObjectNode res = Json.STRICT.createObjectNode().put("type", "res").put("id", id).put("ok", false);
    ObjectNode e = res.putObject("error").put("code", code).put("message", message);
    if (details != null) {
      e.set("details", details);
    }
    return res;
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
