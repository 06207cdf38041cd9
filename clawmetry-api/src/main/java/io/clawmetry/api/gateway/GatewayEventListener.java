package io.clawmetry.api.gateway;

/** Receives live gateway events, one at a time, in arrival order, on a client thread; must not block long. */
@FunctionalInterface
public interface GatewayEventListener {

  /** Called for each event. */
  void onEvent(GatewayEvent event);
}
