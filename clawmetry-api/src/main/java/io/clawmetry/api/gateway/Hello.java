package io.clawmetry.api.gateway;

import java.util.List;

/**
 * What the gateway said in {@code hello-ok}.
 *
 * @param protocol the negotiated protocol (4 on 2026.9.6)
 * @param serverVersion the server version ({@code 2026.9.6})
 * @param buildId the server build id, or null
 * @param connId this connection's id, or null
 * @param methods the advertised methods (not exhaustive: unadvertised methods are callable)
 * @param events the advertised events
 * @param authMethod {@code token}, {@code device-token}, {@code password}, ...
 * @param role the granted role
 * @param grantedScopes the granted scopes (may be empty: a connect can succeed with no scope)
 * @param maxPayload the policy's largest frame in bytes
 * @param tickIntervalMs the policy's tick interval
 * @param uptimeMs the snapshot's uptime, or null
 * @param authMode the gateway's auth mode from the snapshot, or null
 * @param defaultAgentId the snapshot's default agent id, or null
 * @param snapshotJson the whole {@code snapshot} object as JSON text
 */
public record Hello(
    int protocol,
    String serverVersion,
    String buildId,
    String connId,
    List<String> methods,
    List<String> events,
    String authMethod,
    String role,
    List<String> grantedScopes,
    long maxPayload,
    long tickIntervalMs,
    Long uptimeMs,
    String authMode,
    String defaultAgentId,
    String snapshotJson) {

  public Hello {
    methods = List.copyOf(methods);
    events = List.copyOf(events);
    grantedScopes = List.copyOf(grantedScopes);
  }
}
