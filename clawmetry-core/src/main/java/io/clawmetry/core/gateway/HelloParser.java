package io.clawmetry.core.gateway;

import static io.clawmetry.core.gateway.JsonReads.lng;
import static io.clawmetry.core.gateway.JsonReads.strings;
import static io.clawmetry.core.gateway.JsonReads.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.clawmetry.api.gateway.GatewayErrorKind;
import io.clawmetry.api.gateway.Hello;

/** Reads {@code hello-ok} (FORMATS §10.2 step 4). */
final class HelloParser {

  /** The policy default when the gateway states none (observed 2026.9.6: 25 MiB). */
  static final long DEFAULT_MAX_PAYLOAD = 25L * 1024 * 1024;
  /** The tick interval default (observed 2026.9.6: 30 s). */
  static final long DEFAULT_TICK_MS = 30_000;

  private HelloParser() {}

  static Hello parse(JsonNode payload) {
    if (payload == null || !payload.isObject() || !payload.has("protocol")) {
      throw new GatewayException(GatewayErrorKind.PROTOCOL_ERROR, "the gateway's connect answer is not a hello-ok");
    }
    JsonNode server = payload.path("server");
    JsonNode features = payload.path("features");
    JsonNode auth = payload.path("auth");
    JsonNode policy = payload.path("policy");
    JsonNode snapshot = payload.path("snapshot");
    Long maxPayload = lng(policy, "maxPayload");
    Long tick = lng(policy, "tickIntervalMs");
    return new Hello(
        payload.path("protocol").asInt(),
        text(server, "version"),
        text(server, "buildId"),
        text(server, "connId"),
        strings(features.get("methods")),
        strings(features.get("events")),
        text(auth, "method"),
        text(auth, "role"),
        strings(auth.get("scopes")),
        maxPayload == null || maxPayload <= 0 ? DEFAULT_MAX_PAYLOAD : maxPayload,
        tick == null || tick <= 0 ? DEFAULT_TICK_MS : tick,
        lng(snapshot, "uptimeMs"),
        text(snapshot, "authMode"),
        text(snapshot.path("sessionDefaults"), "defaultAgentId"),
        snapshot.isMissingNode() ? null : JsonReads.raw(snapshot));
  }
}
