package io.clawmetry.core.tls;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts exactly one server certificate: the one whose SHA-256 fingerprint (of the leaf's DER encoding) is pinned,
 * compared in constant time. The CA chain, validity dates and host name are deliberately not checked: that is what
 * pinning a self-signed certificate (OpenClaw's {@code gateway.tls} default) means, and it is what OpenClaw's own
 * client does. Being an {@link X509ExtendedTrustManager}, it also replaces JSSE's host name check. It never trusts a
 * client certificate.
 */
public final class PinningTrustManager extends X509ExtendedTrustManager {

  private static final X509Certificate[] NONE = new X509Certificate[0];

  private final String expected;
  private final byte[] expectedBytes;

  /**
   * @param fingerprint the pinned fingerprint, in any form {@link TlsFingerprints#normalize} accepts
   * @throws IllegalArgumentException when it is not a SHA-256 fingerprint
   */
  public PinningTrustManager(String fingerprint) {
    this.expected = TlsFingerprints.normalize(fingerprint);
    this.expectedBytes = TlsFingerprints.bytes(expected);
  }

  /** An SSL context (TLS, default key managers and randomness) whose only trust is this pin. */
  public static SSLContext sslContext(String fingerprint) {
    try {
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, new TrustManager[] {new PinningTrustManager(fingerprint)}, null);
      return ctx;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot create a TLS context: " + e.getMessage(), e);
    }
  }

  /** The pinned fingerprint, normalised. */
  public String fingerprint() {
    return expected;
  }

  private void pin(X509Certificate[] chain) throws CertificateException {
    if (chain == null || chain.length == 0 || chain[0] == null) {
      throw new TlsPinMismatchException(expected, null);
    }
    byte[] actual;
    try {
      actual = TlsFingerprints.sha256(chain[0].getEncoded());
    } catch (CertificateEncodingException e) {
      throw new TlsPinMismatchException(expected, null);
    }
    if (!MessageDigest.isEqual(expectedBytes, actual)) {
      throw new TlsPinMismatchException(expected, HexFormat.of().formatHex(actual));
    }
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    pin(chain);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
    pin(chain);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    pin(chain);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    throw new CertificateException("a pinned gateway connection trusts no client certificate");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
    checkClientTrusted(chain, authType);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    checkClientTrusted(chain, authType);
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return NONE.clone();
  }
}
