package io.clawmetry.http;

import java.util.function.Consumer;

/**
 * What the dashboard needs from a live gateway connection: its status, the three cron mutations a user may ask for,
 * and its live events. The HTTP module never talks to the gateway itself; a gateway client implements this interface
 * and is handed to {@link ClawMetryServer.Builder#gateway(GatewayBridge)}. {@link #disconnected()} is the default.
 */
public interface GatewayBridge extends AutoCloseable {

  /** The connection's state right now; never blocks on the network. */
  GatewayStatus status();

  /**
   * Asks the gateway to enable, disable or run a cron job ({@code cron.update {id, patch:{enabled}}} or {@code cron.run
   * {id, mode:"force"}}). Called only for a job id the facade knows, after the user confirmed.
   */
  CronActionResult cronAction(String jobId, CronAction action);

  /**
   * Registers a listener for live gateway events ({@code cron}, {@code sessions.changed}, {@code health}, ...). The
   * listener is called from the bridge's own thread and must not block.
   *
   * @return a handle that removes the listener when closed
   */
  AutoCloseable subscribe(Consumer<GatewayEvent> listener);

  /** Releases the connection; the default does nothing. */
  @Override
  default void close() {}

  /** The bridge used when no gateway client is wired: always "not connected", refuses every mutation. */
  static GatewayBridge disconnected() {
    return DisconnectedGateway.INSTANCE;
  }

  /** A cron mutation. */
  enum CronAction {
    /** {@code cron.update {id, patch:{enabled:true}}}. */
    ENABLE,
    /** {@code cron.update {id, patch:{enabled:false}}}. */
    DISABLE,
    /** {@code cron.run {id, mode:"force"}}. */
    RUN
  }

  /**
   * The gateway connection's state.
   *
   * @param connected whether a connection is established and authenticated
   * @param url the gateway URL (no credential in it), or null
   * @param version the gateway's version from the handshake, or null
   * @param uptimeMs the gateway's uptime from its last {@code health}/{@code startup} answer, or null
   * @param scopes the scopes granted ({@code operator.read}, {@code operator.admin}), empty when not connected
   * @param detail a human-readable explanation ("gateway not connected", "pairing required", ...)
   */
  record GatewayStatus(
      boolean connected, String url, String version, Long uptimeMs, java.util.List<String> scopes, String detail) {
    public GatewayStatus {
      scopes = scopes == null ? java.util.List.of() : java.util.List.copyOf(scopes);
    }
  }

  /**
   * What a cron mutation did.
   *
   * @param ok whether the gateway accepted it
   * @param message the gateway's answer or error, for display
   * @param runId the run id of a {@link CronAction#RUN}, or null
   */
  record CronActionResult(boolean ok, String message, String runId) {}

  /**
   * One live gateway event, forwarded to the browser as an SSE {@code gateway} event.
   *
   * @param event the gateway's event name ({@code cron}, {@code sessions.changed}, ...)
   * @param payloadJson the event's payload as JSON text, with every secret removed by the bridge
   */
  record GatewayEvent(String event, String payloadJson) {}
}
