package io.clawmetry.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clawmetry.core.discovery.Environment;
import io.clawmetry.core.testing.TestHomes;
import io.clawmetry.core.warn.Warnings;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real configuration files in {@code testdata/} parse with exact values. */
class RealConfigTest {

  @TempDir Path tmp;

  private final Warnings warnings = new Warnings();

  private OpenClawConfig load(String relative) {
    Path file = TestHomes.testdata().resolve(relative);
    return new ConfigLoader(Environment.of(Map.of(), tmp), tmp, tmp, tmp).load(file, warnings);
  }

  private static ProviderModelPrice price(String p, String m, String in, String out, String cr, String cw) {
    return new ProviderModelPrice(p, m, new BigDecimal(in), new BigDecimal(out), new BigDecimal(cr), new BigDecimal(cw));
  }

  private static final List<ProviderModelPrice> MOCK_PRICES =
      List.of(
          price("mocklm", "mock-1", "3", "15", "0.3", "3.75"),
          price("mockresp", "mock-2", "1.25", "10", "0.125", "0"));

  @Test
  void openclaw2026_9_6() {
    OpenClawConfig c = load("openclaw-2026.9.6/config/openclaw.json");
    assertTrue(c.parsed());
    assertEquals(18789, c.gatewayPort().orElseThrow());
    assertEquals("loopback", c.gatewayBind().orElseThrow());
    assertEquals("local", c.gatewayMode().orElseThrow());
    assertEquals("token", c.gatewayAuthMode().orElseThrow());
    assertEquals(false, c.gatewayTlsEnabled());
    Secret token = c.gatewayAuthToken().orElseThrow();
    assertEquals("REDACTED-TOKEN", token.reveal().orElseThrow());
    assertEquals("openclaw.json gateway.auth.token", token.description());
    assertEquals(
        List.of(
            new ConfiguredAgent(
                "main",
                "main",
                "/home/labuser1/.openclaw/workspace",
                "/home/labuser1/.openclaw/agents/main/agent",
                false)),
        c.agents());
    assertEquals("main", c.defaultAgentId());
    assertEquals("/home/labuser1/.openclaw/workspace", c.defaultWorkspace().orElseThrow());
    assertEquals(MOCK_PRICES, c.modelPrices());
    assertEquals("2026.9.6", c.lastTouchedVersion().orElseThrow());
    assertEquals("2026.9.6", c.wizardLastRunVersion().orElseThrow());
    assertTrue(c.loggingFile().isEmpty());
    assertTrue(c.cronStore().isEmpty());
    assertTrue(c.sessionMainKey().isEmpty());
    assertTrue(warnings.isEmpty(), warnings.list().toString());
  }

  @Test
  void labPatchJson5() {
    OpenClawConfig c = load("openclaw-2026.9.6/config/lab-patch.json5");
    assertTrue(c.parsed());
    assertEquals(MOCK_PRICES, c.modelPrices());
    assertEquals(0, new BigDecimal("0.125").compareTo(c.modelPrices().get(1).cacheRead()));
    assertTrue(c.gatewayPort().isEmpty());
    assertTrue(c.agents().isEmpty());
    assertTrue(c.node("agents", "defaults", "models", "mockresp/mock-2").isPresent());
    assertEquals("mock-embed", c.node("memory", "search", "model").orElseThrow().asText());
    assertTrue(c.versionHint().isEmpty());
    assertTrue(warnings.isEmpty(), warnings.list().toString());
  }

  @Test
  void verveAiLabsBackup2026_2_6() {
    OpenClawConfig c = load("real/VerveAILabs__openclaw-backup/openclaw.json");
    assertTrue(c.parsed());
    assertEquals(18789, c.gatewayPort().orElseThrow());
    assertEquals("loopback", c.gatewayBind().orElseThrow());
    assertEquals("local", c.gatewayMode().orElseThrow());
    assertEquals("token", c.gatewayAuthMode().orElseThrow());
    assertEquals("REDACTED_GATEWAY_TOKEN", c.gatewayAuthToken().orElseThrow().reveal().orElseThrow());
    assertTrue(c.agents().isEmpty());
    assertEquals("/home/ouss_ech/.openclaw/workspace", c.defaultWorkspace().orElseThrow());
    assertTrue(c.modelPrices().isEmpty());
    assertEquals("2026.2.6-3", c.lastTouchedVersion().orElseThrow());
    assertEquals("2026.2.6-3", c.versionHint().orElseThrow());
    assertEquals("2026.2.6-3", c.wizardLastRunVersion().orElseThrow());
    assertTrue(warnings.isEmpty(), warnings.list().toString());
  }
}
