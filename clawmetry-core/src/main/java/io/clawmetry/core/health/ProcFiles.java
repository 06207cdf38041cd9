package io.clawmetry.core.health;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the Linux {@code /proc} files health needs, under a root directory that tests replace with fixtures. Each
 * reader returns null when its file is missing or malformed (never throws).
 */
final class ProcFiles {

  /** Files larger than this are not read (the real ones are a few KiB). */
  private static final int MAX_BYTES = 256 * 1024;

  private final Path root;

  ProcFiles(Path root) {
    this.root = root;
  }

  /** {@code meminfo}: total and available bytes, or null. */
  long[] memory() {
    List<String> lines = lines("meminfo");
    if (lines == null) {
      return null;
    }
    Map<String, Long> kib = new HashMap<>();
    for (String line : lines) {
      int colon = line.indexOf(':');
      if (colon <= 0) {
        continue;
      }
      String[] f = line.substring(colon + 1).trim().split("\\s+");
      try {
        kib.put(line.substring(0, colon).trim(), Long.parseLong(f[0]));
      } catch (NumberFormatException e) {
        // a line we do not need, or a broken one; MemTotal is checked below
      }
    }
    Long total = kib.get("MemTotal");
    Long available = kib.get("MemAvailable");
    if (available == null && kib.containsKey("MemFree")) {
      // kernels before 3.14 have no MemAvailable: free + buffers + page cache is the usual estimate
      available = kib.get("MemFree") + kib.getOrDefault("Buffers", 0L) + kib.getOrDefault("Cached", 0L);
    }
    if (total == null || total <= 0 || available == null || available < 0) {
      return null;
    }
    return new long[] {total * 1024, Math.min(available, total) * 1024};
  }

  /** {@code loadavg}: the 1, 5 and 15 minute averages, or null. */
  double[] loadAverage() {
    String[] f = firstLineFields("loadavg");
    if (f == null || f.length < 3) {
      return null;
    }
    try {
      return new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2])};
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** {@code uptime}: how long the host has been up, to the millisecond, or null. */
  Duration uptime() {
    String[] f = firstLineFields("uptime");
    if (f == null || f.length < 1) {
      return null;
    }
    try {
      BigDecimal seconds = new BigDecimal(f[0]);
      if (seconds.signum() < 0) {
        return null;
      }
      return Duration.ofMillis(seconds.movePointRight(3).longValue());
    } catch (NumberFormatException | ArithmeticException e) {
      return null;
    }
  }

  private String[] firstLineFields(String name) {
    List<String> lines = lines(name);
    if (lines == null || lines.isEmpty()) {
      return null;
    }
    String first = lines.get(0).trim();
    return first.isEmpty() ? null : first.split("\\s+");
  }

  /** The file's lines (at most {@link #MAX_BYTES} bytes read: {@code /proc} files report size 0), or null. */
  private List<String> lines(String name) {
    Path p = root.resolve(name);
    if (!Files.isReadable(p) || Files.isDirectory(p)) {
      return null;
    }
    try (InputStream in = Files.newInputStream(p)) {
      return new String(in.readNBytes(MAX_BYTES), StandardCharsets.US_ASCII).lines().toList();
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
