package io.clawmetry.core.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.clawmetry.core.discovery.Environment;
import io.clawmetry.core.discovery.HomeLayout;
import io.clawmetry.core.discovery.HomeLocator;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where plaintext ws:// may go and what kind a credential goes out as, as OpenClaw decides (websocket-transport). */
class PlaintextAndCredentialKindTest {

  @TempDir Path tmp;

  /**
   * BYPASS: with OPENCLAW_ALLOW_INSECURE_PRIVATE_WS=1 only host names may use ws://, never public IPs. Java's URI keeps
   * "134744072" as a host name, but InetAddress (and so the WebSocket client) resolves it to 8.8.8.8; OpenClaw's URL
   * parser normalizes it to 8.8.8.8 and refuses.
   */
  @Test
  void aDecimalIpv4IsNotAHostName() throws Exception {
    URI u = URI.create("ws://134744072:18789/");
    assertEquals("8.8.8.8", InetAddress.getByName(u.getHost()).getHostAddress(), "what Java connects to");
    assertNotNull(PlaintextWs.refusal(u, true), "plaintext to the public 8.8.8.8 (credential in clear)");
  }

  /** OpenClaw does not trust *.localhost or localhost.localdomain (names a DNS server may answer with any address). */
  @ParameterizedTest
  @CsvSource({"ws://evil.localhost:18789/", "ws://localhost.localdomain:18789/"})
  void onlyLocalhostItselfIsTrustedByName(String url) {
    assertNotNull(PlaintextWs.refusal(URI.create(url), false), url);
  }

  /** "fc"/"fd" prefixes match 00fc::, 0fd0:: etc., which are not fc00::/7; OpenClaw refuses them. */
  @ParameterizedTest
  @CsvSource({"ws://[fc::1]:18789/", "ws://[fd::1]:18789/", "ws://[fc0::1]:18789/"})
  void onlyUniqueLocalIpv6IsTrusted(String url) {
    assertNotNull(PlaintextWs.refusal(URI.create(url), false), url);
  }

  /**
   * WRONG REFUSALS: OpenClaw trusts carrier-grade NAT 100.64/10 (Tailscale tailnet IPs, gateway.bind=tailnet),
   * deprecated site-local fec0::/10, all of fe80::/10 and IPv4-mapped loopback. (A private IP with a trailing dot,
   * {@code 10.0.0.1.}, has no host for Java's URI parser and stays refused: closed, not open.)
   */
  @ParameterizedTest
  @CsvSource({
    "ws://100.100.12.34:18789/",
    "ws://100.64.0.1:18789/",
    "ws://[fec0::1]:18789/",
    "ws://[fe90::1]:18789/",
    "ws://[::ffff:127.0.0.1]:18789/",
  })
  void plaintextOpenClawAllows(String url) {
    assertNull(PlaintextWs.refusal(URI.create(url), false), url);
  }

  /** GatewayHttp is public and sends the bearer token to any ws:// URL: it skips the build() check. */
  @Test
  void gatewayHttpRefusesAPlaintextPublicUrlToo() {
    assertThrows(IllegalArgumentException.class,
        () -> new GatewayHttp(URI.create("ws://203.0.113.7:18789/"), "token", Duration.ofSeconds(1)));
  }

  /** In remote mode gateway.remote.password goes out as a token when gateway.auth has no password (OpenClaw: password). */
  @Test
  void aRemotePasswordGoesOutAsAPassword() throws Exception {
    Path state = Files.createDirectories(tmp.resolve("oc"));
    Files.writeString(state.resolve("openclaw.json"),
        "{ gateway: { mode: 'remote', remote: { url: 'wss://127.0.0.1:1', password: 'remote-pass' } } }");
    Map<String, String> vars = new HashMap<>();
    vars.put("CLAWMETRY_HOME", tmp.resolve("cm").toString());
    Environment env = Environment.of(vars, Files.createDirectories(tmp.resolve("home")));
    HomeLayout l = new HomeLocator(env).locate(state);
    GatewayClient.Builder b = GatewayConnector.builder(l, env, null, null, null);
    assertNull(b.token(), "the remote password is not a token");
    assertEquals("remote-pass", b.password());
  }
}
