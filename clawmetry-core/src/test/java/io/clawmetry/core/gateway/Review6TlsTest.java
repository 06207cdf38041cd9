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

/** Review of the TLS pinning (072e001). */
class Review6TlsTest {

  @TempDir Path tmp;

  /**
   * GatewayHttp's pinned constructor says "an endpoint whose https certificate is pinned"; with a ws:// URL the
   * fingerprint is silently ignored and the request goes out in plain http. The builder refuses this combination
   * ("a TLS fingerprint needs a wss:// gateway URL"); the public GatewayHttp constructor should too.
   */
  @Test
  void gatewayHttpRefusesAPinForAPlainUrl() {
    assertThrows(IllegalArgumentException.class,
        () -> new GatewayHttp(URI.create("ws://127.0.0.1:1/"), null, Duration.ofSeconds(1), TlsTesting.FINGERPRINT));
  }

  /**
   * Discovery (HomeLocator.locate: every facade open, doctor) now reads gateway.tls.certPath with
   * Files.newInputStream and no regular-file check; a FIFO (or /dev/stdin, /dev/tty) there blocks discovery forever.
   * Every other reader in the project checks Files.isRegularFile first.
   */
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
