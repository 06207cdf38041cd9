package io.clawmetry.core.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clawmetry.api.GpuInfo;
import io.clawmetry.api.HealthSnapshot;
import io.clawmetry.api.NamedPort;
import io.clawmetry.api.PortCheck;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link HealthCollector} over fixture {@code /proc} files, a fake disk, port probe and {@code nvidia-smi}. */
class HealthCollectorTest {

  private static final Instant NOW = Instant.parse("2026-11-20T10:15:30Z");
  private static final Path STATE = Path.of("/srv/openclaw");

  @TempDir Path tmp;

  /** A fake {@code nvidia-smi}: records the command line and returns the fixture output. */
  static final class FakeSmi implements CommandRunner {
    final List<List<String>> calls = new ArrayList<>();
    final boolean installed;
    final String output;
    final IOException failure;

    FakeSmi(boolean installed, String output, IOException failure) {
      this.installed = installed;
      this.output = output;
      this.failure = failure;
    }

    @Override
    public boolean available(String program) {
      return installed && program.equals("nvidia-smi");
    }

    @Override
    public String run(List<String> argv, Duration timeout) throws IOException {
      calls.add(argv);
      assertEquals(Duration.ofSeconds(3), timeout);
      if (failure != null) {
        throw failure;
      }
      return output;
    }
  }

