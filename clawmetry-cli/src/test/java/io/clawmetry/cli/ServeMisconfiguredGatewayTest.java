package io.clawmetry.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clawmetry.core.discovery.Environment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} with a gateway configuration it cannot use (an invalid gateway.remote.tlsFingerprint) gets as far as
 * binding, instead of ending with an internal error: here the bind 0.0.0.0 without a token makes it stop right after
 * (refusing to listen), so the test never blocks.
 */
@Timeout(60)
class ServeMisconfiguredGatewayTest {

  @TempDir Path tmp;

  @Test
  void serveWithAnInvalidConfiguredPinIsNoInternalError() throws Exception {
    Path state = Files.createDirectories(tmp.resolve("oc"));
    Files.writeString(state.resolve("openclaw.json"),
        "{ gateway: { mode: 'remote', remote: { url: 'wss://127.0.0.1:1', tlsFingerprint: 'ab:cd' } } }");
    CliRun r = CliRun.run(Environment.of(Map.of("CLAWMETRY_HOME", tmp.resolve("cm").toString()), tmp.resolve("user")),
        "serve", "--home", state.toString(), "--bind", "0.0.0.0", "--port", "0");
    assertFalse(r.err.contains("internal error"), r.err);
    assertTrue(r.err.contains("refusing to listen"), r.err);
  }
}
