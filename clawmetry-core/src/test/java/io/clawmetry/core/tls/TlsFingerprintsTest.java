package io.clawmetry.core.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Fingerprint normalisation as OpenClaw's {@code normalizeTlsFingerprint}, and fingerprints of certificate files. */
class TlsFingerprintsTest {

  static final String HEX = "6bb0b08ba7d9f3ac79e780350e1acf36afc56c24446ac74541942c406eef32dc";
  static final String COLONS =
      "6B:B0:B0:8B:A7:D9:F3:AC:79:E7:80:35:0E:1A:CF:36:AF:C5:6C:24:44:6A:C7:45:41:94:2C:40:6E:EF:32:DC";

  @TempDir Path tmp;

  @ParameterizedTest(name = "[{0}]")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
    "6bb0b08ba7d9f3ac79e780350e1acf36afc56c24446ac74541942c406eef32dc",
    "6BB0B08BA7D9F3AC79E780350E1ACF36AFC56C24446AC74541942C406EEF32DC",
    "sha256:6bb0b08ba7d9f3ac79e780350e1acf36afc56c24446ac74541942c406eef32dc",
    "SHA256:6BB0B08BA7D9F3AC79E780350E1ACF36AFC56C24446AC74541942C406EEF32DC",
    "\"  Sha256:6bb0b08ba7d9f3ac79e780350e1acf36afc56c24446ac74541942c406eef32dc \t\"",
    "6B:B0:B0:8B:A7:D9:F3:AC:79:E7:80:35:0E:1A:CF:36:AF:C5:6C:24:44:6A:C7:45:41:94:2C:40:6E:EF:32:DC",
    "sha256:6b:b0:b0:8b:a7:d9:f3:ac:79:e7:80:35:0e:1a:cf:36:af:c5:6c:24:44:6a:c7:45:41:94:2c:40:6e:ef:32:dc",
  })
  void acceptedSpellingsNormaliseToLowerCaseHex(String input) {
    assertEquals(HEX, TlsFingerprints.normalize(input));
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(strings = {
    "",
    "   ",
    "sha256:",
    "6bb0b08ba7d9f3ac79e780350e1acf36afc56c24446ac74541942c406eef32d",
    "6bb0b08ba7d9f3ac79e780350e1acf36afc56c24446ac74541942c406eef32dc0",
    "6bb0b08ba7d9f3ac79e780350e1acf36afc56c24446ac74541942c406eef32dg",
    "sha1:6bb0b08ba7d9f3ac79e780350e1acf36afc56c24446ac74541942c406eef32dc",
    "sha256:sha256:6bb0b08ba7d9f3ac79e780350e1acf36afc56c24446ac74541942c406eef32dc",
    "6b:b0:b0:8b:a7:d9:f3:ac:79:e7:80:35:0e:1a:cf:36:af:c5:6c:24:44:6a:c7:45:41:94:2c:40:6e:ef:32",
    "6b:b0:b0:8b:a7:d9:f3:ac:79:e7:80:35:0e:1a:cf:36:af:c5:6c:24:44:6a:c7:45:41:94:2c:40:6e:ef:32:dc:",
    "6bb0:b08b:a7d9:f3ac:79e7:8035:0e1a:cf36:afc5:6c24:446a:c745:4194:2c40:6eef:32dc",
    "6b b0 b0 8b a7 d9 f3 ac 79 e7 80 35 0e 1a cf 36 af c5 6c 24 44 6a c7 45 41 94 2c 40 6e ef 32 dc",
    "6b-b0-b0-8b-a7-d9-f3-ac-79-e7-80-35-0e-1a-cf-36-af-c5-6c-24-44-6a-c7-45-41-94-2c-40-6e-ef-32-dc",
  })
  void anythingElseIsInvalid(String input) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TlsFingerprints.normalize(input));
    assertEquals("Invalid TLS fingerprint; expected a SHA-256 certificate fingerprint", e.getMessage());
  }

  @Test
  void nullIsInvalid() {
    assertThrows(IllegalArgumentException.class, () -> TlsFingerprints.normalize(null));
  }

  @Test
  void certificateFileFingerprintIsTheSha256OfTheDerEncoding() throws Exception {
    assertEquals(HEX, TlsFingerprints.ofPemFile(pem()));
    assertEquals(HEX, TlsFingerprints.normalize(COLONS));
  }

  @Test
  void certificateFilesAreBoundedAndMustHoldACertificate() throws Exception {
    Path big = tmp.resolve("big.pem");
    byte[] cert = Files.readAllBytes(pem());
    Files.write(big, cert);
    Files.write(big, new byte[TlsFingerprints.MAX_CERTIFICATE_FILE_BYTES + 1 - cert.length],
        java.nio.file.StandardOpenOption.APPEND);
    IOException tooBig = assertThrows(IOException.class, () -> TlsFingerprints.ofPemFile(big));
    assertEquals(big + " is larger than 65536 bytes", tooBig.getMessage());
    Path atLimit = tmp.resolve("limit.pem");
    Files.write(atLimit, cert);
    Files.write(atLimit, new byte[TlsFingerprints.MAX_CERTIFICATE_FILE_BYTES - cert.length],
        java.nio.file.StandardOpenOption.APPEND);
    assertEquals(HEX, TlsFingerprints.ofPemFile(atLimit));
    Path junk = Files.writeString(tmp.resolve("junk.pem"), "not a certificate\n");
    IOException notCert = assertThrows(IOException.class, () -> TlsFingerprints.ofPemFile(junk));
    assertTrue(notCert.getMessage().startsWith(junk + " holds no readable X.509 certificate"), notCert.getMessage());
    assertThrows(IOException.class, () -> TlsFingerprints.ofPemFile(tmp.resolve("absent.pem")));
  }

  @Test
  void trustManagerPinsEveryServerCheckAndTrustsNoClient() throws Exception {
    X509Certificate cert = (X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
        .generateCertificate(Files.newInputStream(pem()));
    X509Certificate[] chain = {cert};
    PinningTrustManager right = new PinningTrustManager(COLONS);
    right.checkServerTrusted(chain, "EC");
    right.checkServerTrusted(chain, "EC", (java.net.Socket) null);
    right.checkServerTrusted(chain, "EC", (javax.net.ssl.SSLEngine) null);
    String other = "ff" + HEX.substring(2);
    PinningTrustManager wrong = new PinningTrustManager(other);
    TlsPinMismatchException m =
        assertThrows(TlsPinMismatchException.class, () -> wrong.checkServerTrusted(chain, "EC"));
    assertEquals(other, m.expected());
    assertEquals(HEX, m.actual());
    assertThrows(TlsPinMismatchException.class, () -> wrong.checkServerTrusted(chain, "EC", (java.net.Socket) null));
    assertThrows(TlsPinMismatchException.class,
        () -> wrong.checkServerTrusted(chain, "EC", (javax.net.ssl.SSLEngine) null));
    TlsPinMismatchException empty = assertThrows(TlsPinMismatchException.class,
        () -> right.checkServerTrusted(new X509Certificate[0], "EC"));
    assertEquals(null, empty.actual());
    assertThrows(CertificateException.class, () -> right.checkClientTrusted(chain, "EC"));
    assertThrows(CertificateException.class, () -> right.checkClientTrusted(chain, "EC", (java.net.Socket) null));
    assertThrows(CertificateException.class,
        () -> right.checkClientTrusted(chain, "EC", (javax.net.ssl.SSLEngine) null));
    assertEquals(0, right.getAcceptedIssuers().length);
  }

  private static Path pem() throws Exception {
    return Path.of(TlsFingerprintsTest.class.getResource("/tls/gateway-cert.pem").toURI());
  }
}
