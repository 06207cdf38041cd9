package io.clawmetry.core.gateway;

import io.clawmetry.api.gateway.GatewayErrorKind;
import io.clawmetry.core.tls.TlsPinMismatchException;
import javax.net.ssl.SSLHandshakeException;

/** Turns a failed TLS handshake into a one-line {@link GatewayException} ({@link GatewayErrorKind#TLS_UNTRUSTED}). */
final class TlsFailures {

  private TlsFailures() {}

  /** What to do about an untrusted certificate when no pin was in effect and none was asked for. */
  static final String PIN_ADVICE = "for a self-signed gateway certificate, pin its SHA-256 fingerprint with"
      + " --tls-fingerprint or gateway.remote.tlsFingerprint";

  /**
   * The explanation of {@code cause} when a TLS handshake failed because of the server's certificate, else null.
   *
   * @param where the gateway address, for the message
   * @param advice what to do when the certificate is not trusted (null for a pinned connection)
   */
  static GatewayException explain(Object where, Throwable cause, String advice) {
    SSLHandshakeException handshake = null;
    for (Throwable c = cause; c != null; c = c.getCause()) {
      if (c instanceof TlsPinMismatchException m) {
        return new GatewayException(GatewayErrorKind.TLS_UNTRUSTED, "TLS certificate pin mismatch at " + where
            + ": expected sha256:" + m.expected() + ", the server presented "
            + (m.actual() == null ? "no certificate" : "sha256:" + m.actual()) + " (connection refused)");
      }
      if (c instanceof SSLHandshakeException h && handshake == null) {
        handshake = h;
      }
    }
    if (handshake == null) {
      return null;
    }
    return new GatewayException(GatewayErrorKind.TLS_UNTRUSTED, "the TLS handshake with " + where + " failed: "
        + handshake.getMessage() + (advice == null ? "" : " (" + advice + ")"));
  }
}
