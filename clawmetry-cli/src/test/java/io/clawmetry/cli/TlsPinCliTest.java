package io.clawmetry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.clawmetry.core.discovery.Environment;
import io.clawmetry.core.gateway.FakeGateway;
import io.clawmetry.core.json.Json;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code --tls-fingerprint} against a TLS fake gateway with the self-signed test certificate, and the doctor line. */
@Timeout(60)
class TlsPinCliTest {

  /** The fingerprint of the test certificate in clawmetry-core's {@code src/test/resources/tls}. */
  static final String PIN = "6bb0b08ba7d9f3ac79e780350e1acf36afc56c24446ac74541942c406eef32dc";
  static final String OTHER = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

  @TempDir Path tmp;

  private CliRun run(String... args) {
    return CliRun.run(Environment.of(Map.of("CLAWMETRY_HOME", tmp.resolve("cm").toString()), tmp.resolve("user")),
        args);
  }

  private static SSLContext selfSigned() throws Exception {
    char[] pw = "test-only".toCharArray();
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = TlsPinCliTest.class.getResourceAsStream("/tls/gateway-selfsigned.p12")) {
      ks.load(in, pw);
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, pw);
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(kmf.getKeyManagers(), null, null);
    return ctx;
  }

  @Test
  void pinnedStatusConnectsAndAWrongPinIsOneLineNamingBoth() throws Exception {
    try (FakeGateway gw = new FakeGateway(new CliReplayGateway(), selfSigned())) {
      String home = CliRun.exampleHome().toString();
      String url = gw.uri().toString();
      CliRun ok = run("gateway", "status", "--home", home, "--gateway-url", url, "--gateway-token", "t",
          "--tls-fingerprint", "sha256:" + PIN.toUpperCase());
      assertEquals(0, ok.exitCode, ok.err);
      assertEquals("Gateway      " + url + "  connected", ok.out.lines().findFirst().orElseThrow());
      CliRun wrong = run("gateway", "status", "--home", home, "--gateway-url", url, "--gateway-token", "t",
          "--tls-fingerprint", OTHER);
      assertEquals(1, wrong.exitCode);
      assertEquals("clawmetry: TLS certificate pin mismatch at " + url + ": expected sha256:" + OTHER
          + ", the server presented sha256:" + PIN + " (connection refused)\n", wrong.err.replace("\r", ""));
    }
  }

  @Test
  void anInvalidPinIsAUsageError() {
    CliRun r = run("gateway", "status", "--home", CliRun.exampleHome().toString(), "--gateway-url",
        "wss://127.0.0.1:1", "--tls-fingerprint", "sha256:12:34");
    assertEquals(Main.USAGE, r.exitCode);
    assertTrue(r.err.contains("Invalid TLS fingerprint; expected a SHA-256 certificate fingerprint"), r.err);
  }

  @Test
  void doctorShowsThePinAndWhereItComesFrom() throws Exception {
    Path state = Files.createDirectories(tmp.resolve("oc"));
    Files.writeString(state.resolve("openclaw.json"), "{ gateway: { mode: 'remote', remote: { url: 'wss://gw.example',"
        + " token: 'remote-secret-value', tlsFingerprint: '" + PIN.toUpperCase() + "' } } }");
    CliRun r = run("doctor", "--home", state.toString());
    assertEquals(Main.OK, r.exitCode, r.err);
    assertTrue(r.out.contains("\nTLS pin      sha256:" + PIN + "  (openclaw.json gateway.remote.tlsFingerprint)\n"),
        r.out);
    assertTrue(!r.out.contains("remote-secret-value"), "no secret printed");
    JsonNode j = Json.STRICT.readTree(run("doctor", "--json", "--home", state.toString()).out);
    assertEquals(PIN, j.path("gateway").path("tlsPin").path("fingerprint").asText());
    assertEquals("openclaw.json gateway.remote.tlsFingerprint", j.path("gateway").path("tlsPin").path("origin")
        .asText());
    Files.writeString(state.resolve("openclaw.json"), "{ gateway: { tls: { enabled: true } } }");
    CliRun missing = run("doctor", "--home", state.toString());
    Path cert = state.resolve("gateway/tls/gateway-cert.pem").toAbsolutePath().normalize();
    assertTrue(missing.out.contains("\nTLS pin      not in effect  (gateway certificate " + cert
        + " (default path)): cannot read the certificate ("), missing.out);
  }
}
