package io.clawmetry.core.gateway;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.clawmetry.core.discovery.Environment;
import io.clawmetry.core.discovery.HomeLocator;
import java.io.RandomAccessFile;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inputs the TLS pinning must refuse rather than act on: a pin for a plain URL, a certificate path that is a FIFO. */
class TlsInputsTest {

  @TempDir Path tmp;

  /** A pin with a ws:// URL would go out as plain http: refused, as the client builder refuses it. */
  @Test
  void gatewayHttpRefusesAPinForAPlainUrl() {
    assertThrows(IllegalArgumentException.class,
        () -> new GatewayHttp(URI.create("ws://127.0.0.1:1/"), null, Duration.ofSeconds(1), TlsTesting.FINGERPRINT));
  }

  /** Discovery reads gateway.tls.certPath: a FIFO (or /dev/stdin) there must not block it. */
  @Test
  void aFifoCertPathDoesNotHangDiscovery() throws Exception {
    Path state = Files.createDirectories(tmp.resolve("oc"));
    Path fifo = tmp.resolve("cert.pem");
    Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
    if (p.waitFor() != 0) {
      throw new AssertionError("mkfifo failed");
    }
    Files.writeString(state.resolve("openclaw.json"),
        "{ gateway: { tls: { enabled: true, certPath: '" + fifo + "' } } }");
    try {
      assertTimeoutPreemptively(Duration.ofSeconds(5),
          () -> new HomeLocator(Environment.of(Map.of(), tmp.resolve("user"))).locate(state));
    } finally {
      try (RandomAccessFile unblock = new RandomAccessFile(fifo.toFile(), "rw")) {
        // O_RDWR on a FIFO never blocks on Linux; closing it gives a blocked reader EOF
      }
    }
  }
}
