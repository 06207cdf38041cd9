package io.clawmetry.core.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clawmetry.api.gateway.GatewayErrorKind;
import io.clawmetry.api.gateway.Hello;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real TLS handshakes on 127.0.0.1 with a self-signed certificate: pinned to it the client connects, pinned to another
 * fingerprint or unpinned (CA validation) it refuses with {@link GatewayErrorKind#TLS_UNTRUSTED}.
 */
class GatewayTlsPinningTest {

  @TempDir Path tmp;

  private FakeGateway tlsGateway() throws Exception {
    return new FakeGateway(new ReplayScript("read-only-cli"), TlsTesting.serverContext());
  }

  @Test
  void pinnedToTheSelfSignedCertificateConnects() throws Exception {
    try (FakeGateway gw = tlsGateway();
        GatewayClient c = GatewayTesting.client(gw, tmp).tlsFingerprint(TlsTesting.FINGERPRINT).build()) {
      assertTrue(gw.uri().toString().startsWith("wss://127.0.0.1:"), gw.uri().toString());
      Hello h = c.connect();
      assertEquals(4, h.protocol());
      assertEquals(1, gw.connections());
    }
  }

  @Test
  void anyAcceptedSpellingOfThePinConnects() throws Exception {
    String colons = "SHA256:" + TlsTesting.FINGERPRINT.toUpperCase().replaceAll("(..)(?!$)", "$1:");
    try (FakeGateway gw = tlsGateway();
        GatewayClient c = GatewayTesting.client(gw, tmp).tlsFingerprint(colons).build()) {
      c.connect();
      assertEquals(1, gw.connections());
    }
  }

  @Test
  void aWrongPinFailsWithBothFingerprints() throws Exception {
    try (FakeGateway gw = tlsGateway();
        GatewayClient c = GatewayTesting.client(gw, tmp).tlsFingerprint(TlsTesting.OTHER).autoReconnect(false)
            .build()) {
      GatewayException e = assertThrows(GatewayException.class, c::connect);
      assertEquals(GatewayErrorKind.TLS_UNTRUSTED, e.kind());
      assertEquals("TLS certificate pin mismatch at " + gw.uri() + ": expected sha256:" + TlsTesting.OTHER
          + ", the server presented sha256:" + TlsTesting.FINGERPRINT + " (connection refused)", e.getMessage());
      assertEquals(0, gw.connections());
    }
  }

  @Test
  void withoutAPinTheSelfSignedCertificateIsRefused() throws Exception {
    try (FakeGateway gw = tlsGateway();
        GatewayClient c = GatewayTesting.client(gw, tmp).autoReconnect(false).build()) {
      GatewayException e = assertThrows(GatewayException.class, c::connect);
      assertEquals(GatewayErrorKind.TLS_UNTRUSTED, e.kind());
      assertTrue(e.getMessage().startsWith("the TLS handshake with " + gw.uri() + " failed: "), e.getMessage());
      assertTrue(e.getMessage().endsWith("(for a self-signed gateway certificate, pin its SHA-256 fingerprint with"
          + " --tls-fingerprint or gateway.remote.tlsFingerprint)"), e.getMessage());
      assertEquals(0, gw.connections());
    }
  }

  @Test
  void theCertificateFileIsReadAtConnectionAndAMissingOneMeansCaValidation() throws Exception {
    try (FakeGateway gw = tlsGateway()) {
      try (GatewayClient c = GatewayTesting.client(gw, tmp).tlsCertificateFile(TlsTesting.certificateFile())
          .build()) {
        c.connect();
      }
      assertEquals(1, gw.connections());
      try (GatewayClient c = GatewayTesting.client(gw, tmp).tlsCertificateFile(tmp.resolve("absent.pem"))
          .autoReconnect(false).build()) {
        GatewayException e = assertThrows(GatewayException.class, c::connect);
        assertEquals(GatewayErrorKind.TLS_UNTRUSTED, e.kind());
        assertTrue(e.getMessage().startsWith("the TLS handshake with "), e.getMessage());
        assertTrue(e.getMessage().endsWith("(the gateway's certificate " + tmp.resolve("absent.pem")
            + " could not be read to pin it; pin it with --tls-fingerprint)"), e.getMessage());
      }
      assertEquals(1, gw.connections());
    }
  }

  @Test
  void httpsEndpointsArePinnedToo() throws Exception {
    try (FakeGateway gw = tlsGateway()) {
      gw.http = (m, p, a, b) ->
          "/health".equals(p) ? new String[] {"200", "{\"ok\":true}"} : new String[] {"404", "{}"};
      assertTrue(new GatewayHttp(gw.uri(), null, Duration.ofSeconds(2), TlsTesting.FINGERPRINT).health());
      GatewayException wrong = assertThrows(GatewayException.class,
          () -> new GatewayHttp(gw.uri(), null, Duration.ofSeconds(2), TlsTesting.OTHER).health());
      assertEquals(GatewayErrorKind.TLS_UNTRUSTED, wrong.kind());
      String https = "https" + gw.uri().toString().substring(3);
      assertEquals("TLS certificate pin mismatch at " + https + ": expected sha256:" + TlsTesting.OTHER
          + ", the server presented sha256:" + TlsTesting.FINGERPRINT + " (connection refused)", wrong.getMessage());
      GatewayException unpinned = assertThrows(GatewayException.class,
          () -> new GatewayHttp(gw.uri(), null, Duration.ofSeconds(2)).health());
      assertEquals(GatewayErrorKind.TLS_UNTRUSTED, unpinned.kind());
    }
  }

  @Test
  void aPinNeedsAWssUrl() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> GatewayClient.builder(URI.create("ws://127.0.0.1:1/")).tlsFingerprint(TlsTesting.FINGERPRINT).build());
    assertEquals("a TLS fingerprint needs a wss:// gateway URL, got ws://127.0.0.1:1/", e.getMessage());
  }

  @Test
  void anInvalidPinIsRefusedAtOnce() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> GatewayClient.builder(URI.create("wss://127.0.0.1:1/")).tlsFingerprint("sha256:abcd"));
    assertEquals("Invalid TLS fingerprint; expected a SHA-256 certificate fingerprint", e.getMessage());
  }

  @Test
  void pinnedClientsAreSeparateCachedPerFingerprintAndBounded() {
    String a = TlsTesting.FINGERPRINT;
    assertNotSame(GatewayThreads.http(), GatewayThreads.http(a));
    assertSame(GatewayThreads.http(), GatewayThreads.http(null));
    assertSame(GatewayThreads.http(a), GatewayThreads.http(a));
    for (int i = 0; i < PinnedHttpClients.MAX_CLIENTS + 3; i++) {
      GatewayThreads.http(String.format("%064x", i));
    }
    assertEquals(PinnedHttpClients.MAX_CLIENTS, PinnedHttpClients.size());
    assertTrue(GatewayThreads.http().sslContext() != GatewayThreads.http(a).sslContext());
  }
}
