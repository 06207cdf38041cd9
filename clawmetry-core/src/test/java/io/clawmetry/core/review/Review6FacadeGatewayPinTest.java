package io.clawmetry.core.review;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.clawmetry.api.ClawMetry;
import io.clawmetry.core.ClawMetryBuilder;
import io.clawmetry.core.discovery.Environment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Review: ClawMetry.gateway() is documented as "not connected until first used; status() never blocks", and never
 * threw for a bad configuration before TLS pinning. Now GatewayConnector.builder throws IllegalArgumentException from
 * inside DefaultClawMetry.gateway() when the configured pin is invalid (or a valid pin meets a ws:// remote URL), so
 * the facade method throws, and `clawmetry serve` (ServeCommand calls cm.gateway() outside its try) ends with
 * "clawmetry: internal error: java.lang.IllegalArgumentException ..." instead of serving the file-based dashboard.
 * The refusal belongs to connecting (status DISCONNECTED/TLS_UNTRUSTED with the reason), not to gateway().
 */
class Review6FacadeGatewayPinTest {

  @TempDir Path tmp;

  private ClawMetry open(String json) throws Exception {
    Path state = Files.createDirectories(tmp.resolve("oc"));
    Files.writeString(state.resolve("openclaw.json"), json);
    return ClawMetryBuilder.create()
        .environment(Environment.of(Map.of("CLAWMETRY_HOME", tmp.resolve("cm").toString()), tmp.resolve("user")))
        .stateDir(state)
        .build();
  }

  @Test
  void anInvalidConfiguredPinDoesNotMakeGatewayThrow() throws Exception {
    try (ClawMetry cm = open("{ gateway: { mode: 'remote', remote: { url: 'wss://gw.example', tlsFingerprint: 'ab:cd'"
        + " } } }")) {
      assertDoesNotThrow(() -> assertNotNull(cm.gateway().status()));
    }
  }

  @Test
  void aValidPinWithAWsRemoteUrlDoesNotMakeGatewayThrow() throws Exception {
    try (ClawMetry cm = open("{ gateway: { mode: 'remote', remote: { url: 'ws://gw.example:18789', tlsFingerprint: '"
        + "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff' } } }")) {
      assertDoesNotThrow(() -> assertNotNull(cm.gateway().status()));
    }
  }
}
