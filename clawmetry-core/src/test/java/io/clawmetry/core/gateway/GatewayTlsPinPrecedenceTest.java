package io.clawmetry.core.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clawmetry.api.GatewayTlsPin;
import io.clawmetry.api.WarningKind;
import io.clawmetry.core.discovery.Environment;
import io.clawmetry.core.discovery.HomeLayout;
import io.clawmetry.core.discovery.HomeLocator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which TLS pin applies, first hit wins, as OpenClaw's {@code resolveGatewayConnectionTlsFingerprint}: the explicit
 * one; {@code gateway.remote.tlsFingerprint} for the URL {@code gateway.remote.url}; the certificate file of a local
 * {@code gateway.tls} gateway; else none.
 */
class GatewayTlsPinPrecedenceTest {

  static final String A = TlsTesting.FINGERPRINT;
  static final String B = TlsTesting.OTHER;
  static final String REMOTE = "openclaw.json gateway.remote.tlsFingerprint";

  @TempDir Path tmp;
  Path home;
  Path state;
  Environment env;

  @BeforeEach
  void setUp() throws IOException {
    home = Files.createDirectories(tmp.resolve("home"));
    state = Files.createDirectories(tmp.resolve("oc"));
    env = Environment.of(Map.of(), home);
  }

  private HomeLayout layout(String json) throws IOException {
    Files.writeString(state.resolve("openclaw.json"), json);
    return new HomeLocator(env).locate(state);
  }

  private GatewayException refusal(HomeLayout l) {
    return GatewayConnector.builder(l, env, null, null, null).refusal();
  }

  private TlsPinSource pin(HomeLayout l, String url, String explicit) {
    return GatewayConnector.builder(l, env, url, null, explicit).tlsPin();
  }

  @Test
  void remoteFingerprintAppliesToTheRemoteUrl() throws IOException {
    HomeLayout l = layout("{ gateway: { mode: 'remote', remote: { url: 'wss://gw.example:443',"
        + " tlsFingerprint: 'SHA256:" + A.toUpperCase() + "' } } }");
    assertEquals(new GatewayTlsPin(A, REMOTE, null, null), l.gateway().tlsPin());
    assertEquals(new TlsPinSource(A, null), pin(l, null, null));
  }

  @Test
  void theExplicitPinWinsOverTheConfiguration() throws IOException {
    HomeLayout l = layout("{ gateway: { mode: 'remote', remote: { url: 'wss://gw.example', tlsFingerprint: '"
        + A + "' } } }");
    assertEquals(new TlsPinSource(B, null), pin(l, null, "sha256:" + B));
  }

  @Test
  void aUrlGivenByTheUserTakesNoPinFromTheConfiguration() throws IOException {
    HomeLayout l = layout("{ gateway: { mode: 'remote', remote: { url: 'wss://gw.example', tlsFingerprint: '"
        + A + "' } } }");
    assertNull(pin(l, "wss://gw.example", null));
    assertEquals(new TlsPinSource(B, null), pin(l, "wss://gw.example", B));
  }

  @Test
  void anInvalidConfiguredFingerprintRefusesInsteadOfConnectingUnpinned() throws IOException {
    HomeLayout l = layout("{ gateway: { mode: 'remote', remote: { url: 'wss://gw.example', tlsFingerprint: 'ab:cd' } }"
        + " }");
    GatewayTlsPin p = l.gateway().tlsPin();
    assertNull(p.fingerprint());
    assertEquals("Invalid TLS fingerprint; expected a SHA-256 certificate fingerprint; connections to the gateway are"
        + " refused until it is fixed", p.problem());
    assertTrue(l.warnings().stream().anyMatch(w -> w.kind() == WarningKind.CONFIG
        && w.source().endsWith("#gateway.remote.tlsFingerprint")), l.warnings().toString());
    assertNull(pin(l, null, null));
    GatewayException e = refusal(l);
    assertEquals(io.clawmetry.api.gateway.GatewayErrorKind.MISCONFIGURED, e.kind());
    assertEquals("Invalid TLS fingerprint; expected a SHA-256 certificate fingerprint (" + REMOTE + "); ClawMetry"
        + " does not connect without the pin the configuration asks for", e.getMessage());
    assertEquals(new TlsPinSource(B, null), pin(l, null, B));
    assertNull(GatewayConnector.builder(l, env, null, null, B).refusal(), "an explicit pin replaces the invalid one");
    HomeLayout number = layout("{ gateway: { mode: 'remote', remote: { url: 'wss://gw.example', tlsFingerprint: 42 }"
        + " } }");
    assertNotNull(refusal(number));
    HomeLayout blank = layout("{ gateway: { mode: 'remote', remote: { url: 'wss://gw.example', tlsFingerprint: ' ' }"
        + " } }");
    assertNotNull(refusal(blank));
  }

