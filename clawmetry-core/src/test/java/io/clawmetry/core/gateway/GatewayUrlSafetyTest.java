package io.clawmetry.core.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clawmetry.api.gateway.GatewayErrorKind;
import io.clawmetry.core.discovery.Environment;
import io.clawmetry.core.discovery.HomeLayout;
import io.clawmetry.core.discovery.HomeLocator;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What is sent where, as OpenClaw decides it: plaintext ws:// only to loopback, private or .local/.ts.net hosts (host
 * names on a trusted network with OPENCLAW_ALLOW_INSECURE_PRIVATE_WS=1); with OPENCLAW_GATEWAY_URL the environment's
 * credential goes out as what it is (token or password); an invalid configured pin refuses even for ws://. No
 * connection is made: builders are inspected, or the facade's refusing client is asked.
 */
class GatewayUrlSafetyTest {

  @TempDir Path tmp;

  private Environment env(Map<String, String> vars) throws IOException {
    Map<String, String> all = new HashMap<>(vars);
    all.put("CLAWMETRY_HOME", tmp.resolve("cm").toString());
    return Environment.of(all, Files.createDirectories(tmp.resolve("home")));
  }

  private GatewayClient.Builder builder(String json, Map<String, String> vars) throws IOException {
    Path state = Files.createDirectories(tmp.resolve("oc"));
    Files.writeString(state.resolve("openclaw.json"), json);
    Environment env = env(vars);
    HomeLayout l = new HomeLocator(env).locate(state);
    return GatewayConnector.builder(l, env, null, null, null);
  }

  @ParameterizedTest
  @CsvSource({
    "ws://127.0.0.1:18789/, false, true",
    "ws://localhost:18789/, false, true",
    "ws://[::1]:18789/, false, true",
    "ws://10.1.2.3:18789/, false, true",
    "ws://172.16.0.1:18789/, false, true",
    "ws://172.32.0.1:18789/, false, false",
    "ws://192.168.1.20:18789/, false, true",
    "ws://169.254.3.4:18789/, false, true",
    "ws://gw.local:18789/, false, true",
    "ws://box.tail1234.ts.net:18789/, false, true",
    "ws://203.0.113.7:18789/, false, false",
    "ws://gw.example.com:18789/, false, false",
    "ws://gw.example.com:18789/, true, true",
    "ws://203.0.113.7:18789/, true, false",
    "ws://[2001:db8::1]:18789/, true, false",
    "wss://203.0.113.7:18789/, false, true",
    "ws://134744072:18789/, true, false",
    "ws://0x7f.1:18789/, true, false",
    "ws://0x7f.1:18789/, false, false",
    "ws://GW.LOCAL.:18789/, false, true",
  })
  void plaintextOnlyWhereOpenClawAllowsIt(String url, boolean allowPrivateNames, boolean allowed) {
    assertEquals(allowed, PlaintextWs.refusal(URI.create(url), allowPrivateNames) == null, url);
  }

  @Test
  void aPlaintextPublicUrlIsRefusedBeforeAnyCredentialLeaves() throws Exception {
    GatewayClient.Builder b = builder("{ gateway: { auth: { token: 'local-token' } } }",
        Map.of("OPENCLAW_GATEWAY_URL", "ws://203.0.113.7:18789", "OPENCLAW_GATEWAY_TOKEN", "env-token"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, b::build);
    assertTrue(e.getMessage().startsWith("SECURITY ERROR: gateway URL ws://203.0.113.7:18789/ uses plaintext ws://"),
        e.getMessage());
    GatewayClient.Builder allowed = builder("{}", Map.of("OPENCLAW_GATEWAY_URL", "ws://gw.example.com:18789",
        PlaintextWs.ALLOW_PRIVATE, "1"));
    allowed.build().close();
  }

  @Test
  void theFacadeClientRefusesAPlaintextPublicUrl() throws Exception {
    Path state = Files.createDirectories(tmp.resolve("oc"));
    Files.writeString(state.resolve("openclaw.json"), "{ gateway: { mode: 'remote', remote: { url:"
        + " 'ws://203.0.113.7:18789' } } }");
    Environment env = env(Map.of());
    try (GatewayClient c = GatewayConnector.forFacade(new HomeLocator(env).locate(state), env, "test")) {
      GatewayException e = assertThrows(GatewayException.class, c::health);
      assertEquals(GatewayErrorKind.MISCONFIGURED, e.kind());
    }
  }

  @Test
  void withTheEnvironmentUrlAPasswordGoesOutAsAPassword() throws Exception {
    GatewayClient.Builder b = builder("{ gateway: { auth: { token: 'local-token' } } }",
        Map.of("OPENCLAW_GATEWAY_URL", "wss://127.0.0.1:1", "OPENCLAW_GATEWAY_PASSWORD", "env-pass"));
    assertEquals("env-pass", b.password());
    assertNull(b.token(), "never the configured token, never the password as a token");
  }

  @Test
  void withTheEnvironmentUrlATokenGoesOutAsAToken() throws Exception {
    GatewayClient.Builder b = builder("{ gateway: { auth: { mode: 'password', password: 'local-pass' } } }",
        Map.of("OPENCLAW_GATEWAY_URL", "wss://127.0.0.1:1", "OPENCLAW_GATEWAY_TOKEN", "env-token"));
    assertEquals("env-token", b.token());
    assertNull(b.password());
  }

  @Test
  void anInvalidRemotePinRefusesAWsRemoteUrlToo() throws Exception {
    GatewayClient.Builder b = builder(
        "{ gateway: { mode: 'remote', remote: { url: 'ws://127.0.0.1:1', tlsFingerprint: 'ab:cd' } } }", Map.of());
    assertNotNull(b.refusal(), "the warning says connections are refused until it is fixed");
    assertEquals(GatewayErrorKind.MISCONFIGURED, b.refusal().kind());
  }
}
