package io.clawmetry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.clawmetry.core.json.Json;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code clawmetry health} on the example home: the JSON keys of /api/system-health, the ports asked for, exit 0. */
class HealthCommandTest {

  @TempDir Path tmp;

  @Test
  void jsonHasTheApiKeysAndTheRequestedPorts() throws Exception {
    Path home = CliRun.exampleHome();
    try (ServerSocket listening = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = listening.getLocalPort();
      CliRun r =
          CliRun.run(tmp, "health", "--json", "--disk-warn", "99.5", "--port", "mine=" + port, "--home",
              home.toString());
      assertEquals(Main.OK, r.exitCode, r.err);
      JsonNode j = Json.STRICT.readTree(r.out);
      List<String> keys = new ArrayList<>();
      j.fieldNames().forEachRemaining(keys::add);
      assertEquals(
          List.of("asOf", "disk", "memory", "load", "uptime", "jvm", "ports", "gpus", "warnings", "problems"), keys);
      assertEquals(home.toString(), j.get("disk").get("path").asText());
      assertEquals(99.5, j.get("disk").get("warnPercent").asDouble());
      assertTrue(j.get("disk").get("totalBytes").asLong() > 0, "disk size present");
      assertTrue(j.get("jvm").get("heapUsedBytes").asLong() > 0, "heap present");
      assertTrue(j.get("uptime").has("hostMs") && j.get("uptime").has("jvmMs"));
      assertEquals(2, j.get("ports").size());
      assertEquals("gateway", j.get("ports").get(0).get("name").asText());
      assertEquals(18789, j.get("ports").get(0).get("port").asInt());
      assertEquals("mine", j.get("ports").get(1).get("name").asText());
      assertEquals(port, j.get("ports").get(1).get("port").asInt());
      assertTrue(j.get("ports").get(1).get("open").asBoolean(), "our listening socket is seen");
    }
  }

  @Test
  void textShowsEverySectionAndExitsZero() {
    Path home = CliRun.exampleHome();
    CliRun r = CliRun.run(tmp, "health", "--home", home.toString());
    assertEquals(Main.OK, r.exitCode, r.err);
    for (String s : new String[] {"Health at ", "  Disk ", "  JVM heap ", "PORT CHECK", "gateway", "18789"}) {
      assertTrue(r.out.contains(s), s + " in\n" + r.out);
    }
  }

  @Test
  void badOptionsAreUsageErrors() {
    String home = CliRun.exampleHome().toString();
    assertEquals(Main.USAGE, CliRun.run(tmp, "health", "--disk-warn", "0", "--home", home).exitCode);
    assertEquals(Main.USAGE, CliRun.run(tmp, "health", "--port", "x=70000", "--home", home).exitCode);
    assertEquals(Main.USAGE, CliRun.run(tmp, "health", "--port", "x=abc", "--home", home).exitCode);
  }

  @Test
  void formatting() {
    assertEquals("512 B", HealthCommand.bytes(512));
    assertEquals("1.5 KiB", HealthCommand.bytes(1536));
    assertEquals("15.6 GiB", HealthCommand.bytes(16_710_123_520L));
    assertEquals("4d 1h 25m", HealthCommand.duration(Duration.ofMillis(350_735_470L)));
    assertEquals("3h 2m", HealthCommand.duration(Duration.ofMinutes(182)));
    assertEquals("2m 5s", HealthCommand.duration(Duration.ofSeconds(125)));
    assertEquals("12s", HealthCommand.duration(Duration.ofSeconds(12)));
  }
}
