package io.clawmetry.api.gateway;

/** Why a gateway call or connection failed. Each kind has a one-line explanation for the user. */
public enum GatewayErrorKind {
  /** Nothing listens at the gateway address (connection refused, unknown host, ...). */
  GATEWAY_DOWN,
  /** No answer in time (connect, challenge, handshake or a request). */
  TIMEOUT,
  /** The gateway rejected the shared token or password ({@code AUTH_TOKEN_MISMATCH}, ...). */
  AUTH_FAILED,
  /** No credential and no paired device ({@code DEVICE_IDENTITY_REQUIRED}). */
  AUTH_REQUIRED,
  /** This device must be approved: {@code openclaw devices approve <requestId>} (the refusal names the request). */
  PAIRING_REQUIRED,
  /** The connection lacks a scope the method needs ({@code FORBIDDEN MISSING_SCOPE}). */
  MISSING_SCOPE,
  /** The gateway speaks no protocol version in 3..4. */
  PROTOCOL_MISMATCH,
  /** The gateway is still starting and kept answering {@code UNAVAILABLE}. */
  STARTING,
  /** The gateway answered {@code INVALID_REQUEST} to a request. */
  INVALID_REQUEST,
  /** A frame exceeded the size limit. */
  FRAME_TOO_LARGE,
  /** The connection closed or went silent while a request was in flight. */
  CONNECTION_LOST,
  /** The gateway sent something that is not the protocol (garbage frame, wrong handshake). */
  PROTOCOL_ERROR,
  /** The gateway answered an error not listed above. */
  REQUEST_FAILED,
  /** The client was closed. */
  CLOSED,
  /**
   * The server's TLS certificate is not trusted: it does not match the pinned fingerprint, or (without a pin) no
   * trusted CA vouches for it or it names another host.
   */
  TLS_UNTRUSTED,
  /**
   * The configuration does not let ClawMetry connect, and it does not try: an invalid TLS pin (never a connection
   * without the pin it asks for), a gateway URL that is not ws/wss, ClawMetry's state dir inside the OpenClaw home.
   */
  MISCONFIGURED
}
