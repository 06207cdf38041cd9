package io.clawmetry.core.gateway;

import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The test-only self-signed key pair in {@code src/test/resources/tls} (see the README there): a server-side TLS
 * context for {@link FakeGateway}, its certificate file and its fingerprint.
 */
final class TlsTesting {

  /** SHA-256 of the test certificate's DER encoding ({@code openssl x509 -fingerprint -sha256}). */
  static final String FINGERPRINT = "6bb0b08ba7d9f3ac79e780350e1acf36afc56c24446ac74541942c406eef32dc";
  /** A valid fingerprint of no certificate used here. */
  static final String OTHER = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

  private static final char[] PASSWORD = "test-only".toCharArray();

  private TlsTesting() {}

  /** A TLS server context presenting the self-signed certificate. */
  static SSLContext serverContext() throws Exception {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = TlsTesting.class.getResourceAsStream("/tls/gateway-selfsigned.p12")) {
      ks.load(in, PASSWORD);
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, PASSWORD);
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(kmf.getKeyManagers(), null, null);
    return ctx;
  }

  /** The certificate file (PEM). */
  static Path certificateFile() throws URISyntaxException {
    return Path.of(TlsTesting.class.getResource("/tls/gateway-cert.pem").toURI());
  }
}
