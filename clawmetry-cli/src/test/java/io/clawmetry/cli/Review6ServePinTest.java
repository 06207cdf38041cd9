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
 * Review: `serve` calls cm.gateway() outside its try (ServeCommand.java:55); with an invalid
 * gateway.remote.tlsFingerprint the facade's builder throws IllegalArgumentException and serve ends with
 * "clawmetry: internal error: java.lang.IllegalArgumentException: ...". The bind 0.0.0.0 without a token makes a fixed
 * serve stop right after (refusing to listen), so the test never blocks.
 */
@Timeout(60)
class Review6ServePinTest {

  @TempDir Path tmp;

  @Test
  void serveWithAnInvalidConfiguredPinIsNoInternalError() throws Exception {
    Path state = Files.createDirectories(tmp.resolve("oc"));
    Files.writeString(state.resolve("openclaw.json"),
        "{ gateway: { mode: 'remote', remote: { url: 'wss://gw.example', tlsFingerprint: 'ab:cd' } } }");
    CliRun r = CliRun.run(Environment.of(Map.of("CLAWMETRY_HOME", tmp.resolve("cm").toString()), tmp.resolve("user")),
        "serve", "--home", state.toString(), "--bind", "0.0.0.0", "--port", "0");
    assertFalse(r.err.contains("internal error"), r.err);
    assertTrue(r.err.contains("refusing to listen"), r.err);
  }
}
