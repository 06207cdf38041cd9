package io.clawmetry.cli;

import io.clawmetry.api.ClawMetry;
import io.clawmetry.api.GpuInfo;
import io.clawmetry.api.HealthQuery;
import io.clawmetry.api.HealthSnapshot;
import io.clawmetry.api.PortCheck;
import io.clawmetry.core.view.JsonViews;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code clawmetry health}: disk usage of the OpenClaw home's volume, memory, load, uptime, JVM heap, the gateway
 * port (and any {@code --port}) on loopback, GPUs via {@code nvidia-smi}. The same data as {@code
 * /api/system-health}. Exits 0 even when a threshold is crossed: the warnings are in the output.
 */
@Command(
    name = "health",
    description = "Host health: disk of the OpenClaw home's volume, memory, load, uptime, JVM, ports, GPUs.")
final class HealthCommand implements Callable<Integer> {

  @ParentCommand RootCommand root;
  @Mixin HomeOption home;

  @Option(names = "--json", description = "Print JSON (the same keys as /api/system-health).")
  boolean json;

  @Option(
      names = "--disk-warn",
      paramLabel = "PERCENT",
      description = "Warn when the disk is at least this full (default: 85).")
  double diskWarn = HealthQuery.DEFAULT_DISK_WARN_PERCENT;

  @Option(
      names = "--port",
      paramLabel = "NAME=PORT",
      description = "Also check this loopback port (repeatable), e.g. --port clawmetry=8900.")
  Map<String, Integer> ports;

  @Override
  public Integer call() {
    HealthQuery q;
    try {
      q = HealthQuery.defaults().withDiskWarnPercent(diskWarn);
      if (ports != null) {
        for (Map.Entry<String, Integer> e : ports.entrySet()) {
          q = q.withPort(e.getKey(), e.getValue());
        }
      }
    } catch (IllegalArgumentException e) {
      throw new CliFailure(Main.USAGE, e.getMessage());
    }
    try (ClawMetry cm = root.ctx.open(home.home)) {
      HealthSnapshot h = cm.health(q);
      PrintWriter out = root.ctx.out;
      if (json) {
        out.println(JsonViews.write(JsonViews.health(h), true));
      } else {
        text(out, h);
      }
      return Main.OK;
    }
  }

  private static void text(PrintWriter out, HealthSnapshot h) {
    out.println("Health at " + h.at());
    if (h.disk() != null) {
      out.println("  Disk       " + pct(h.disk().usedPercent()) + " used  (" + bytes(h.disk().availableBytes())
          + " free of " + bytes(h.disk().totalBytes()) + ")  " + TextTable.sanitize(h.disk().path()));
    }
    if (h.memory() != null) {
      out.println("  Memory     " + pct(h.memory().usedPercent()) + " used  (" + bytes(h.memory().availableBytes())
          + " available of " + bytes(h.memory().totalBytes()) + ", " + h.memory().source() + ")");
    }
    if (h.load() != null) {
      out.println("  Load       " + load(h.load().oneMinute()) + " " + load(h.load().fiveMinutes()) + " "
          + load(h.load().fifteenMinutes()) + "  (" + h.load().processors() + " processors)");
    }
    out.println("  Uptime     " + (h.uptime() == null ? "-" : duration(h.uptime()))
        + (h.jvm() == null ? "" : "  (ClawMetry " + duration(h.jvm().uptime()) + ")"));
    if (h.jvm() != null) {
      out.println("  JVM heap   " + bytes(h.jvm().heapUsedBytes()) + " used, " + bytes(h.jvm().heapCommittedBytes())
          + " committed, max " + (h.jvm().heapMaxBytes() == null ? "-" : bytes(h.jvm().heapMaxBytes()))
          + "  (Java " + h.jvm().version() + ", " + h.jvm().threads() + " threads)");
    }
    out.println();
    TextTable ports = new TextTable("PORT CHECK", ">PORT", "LISTENING");
    for (PortCheck p : h.ports()) {
      ports.row(p.name(), p.port(), p.open() ? "yes" : "no");
    }
    if (ports.isEmpty()) {
      out.println("No ports to check.");
    } else {
      ports.print(out);
    }
    out.println();
    if (h.gpus().isEmpty()) {
      out.println("No GPUs (nvidia-smi not found or reported none).");
    } else {
      TextTable gpus = new TextTable(">GPU", "NAME", ">UTIL", ">MEMORY MIB", ">TEMP C");
      for (GpuInfo g : h.gpus()) {
        gpus.row(g.index(), g.name(), g.utilizationPercent() == null ? null : g.utilizationPercent() + "%",
            (g.memoryUsedMiB() == null ? "-" : g.memoryUsedMiB()) + " / "
                + (g.memoryTotalMiB() == null ? "-" : g.memoryTotalMiB()),
            g.temperatureC());
      }
      gpus.print(out);
    }
    list(out, "Warnings", h.warnings());
    list(out, "Problems", h.problems());
  }

  private static void list(PrintWriter out, String title, List<String> items) {
    if (items.isEmpty()) {
      return;
    }
    out.println();
    out.println(title + " (" + items.size() + ")");
    items.forEach(s -> out.println("  - " + TextTable.sanitize(s)));
  }

  private static String load(Double d) {
    return d == null ? "-" : String.format(Locale.ROOT, "%.2f", d);
  }

  private static String pct(double p) {
    String s = String.format(Locale.ROOT, "%.1f", p);
    return (s.endsWith(".0") ? s.substring(0, s.length() - 2) : s) + "%";
  }

  /** {@code 512 B}, {@code 1.5 KiB}, {@code 9.4 GiB}. */
  static String bytes(long b) {
    if (b < 1024) {
      return b + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    double v = b;
    int u = -1;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
  }

  /** {@code 4d 1h 25m}, {@code 3h 2m}, {@code 12s}. */
  static String duration(Duration d) {
    long s = d.getSeconds();
    long days = s / 86_400;
    long hours = s % 86_400 / 3600;
    long minutes = s % 3600 / 60;
    if (days > 0) {
      return days + "d " + hours + "h " + minutes + "m";
    }
    if (hours > 0) {
      return hours + "h " + minutes + "m";
    }
    return minutes > 0 ? minutes + "m " + s % 60 + "s" : s % 60 + "s";
  }
}
