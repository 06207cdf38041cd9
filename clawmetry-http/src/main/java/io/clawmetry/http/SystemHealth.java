package io.clawmetry.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clawmetry.api.Home;
import io.clawmetry.core.view.JsonViews;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The host's health as {@code /api/system-health} shows it: disk usage of the volume holding the OpenClaw home (warn
 * at {@link #DISK_WARN_PERCENT} by default), memory ({@code /proc/meminfo}, else the JVM's view of physical memory),
 * load average, host uptime ({@code /proc/uptime}), JVM heap and uptime, whether the gateway port and our own port
 * accept connections on loopback, and GPUs via {@code nvidia-smi} when it is on the PATH.
 *
 * <p>This belongs in core as {@code ClawMetry.health()} (so that {@code clawmetry health --json} gives the same data);
 * it lives here until then.
 */
final class SystemHealth {

  /** Disk usage at or above this percentage is a warning. */
  static final double DISK_WARN_PERCENT = 85.0;

  private final Clock clock;
  private final double diskWarnPercent;

  SystemHealth(Clock clock, double diskWarnPercent) {
    this.clock = clock;
    this.diskWarnPercent = diskWarnPercent;
  }

  /** Collects everything; each part that cannot be read is {@code null} with a note in {@code problems}. */
  ObjectNode collect(Home home, int ownPort) {
    ObjectNode o = JsonViews.object();
    o.put("asOf", clock.instant().toString());
    ArrayNode problems = JsonViews.array();
    o.set("disk", disk(Path.of(home.stateDir().value()), problems));
    o.set("memory", memory(problems));
    o.set("load", load());
    o.set("uptime", uptime());
    o.set("jvm", jvm());
    ArrayNode ports = o.putArray("ports");
    Integer gw = parsePort(home.gateway().port() == null ? null : home.gateway().port().value());
    if (gw != null) {
      ports.add(port("gateway", gw));
    }
    ports.add(port("clawmetry", ownPort));
    o.set("gpus", gpus());
    o.set("problems", problems);
    return o;
  }

  private ObjectNode disk(Path dir, ArrayNode problems) {
    ObjectNode d = JsonViews.object();
    d.put("path", dir.toString());
    try {
      FileStore fs = Files.getFileStore(dir);
      long total = fs.getTotalSpace();
      long usable = fs.getUsableSpace();
      long used = total - fs.getUnallocatedSpace();
      double pct = total == 0 ? 0 : Math.round(1000.0 * used / total) / 10.0;
      d.put("totalBytes", total);
      d.put("usedBytes", used);
      d.put("availableBytes", usable);
      d.put("usedPercent", pct);
      d.put("warnPercent", diskWarnPercent);
      d.put("warning", pct >= diskWarnPercent);
    } catch (IOException | RuntimeException e) {
      problems.add("disk usage of " + dir + " unavailable");
      return null;
    }
    return d;
  }

  private static ObjectNode memory(ArrayNode problems) {
    ObjectNode m = JsonViews.object();
    Path meminfo = Path.of("/proc/meminfo");
    try {
      if (Files.isReadable(meminfo)) {
        long total = -1;
        long avail = -1;
        for (String line : Files.readAllLines(meminfo, StandardCharsets.US_ASCII)) {
          if (line.startsWith("MemTotal:")) {
            total = kib(line);
          } else if (line.startsWith("MemAvailable:")) {
            avail = kib(line);
          }
        }
        if (total > 0 && avail >= 0) {
          return memoryNode(m, total, avail, "/proc/meminfo");
        }
      }
      java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
      if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
        return memoryNode(m, sun.getTotalMemorySize(), sun.getFreeMemorySize(), "jvm");
      }
    } catch (IOException | RuntimeException e) {
      // fall through
    }
    problems.add("memory figures unavailable");
    return null;
  }

  private static ObjectNode memoryNode(ObjectNode m, long total, long avail, String source) {
    m.put("totalBytes", total);
    m.put("availableBytes", avail);
    m.put("usedPercent", Math.round(1000.0 * (total - avail) / total) / 10.0);
    m.put("source", source);
    return m;
  }

  private static long kib(String line) {
    String[] p = line.trim().split("\\s+");
    return Long.parseLong(p[1]) * 1024;
  }

  private static ObjectNode load() {
    ObjectNode l = JsonViews.object();
    java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    double avg = os.getSystemLoadAverage();
    l.put("oneMinute", avg < 0 ? null : Math.round(avg * 100) / 100.0);
    l.put("processors", os.getAvailableProcessors());
    return l;
  }

  private static ObjectNode uptime() {
    ObjectNode u = JsonViews.object();
    Long host = null;
    try {
      Path p = Path.of("/proc/uptime");
      if (Files.isReadable(p)) {
        host = (long) (Double.parseDouble(Files.readString(p).trim().split("\\s+")[0]) * 1000);
      }
    } catch (IOException | RuntimeException e) {
      host = null;
    }
    u.put("hostMs", host);
    u.put("jvmMs", ManagementFactory.getRuntimeMXBean().getUptime());
    return u;
  }

  private static ObjectNode jvm() {
    ObjectNode j = JsonViews.object();
    MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    j.put("heapUsedBytes", heap.getUsed());
    j.put("heapCommittedBytes", heap.getCommitted());
    j.put("heapMaxBytes", heap.getMax() < 0 ? null : heap.getMax());
    j.put("version", Runtime.version().toString());
    j.put("threads", ManagementFactory.getThreadMXBean().getThreadCount());
    return j;
  }

  private static ObjectNode port(String name, int port) {
    ObjectNode p = JsonViews.object();
    p.put("name", name);
    p.put("port", port);
    boolean open;
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 300);
      open = true;
    } catch (IOException e) {
      open = false;
    }
    p.put("open", open);
    return p;
  }

  private static Integer parsePort(String s) {
    try {
      int p = Integer.parseInt(s);
      return p > 0 && p < 65536 ? p : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** GPUs from {@code nvidia-smi}, or an empty array when it is not installed or fails. */
  private static ArrayNode gpus() {
    ArrayNode a = JsonViews.array();
    Path smi = onPath("nvidia-smi");
    if (smi == null) {
      return a;
    }
    try {
      Process p =
          new ProcessBuilder(
                  smi.toString(),
                  "--query-gpu=name,utilization.gpu,memory.used,memory.total,temperature.gpu",
                  "--format=csv,noheader,nounits")
              .redirectErrorStream(true)
              .start();
      p.getOutputStream().close();
      if (!p.waitFor(3, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return a;
      }
      String out = new String(p.getInputStream().readNBytes(64 * 1024), StandardCharsets.UTF_8);
      if (p.exitValue() != 0) {
        return a;
      }
      for (String line : out.split("\\R")) {
        List<String> f = List.of(line.split("\\s*,\\s*"));
        if (f.size() < 5) {
          continue;
        }
        ObjectNode g = a.addObject();
        g.put("name", f.get(0).trim());
        g.put("utilizationPercent", number(f.get(1)));
        g.put("memoryUsedMiB", number(f.get(2)));
        g.put("memoryTotalMiB", number(f.get(3)));
        g.put("temperatureC", number(f.get(4)));
      }
    } catch (IOException e) {
      return a;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return a;
  }

  private static Double number(String s) {
    try {
      return Double.parseDouble(s.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Path onPath(String exe) {
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path p = Path.of(dir, exe);
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    return null;
  }
}
