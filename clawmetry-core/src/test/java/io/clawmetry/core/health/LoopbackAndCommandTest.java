package io.clawmetry.core.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real sources: the loopback probe and the process runner (with a PATH of our own scripts). */
class LoopbackAndCommandTest {

  @TempDir Path bin;

  @Test
  void loopbackProbeSeesAListeningSocket() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      assertTrue(PortProbe.loopback(Duration.ofMillis(300)).open(s.getLocalPort()));
    }
  }

  private void script(String name, String body) throws IOException {
    Path p = bin.resolve(name);
    Files.writeString(p, "#!/bin/sh\n" + body + "\n");
    assertTrue(p.toFile().setExecutable(true));
  }

  @Test
  void runsProgramsFromThePathAndReportsFailures() throws Exception {
    script("nvidia-smi", "echo \"$1\"; echo \"$2\"; echo noise >&2");
    script("fails", "exit 9");
    script("hangs", "exec sleep 30");
    CommandRunner r = new SystemCommandRunner(bin.toString());
    assertTrue(r.available("nvidia-smi"));
    assertFalse(r.available("absent"));
    assertFalse(r.available("../" + bin.getFileName() + "/nvidia-smi"), "only plain names are looked up");
    assertEquals("a b\nc\n", r.run(List.of("nvidia-smi", "a b", "c"), Duration.ofSeconds(10)));
    IOException e = assertThrows(IOException.class, () -> r.run(List.of("fails"), Duration.ofSeconds(10)));
    assertEquals("fails exited with status 9", e.getMessage());
    IOException t = assertThrows(IOException.class, () -> r.run(List.of("hangs"), Duration.ofMillis(200)));
    assertEquals("hangs did not finish within 200 ms", t.getMessage());
    assertFalse(new SystemCommandRunner(null).available("nvidia-smi"), "no PATH, nothing runs");
  }
}
