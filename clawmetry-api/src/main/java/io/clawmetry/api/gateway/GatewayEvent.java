package io.clawmetry.api.gateway;

/**
 * A live event from the gateway ({@code sessions.changed}, {@code cron}, {@code task}, {@code health}, ...).
 * Connection-level events of the client itself use the names {@code clawmetry.connected} and
 * {@code clawmetry.disconnected}; after them, re-read state instead of expecting a replay.
 *
 * @param event the event name
 * @param seq the per-connection sequence number, or null
 * @param payloadJson the payload as JSON text ({@code null} when absent)
 */
public record GatewayEvent(String event, Long seq, String payloadJson) {}
