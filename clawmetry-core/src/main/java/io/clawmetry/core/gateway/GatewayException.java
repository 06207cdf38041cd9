package io.clawmetry.core.gateway;

import io.clawmetry.api.gateway.GatewayErrorKind;

/**
 * A gateway failure with a one-line message meant for the user (never a stack trace): what happened and, where there
 * is one, what to do about it.
 */
public final class GatewayException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final GatewayErrorKind kind;
  private final String gatewayCode;
  private final String detailCode;
  private final transient Long retryAfterMs;

  /** A failure of this kind with a one-line message. */
  public GatewayException(GatewayErrorKind kind, String message) {
    this(kind, message, null, null, null);
  }

  GatewayException(GatewayErrorKind kind, String message, String gatewayCode, String detailCode, Long retryAfterMs) {
    super(message, null, false, false);
    this.kind = kind;
    this.gatewayCode = gatewayCode;
    this.detailCode = detailCode;
    this.retryAfterMs = retryAfterMs;
  }

  /** The kind of failure. */
  public GatewayErrorKind kind() {
    return kind;
  }

  /** The gateway's error code ({@code FORBIDDEN}, {@code NOT_PAIRED}, ...), or null for local failures. */
  public String gatewayCode() {
    return gatewayCode;
  }

  /** The gateway's {@code details.code} ({@code MISSING_SCOPE}, {@code AUTH_TOKEN_MISMATCH}, ...), or null. */
  public String detailCode() {
    return detailCode;
  }

  /** The gateway's {@code retryAfterMs}, or null. */
  Long retryAfterMs() {
    return retryAfterMs;
  }
}
