package io.clawmetry.core.health;

import io.clawmetry.api.DiskUsage;
import io.clawmetry.api.GpuInfo;
import io.clawmetry.api.HealthSnapshot;
import io.clawmetry.api.HostMemory;
import io.clawmetry.api.JvmStatus;
import io.clawmetry.api.LoadAverage;
import io.clawmetry.api.NamedPort;
import io.clawmetry.api.PortCheck;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.lang.management.OperatingSystemMXBean;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Takes a {@link HealthSnapshot}: disk usage of the OpenClaw home's volume, memory ({@code meminfo}, else the JVM's
 * view of physical memory), load ({@code loadavg}, else the JVM's one-minute figure), host uptime ({@code uptime}),
 * this JVM's heap, threads and uptime, loopback port checks, and GPUs via {@code nvidia-smi} when it is on the PATH.
 * Nothing here throws for an unreadable figure: the part is null and the snapshot's problems say why.
 */
public final class HealthCollector {

  private final HealthSources sources;
  private final ProcFiles proc;

  /** A collector reading from {@code sources}. */
  public HealthCollector(HealthSources sources) {
    this.sources = sources;
    this.proc = new ProcFiles(sources.procRoot());
  }

  /**
   * Collects everything.
   *
   * @param stateDir the OpenClaw state directory (its volume is the one measured)
   * @param ports the loopback ports to check, in order
   * @param diskWarnPercent disk usage at or above this percentage is a warning
   */
  public HealthSnapshot collect(Path stateDir, List<NamedPort> ports, double diskWarnPercent) {
    List<String> warnings = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    DiskUsage disk = disk(stateDir, diskWarnPercent, problems);
    if (disk != null && disk.warning()) {
      warnings.add("disk " + percent(disk.usedPercent()) + " used (warn at " + percent(diskWarnPercent) + ")");
    }
    HostMemory memory = memory(problems);
    LoadAverage load = load();
    Duration uptime = proc.uptime();
    if (uptime == null) {
      problems.add("host uptime unavailable (no " + sources.procRoot().resolve("uptime") + ")");
    }
    List<PortCheck> checks = new ArrayList<>();
    for (NamedPort p : ports) {
      PortCheck c = new PortCheck(p.name(), p.port(), sources.ports().open(p.port()));
      checks.add(c);
      if (!c.open()) {
        warnings.add(p.name() + " port " + p.port() + " is not listening on 127.0.0.1");
      }
    }
    List<GpuInfo> gpus = NvidiaSmi.query(sources.commands(), sources.commandTimeout(), problems);
    return new HealthSnapshot(
        sources.clock().instant(), disk, memory, load, uptime, jvm(), checks, gpus, warnings, problems);
  }

  private DiskUsage disk(Path dir, double warnPercent, List<String> problems) {
    try {
      DiskSpace.Figures f = sources.disk().read(dir);
      long used = Math.max(0, f.total() - f.unallocated());
      // as df computes Use%: reserved blocks count neither as used nor as available
      double pct = share(used, used + Math.max(0, f.usable()));
      return new DiskUsage(dir.toString(), f.total(), used, f.usable(), pct, warnPercent, pct >= warnPercent);
    } catch (IOException | RuntimeException e) {
      problems.add("disk usage of " + dir + " unavailable");
      return null;
    }
  }

  private HostMemory memory(List<String> problems) {
    long[] m = proc.memory();
    if (m != null) {
      return new HostMemory(m[0], m[1], share(m[0] - m[1], m[0]), "/proc/meminfo");
    }
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sun && sun.getTotalMemorySize() > 0) {
      long total = sun.getTotalMemorySize();
      long free = Math.min(total, Math.max(0, sun.getFreeMemorySize()));
      return new HostMemory(total, free, share(total - free, total), "jvm");
    }
    problems.add("memory figures unavailable");
    return null;
  }

  private LoadAverage load() {
    int processors = Runtime.getRuntime().availableProcessors();
    double[] l = proc.loadAverage();
    if (l != null) {
      return new LoadAverage(l[0], l[1], l[2], processors);
    }
    double one = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    return new LoadAverage(one < 0 ? null : Math.round(one * 100) / 100.0, null, null, processors);
  }

  private static JvmStatus jvm() {
    MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    return new JvmStatus(
        heap.getUsed(),
        heap.getCommitted(),
        heap.getMax() < 0 ? null : heap.getMax(),
        Runtime.version().toString(),
        ManagementFactory.getThreadMXBean().getThreadCount(),
        Duration.ofMillis(ManagementFactory.getRuntimeMXBean().getUptime()));
  }

  /** {@code part / whole} in percent, rounded half-up to one decimal; 0 when {@code whole} is 0. */
  static double share(long part, long whole) {
    if (whole <= 0) {
      return 0;
    }
    return BigDecimal.valueOf(part)
        .multiply(BigDecimal.valueOf(100))
        .divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP)
        .doubleValue();
  }

  /** {@code 91.2%}, {@code 85%}: one decimal, without a trailing {@code .0}. */
  static String percent(double p) {
    String s = String.format(Locale.ROOT, "%.1f", p);
    return (s.endsWith(".0") ? s.substring(0, s.length() - 2) : s) + "%";
  }
}
