package io.clawmetry.core.tls;

import java.security.cert.CertificateException;

/** The server presented a certificate other than the pinned one (or none): the TLS handshake is refused. */
public final class TlsPinMismatchException extends CertificateException {

  private static final long serialVersionUID = 1L;

  private final String expected;
  private final String actual;

  /**
   * @param expected the pinned fingerprint
   * @param actual the fingerprint of the certificate the server presented, or null when it presented none
   */
  public TlsPinMismatchException(String expected, String actual) {
    super("TLS certificate fingerprint mismatch: expected sha256:" + expected + ", the server presented "
        + (actual == null ? "no certificate" : "sha256:" + actual));
    this.expected = expected;
    this.actual = actual;
  }

  /** The pinned fingerprint (64 lower-case hex digits). */
  public String expected() {
    return expected;
  }

  /** The fingerprint of the certificate the server presented, or null when it presented none. */
  public String actual() {
    return actual;
  }
}