  private static Path fixture(String name) {
    try {
      return Path.of(HealthCollectorTest.class.getResource("/health/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static HealthSources sources(Path proc, DiskSpace disk, Set<Integer> open, CommandRunner smi) {
    return new HealthSources(
        Clock.fixed(NOW, ZoneOffset.UTC), proc, disk, open::contains, smi, HealthSources.COMMAND_TIMEOUT);
  }

  private static final List<NamedPort> PORTS =
      List.of(new NamedPort("gateway", 18789), new NamedPort("clawmetry", 8900));

  @Test
  void exactFiguresFromTheFixtures() throws Exception {
    String csv = Files.readString(fixture("nvidia-smi.csv"), StandardCharsets.UTF_8);
    FakeSmi smi = new FakeSmi(true, csv, null);
    DiskSpace disk = dir -> new DiskSpace.Figures(1_000_000, 90_000, 50_000);
    HealthSnapshot h =
        new HealthCollector(sources(fixture("proc"), disk, Set.of(8900), smi)).collect(STATE, PORTS, 85.0);

    assertEquals(NOW, h.at());
    assertEquals(STATE.toString(), h.disk().path());
    assertEquals(1_000_000, h.disk().totalBytes());
    assertEquals(910_000, h.disk().usedBytes());
    assertEquals(50_000, h.disk().availableBytes());
    assertEquals(94.8, h.disk().usedPercent(), "910000 / (910000 + 50000), as df does");
    assertEquals(85.0, h.disk().warnPercent());
    assertTrue(h.disk().warning());

    assertEquals(16_710_123_520L, h.memory().totalBytes());
    assertEquals(10_113_580_032L, h.memory().availableBytes());
    assertEquals(39.5, h.memory().usedPercent());
    assertEquals("/proc/meminfo", h.memory().source());

    assertEquals(0.52, h.load().oneMinute());
    assertEquals(0.58, h.load().fiveMinutes());
    assertEquals(0.61, h.load().fifteenMinutes());
    assertEquals(Runtime.getRuntime().availableProcessors(), h.load().processors());
    assertEquals(Duration.ofMillis(350_735_470L), h.uptime());

    assertEquals(List.of(new PortCheck("gateway", 18789, false), new PortCheck("clawmetry", 8900, true)), h.ports());

    assertEquals(
        List.of(
            List.of(
                "nvidia-smi",
                "--query-gpu=index,utilization.gpu,memory.used,memory.total,temperature.gpu,name",
                "--format=csv,noheader,nounits")),
        smi.calls);
    assertEquals(
        List.of(
            new GpuInfo(0, "NVIDIA GeForce RTX 4090", 37, 1024L, 24576L, 45),
            new GpuInfo(1, "NVIDIA A100-SXM4-80GB, rev B", null, 512L, 81920L, null)),
        h.gpus());

    assertEquals(
        List.of("disk 94.8% used (warn at 85%)", "gateway port 18789 is not listening on 127.0.0.1"), h.warnings());
    assertEquals(List.of("nvidia-smi output line 3 is not a GPU"), h.problems());

    assertTrue(h.jvm().heapUsedBytes() > 0, "heap in use is present");
    assertTrue(h.jvm().threads() > 0, "threads are present");
    assertEquals(Runtime.version().toString(), h.jvm().version());
  }

  @Test
  void belowTheThresholdNoWarningAndAllPortsOpen() {
    DiskSpace disk = dir -> new DiskSpace.Figures(3, 1, 1);
    HealthSnapshot h =
        new HealthCollector(sources(fixture("proc"), disk, Set.of(18789, 8900), new FakeSmi(false, "", null)))
            .collect(STATE, PORTS, 70.0);
    assertEquals(66.7, h.disk().usedPercent());
    assertFalse(h.disk().warning());
    assertEquals(List.of(), h.warnings());
    assertEquals(List.of(), h.problems());
    assertEquals(List.of(), h.gpus(), "no nvidia-smi on the PATH: no GPUs and no problem");
  }

  @Test
  void oldKernelMeminfoAndBrokenLoadavgAndUptime() {
    DiskSpace disk = dir -> new DiskSpace.Figures(100, 15, 15);
    HealthSnapshot h =
        new HealthCollector(sources(fixture("proc-old-kernel"), disk, Set.of(), new FakeSmi(false, "", null)))
            .collect(STATE, List.of(), 85.0);
    assertEquals(85.0, h.disk().usedPercent());
    assertTrue(h.disk().warning(), "the threshold itself warns");
    assertEquals(List.of("disk 85% used (warn at 85%)"), h.warnings());
    assertEquals(2_097_152_000L, h.memory().totalBytes());
    assertEquals(1_036_288_000L, h.memory().availableBytes(), "MemFree + Buffers + Cached without MemAvailable");
    assertEquals(50.6, h.memory().usedPercent());
    assertNull(h.load().fiveMinutes(), "an unreadable loadavg falls back to the JVM's one-minute figure only");
    assertNull(h.load().fifteenMinutes());
    assertNull(h.uptime());
    assertEquals(
        List.of("host uptime unavailable (no " + fixture("proc-old-kernel").resolve("uptime") + ")"), h.problems());
  }

  @Test
  void nothingReadableBecomesNullsAndProblemsNeverAnException() {
    DiskSpace disk =
        dir -> {
          throw new IOException("no such volume");
        };
    FakeSmi smi = new FakeSmi(true, null, new IOException("nvidia-smi exited with status 9"));
    HealthSnapshot h = new HealthCollector(sources(tmp, disk, Set.of(), smi)).collect(STATE, PORTS, 85.0);
    assertNull(h.disk());
    assertNull(h.uptime());
    assertEquals(List.of(), h.gpus());
    assertEquals(
        List.of(
            "disk usage of /srv/openclaw unavailable",
            "host uptime unavailable (no " + tmp.resolve("uptime") + ")",
            "GPU figures unavailable: nvidia-smi exited with status 9"),
        h.problems());
    assertNotNull(h.memory(), "an empty /proc root falls back to the JVM's physical memory figures");
    assertEquals("jvm", h.memory().source());
    assertEquals(
        List.of(
            "gateway port 18789 is not listening on 127.0.0.1", "clawmetry port 8900 is not listening on 127.0.0.1"),
        h.warnings());
  }

  @Test
  void malformedMeminfoFallsBackToTheJvm() throws IOException {
    Files.writeString(tmp.resolve("meminfo"), "MemTotal: lots\nMemAvailable: 12 kB\n");
    HealthSnapshot h =
        new HealthCollector(sources(tmp, d -> new DiskSpace.Figures(0, 0, 0), Set.of(), new FakeSmi(false, "", null)))
            .collect(STATE, List.of(), 85.0);
    assertEquals("jvm", h.memory().source());
    assertEquals(0.0, h.disk().usedPercent(), "an empty volume is 0% used");
    assertFalse(h.disk().warning());
  }

  @Test
  void percentRounding() {
    assertEquals(33.3, HealthCollector.share(1, 3));
    assertEquals(66.7, HealthCollector.share(2, 3));
    assertEquals(0.1, HealthCollector.share(5, 10_000), "half up at the second decimal");
    assertEquals("85%", HealthCollector.percent(85.0));
    assertEquals("91.2%", HealthCollector.percent(91.24));
  }
}
