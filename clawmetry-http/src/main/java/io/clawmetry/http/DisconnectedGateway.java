package io.clawmetry.http;

import java.util.List;
import java.util.function.Consumer;

/** The bridge when no gateway client is wired: not connected, no events, every mutation refused. */
final class DisconnectedGateway implements GatewayBridge {

  static final DisconnectedGateway INSTANCE = new DisconnectedGateway();

  static final String NOT_CONNECTED = "gateway not connected";

  private DisconnectedGateway() {}

  @Override
  public GatewayStatus status() {
    return new GatewayStatus(false, null, null, null, List.of(), NOT_CONNECTED);
  }

  @Override
  public CronActionResult cronAction(String jobId, CronAction action) {
    return new CronActionResult(false, NOT_CONNECTED, null);
  }

  @Override
  public AutoCloseable subscribe(Consumer<GatewayEvent> listener) {
    return () -> {};
  }
}
