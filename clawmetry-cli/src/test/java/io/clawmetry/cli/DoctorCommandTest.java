package io.clawmetry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.clawmetry.core.discovery.Environment;
import io.clawmetry.core.json.Json;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code clawmetry doctor} on the example home: where things were found, each agent's era, warnings; no secret. */
class DoctorCommandTest {

  @TempDir Path tmp;

  @Test
  void textReportNamesEveryAgentWithItsEra() {
    Path home = CliRun.exampleHome();
    CliRun r = CliRun.run(tmp, "doctor", "--home", home.toString());
    assertEquals(Main.OK, r.exitCode, r.err);
    String out = r.normalizedOut(home);
    assertTrue(out.contains("State dir    <home>  (--home)"), out);
    assertTrue(out.contains("Config       <home>/openclaw.json"), out);
    assertTrue(out.contains("Version      2026.9.6"), out);
    assertTrue(out.contains("Gateway      port 18789  (openclaw.json gateway.port), bind loopback, ws, mode local"), out);
    assertTrue(out.contains("\nTLS pin      none\n"), out);
    assertTrue(out.matches("(?s).*\\nmain +jsonl +9 +0 +- .*"), out);
    assertTrue(out.matches("(?s).*\\nops +sqlite +0 +46 +23 .*"), out);
    assertTrue(out.matches("(?s).*\\nresearch +migrated +2 +30 +23 .*"), out);
    assertTrue(out.contains("MALFORMED_LINE <home>/agents/main/sessions/f1494495-0858-47bc-be0e-b540f9ac8b0a.jsonl"
        + " (2 times, first at line 7)"), out);
  }

  @Test
  void jsonReportAndTheTokenIsNeverPrinted() throws Exception {
    Path home = CliRun.exampleHome();
    String secret = "s3cr3t-token-value-123";
    CliRun r =
        CliRun.run(Environment.of(Map.of("CLAWMETRY_EXAMPLE_TOKEN", secret), tmp), "doctor", "--json", "--home",
            home.toString());
    assertEquals(Main.OK, r.exitCode, r.err);
    JsonNode j = Json.STRICT.readTree(r.out);
    assertEquals("--home", j.get("stateDir").get("origin").asText());
    assertEquals(3, j.get("agents").size());
    assertEquals("migrated", j.get("agents").get(2).get("era").asText());
    assertEquals("token", j.get("gateway").get("authMode").asText());
    assertTrue(j.get("gateway").get("tlsPin").isNull(), r.out);
    assertTrue(j.get("gateway").get("credentialAvailable").asBoolean(), r.out);
    assertTrue(!r.out.contains(secret) && !r.err.contains(secret), "the token must never be printed");
    CliRun text =
        CliRun.run(Environment.of(Map.of("CLAWMETRY_EXAMPLE_TOKEN", secret), tmp), "doctor", "--home",
            home.toString());
    assertTrue(!text.out.contains(secret), "the token must never be printed");
  }

  @Test
  void aGatewayUrlFromTheEnvironmentIsShownWithItsOrigin() throws Exception {
    Path home = CliRun.exampleHome();
    Environment env = Environment.of(Map.of("OPENCLAW_GATEWAY_URL", "wss://gw.example:8443"), tmp);
    CliRun r = CliRun.run(env, "doctor", "--home", home.toString());
    assertEquals(Main.OK, r.exitCode, r.err);
    String out = r.normalizedOut(home);
    assertTrue(out.contains("Gateway      port 18789  (openclaw.json gateway.port), bind loopback, ws, mode local; url"
        + " wss://gw.example:8443  (env OPENCLAW_GATEWAY_URL)\n"), out);
    assertTrue(out.contains("\nAuth         token, credential: none [not available]\n"), out);
    assertTrue(out.contains("\nTLS pin      none (CA and host name validation)\n"), out);
    JsonNode j = Json.STRICT.readTree(CliRun.run(env, "doctor", "--json", "--home", home.toString()).out);
    assertEquals("wss://gw.example:8443", j.get("gateway").get("envUrl").asText());
  }
}