  @Test
  void anInvalidExplicitFingerprintIsRefused() throws IOException {
    HomeLayout l = layout("{}");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> pin(l, "wss://h:1", "xyz"));
    assertEquals("Invalid TLS fingerprint; expected a SHA-256 certificate fingerprint", e.getMessage());
  }

  @Test
  void aRemoteUrlWithoutFingerprintIsNotPinnedByTheLocalCertificate() throws IOException {
    copyCertificate(state.resolve("gateway/tls/gateway-cert.pem"));
    HomeLayout l = layout("{ gateway: { mode: 'remote', tls: { enabled: true }, remote: { url: 'wss://gw.example' }"
        + " } }");
    assertNull(l.gateway().tlsPin());
    assertNull(pin(l, null, null));
  }

  @Test
  void theLocalTlsGatewayIsPinnedToItsDefaultCertificateFile() throws Exception {
    Path cert = copyCertificate(state.resolve("gateway/tls/gateway-cert.pem"));
    HomeLayout l = layout("{ gateway: { tls: { enabled: true } } }");
    assertEquals(new GatewayTlsPin(A, "gateway certificate " + cert + " (default path)", cert.toString(), null),
        l.gateway().tlsPin());
    assertEquals(new TlsPinSource(null, cert), pin(l, null, null));
    assertEquals(A, pin(l, null, null).current());
  }

  @Test
  void theCertPathSettingIsExpandedLikeOpenClawsUserPaths() throws Exception {
    Path cert = copyCertificate(home.resolve("certs/gw.pem"));
    HomeLayout l = layout("{ gateway: { mode: 'remote', tls: { enabled: true, certPath: '~/certs/gw.pem' } } }");
    assertEquals(new GatewayTlsPin(A, "gateway certificate " + cert + " (gateway.tls.certPath)", cert.toString(),
        null), l.gateway().tlsPin());
    assertEquals(new TlsPinSource(null, cert), pin(l, null, null));
  }

  @Test
  void aMissingCertificateFileLeavesCaValidationAndSaysSo() throws IOException {
    HomeLayout l = layout("{ gateway: { tls: { enabled: true } } }");
    GatewayTlsPin p = l.gateway().tlsPin();
    assertNull(p.fingerprint());
    assertTrue(p.problem().startsWith("cannot read the certificate ("), p.problem());
    assertTrue(p.problem().endsWith("); the usual CA validation applies until it can be read"), p.problem());
    TlsPinSource source = pin(l, null, null);
    assertEquals(state.resolve("gateway/tls/gateway-cert.pem").toAbsolutePath().normalize(),
        source.certificateFile());
    assertNull(source.current());
  }

  @Test
  void withoutTlsThereIsNoPin() throws IOException {
    copyCertificate(state.resolve("gateway/tls/gateway-cert.pem"));
    HomeLayout l = layout("{ gateway: { tls: { enabled: false } } }");
    assertNull(l.gateway().tlsPin());
    assertNull(pin(l, null, null));
  }

  private static Path copyCertificate(Path to) throws IOException {
    Files.createDirectories(to.getParent());
    try {
      return Files.copy(TlsTesting.certificateFile(), to).toAbsolutePath().normalize();
    } catch (java.net.URISyntaxException e) {
      throw new IOException(e);
    }
  }
}
