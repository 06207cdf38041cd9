package io.clawmetry.core.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.clawmetry.api.gateway.GatewayErrorKind;
import io.clawmetry.core.discovery.Environment;
import io.clawmetry.core.discovery.HomeLayout;
import io.clawmetry.core.discovery.HomeLocator;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Review 7: credential kind and pin handling around OPENCLAW_GATEWAY_URL and remote pins. */
class Review7GatewayCredentialTest {

  @TempDir Path tmp;

  private GatewayClient.Builder builder(String json, Map<String, String> vars) throws IOException {
    Path home = Files.createDirectories(tmp.resolve("home"));
    Path state = Files.createDirectories(tmp.resolve("oc"));
    Files.writeString(state.resolve("openclaw.json"), json);
    Map<String, String> all = new HashMap<>(vars);
    all.put("CLAWMETRY_HOME", tmp.resolve("cm").toString());
    Environment env = Environment.of(all, home);
    HomeLayout l = new HomeLocator(env).locate(state);
    return GatewayConnector.builder(l, env, null, null, null);
  }

  private static String field(GatewayClient.Builder b, String name) throws Exception {
    Field f = GatewayClient.Builder.class.getDeclaredField(name);
    f.setAccessible(true);
    return (String) f.get(b);
  }

  /**
   * OpenClaw, env URL: {token: OPENCLAW_GATEWAY_TOKEN, password: OPENCLAW_GATEWAY_PASSWORD}. ClawMetry picks the
   * env password but sends it as a token, because authMode comes from the local config (gateway.auth.token set).
   */
  @Test
  void envUrlWithEnvPasswordSendsItAsAPassword() throws Exception {
    GatewayClient.Builder b = builder("{ gateway: { auth: { token: 'local-token' } } }",
        Map.of("OPENCLAW_GATEWAY_URL", "wss://127.0.0.1:1", "OPENCLAW_GATEWAY_PASSWORD", "env-pass"));
    assertEquals("env-pass", field(b, "password"), "the env password must be sent as a password");
    assertNull(field(b, "token"), "the env password was sent as the shared token");
  }

  /** The reverse: gateway.auth.mode 'password' locally, env URL with an env token: the token goes out as a password. */
  @Test
  void envUrlWithEnvTokenSendsItAsAToken() throws Exception {
    GatewayClient.Builder b = builder("{ gateway: { auth: { mode: 'password', password: 'local-pass' } } }",
        Map.of("OPENCLAW_GATEWAY_URL", "wss://127.0.0.1:1", "OPENCLAW_GATEWAY_TOKEN", "env-token"));
    assertEquals("env-token", field(b, "token"), "the env token must be sent as a token");
    assertNull(field(b, "password"));
  }

  /**
   * OpenClaw's resolveGatewayConnectionTlsFingerprint calls requireTlsFingerprint on gateway.remote.tlsFingerprint in
   * remote mode whatever the URL's scheme, so an invalid pin fails the connection even for ws://; ClawMetry's own
   * warning says "connections to the gateway are refused until it is fixed", yet the ws:// client is not refused.
   */
  @Test
  void anInvalidRemotePinIsNotSilentlyIgnoredForAWsRemoteUrl() throws Exception {
    GatewayClient.Builder b = builder(
        "{ gateway: { mode: 'remote', remote: { url: 'ws://127.0.0.1:1', tlsFingerprint: 'ab:cd' } } }", Map.of());
    assertNotNull(b.refusal(), "invalid configured pin with a ws:// URL: connects anyway (warning says refused)");
    assertEquals(GatewayErrorKind.MISCONFIGURED, b.refusal().kind());
  }

  /**
   * OpenClaw (buildGatewayConnectionDetails) refuses a plaintext ws:// URL to a non-loopback address, from any source
   * including OPENCLAW_GATEWAY_URL, unless OPENCLAW_ALLOW_INSECURE_PRIVATE_WS=1: the credential would cross the
   * network in clear. ClawMetry builds a client that sends the env token there. No connection is attempted here.
   */
  @Test
  void aPlaintextNonLoopbackEnvUrlIsRefused() throws Exception {
    GatewayClient.Builder b;
    try {
      b = builder("{ gateway: { auth: { token: 'local-token' } } }",
          Map.of("OPENCLAW_GATEWAY_URL", "ws://10.255.255.1:18789", "OPENCLAW_GATEWAY_TOKEN", "env-token"));
    } catch (IllegalArgumentException refused) {
      return;
    }
    assertNotNull(b.refusal(), "token " + field(b, "token") + " would go in plaintext to ws://10.255.255.1:18789");
  }
}
