package io.clawmetry.api.gateway;

/** Where the gateway connection stands. */
public enum ConnectionState {
  /** Never asked to connect, or closed on purpose. */
  IDLE,
  /** Opening a socket or in the handshake (also while waiting to reconnect). */
  CONNECTING,
  /** Handshake done; requests are served. */
  CONNECTED,
  /** Not reachable or refused; see the reason. */
  DOWN
}
