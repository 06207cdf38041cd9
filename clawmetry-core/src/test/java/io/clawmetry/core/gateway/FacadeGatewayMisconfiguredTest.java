package io.clawmetry.core.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clawmetry.api.ClawMetry;
import io.clawmetry.api.gateway.GatewayErrorKind;
import io.clawmetry.core.ClawMetryBuilder;
import io.clawmetry.core.discovery.Environment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ClawMetry#gateway()} never throws for a configuration it cannot use (the file-based reports, and {@code
 * serve}, must not depend on it): the client it returns refuses to connect and says why. A configured pin with a ws://
 * URL is ignored, as OpenClaw does. Only 127.0.0.1 is ever addressed (port 1: nothing listens).
 */
class FacadeGatewayMisconfiguredTest {

  @TempDir Path tmp;

  private ClawMetry open(String json, Map<String, String> vars) throws Exception {
    Path state = Files.createDirectories(tmp.resolve("oc"));
    Files.writeString(state.resolve("openclaw.json"), json);
    return ClawMetryBuilder.create()
        .environment(Environment.of(vars, tmp.resolve("user")))
        .stateDir(state)
        .build();
  }

  private Map<String, String> ownHome() {
    return Map.of("CLAWMETRY_HOME", tmp.resolve("cm").toString());
  }

  @Test
  void anInvalidConfiguredPinGivesAClientThatRefusesToConnect() throws Exception {
    try (ClawMetry cm = open("{ gateway: { mode: 'remote', remote: { url: 'wss://127.0.0.1:1', tlsFingerprint:"
        + " 'ab:cd' } } }", ownHome())) {
      assertNotNull(cm.gateway().status());
      GatewayException e = assertThrows(GatewayException.class, () -> cm.gateway().health());
      assertEquals(GatewayErrorKind.MISCONFIGURED, e.kind());
      assertEquals("Invalid TLS fingerprint; expected a SHA-256 certificate fingerprint (openclaw.json"
          + " gateway.remote.tlsFingerprint); ClawMetry does not connect without the pin the configuration asks for",
          e.getMessage());
      assertEquals(e.getMessage(), cm.gateway().status().reason());
      assertTrue(Files.notExists(tmp.resolve("cm")), "a refused client touches no state");
    }
  }

  @Test
  void aValidPinWithAWsRemoteUrlIsIgnoredAsOpenClawDoes() throws Exception {
    try (ClawMetry cm = open("{ gateway: { mode: 'remote', remote: { url: 'ws://127.0.0.1:1', tlsFingerprint: '"
        + "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff' } } }", ownHome())) {
      GatewayException e = assertThrows(GatewayException.class, () -> cm.gateway().health());
      assertEquals(GatewayErrorKind.GATEWAY_DOWN, e.kind(), e.getMessage()); // it tried: plain ws, no pin
    }
  }

  @Test
  void aStateDirInsideTheOpenClawHomeGivesAClientThatRefusesToConnect() throws Exception {
    Path inside = tmp.resolve("oc/clawmetry");
    try (ClawMetry cm = open("{ gateway: { port: 1 } }", Map.of("CLAWMETRY_HOME", inside.toString()))) {
      GatewayException e = assertThrows(GatewayException.class, () -> cm.gateway().health());
      assertEquals(GatewayErrorKind.MISCONFIGURED, e.kind());
      assertTrue(e.getMessage().contains("lies inside the OpenClaw home"), e.getMessage());
      assertTrue(Files.notExists(inside), "nothing written into the OpenClaw home");
    }
  }
}
