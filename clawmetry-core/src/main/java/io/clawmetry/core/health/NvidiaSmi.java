package io.clawmetry.core.health;

import io.clawmetry.api.GpuInfo;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * GPUs from {@code nvidia-smi --query-gpu=... --format=csv,noheader,nounits}. The name is queried last so that a
 * name with a comma in it stays whole; a figure the driver prints as {@code [N/A]} (or anything not a number)
 * becomes null.
 */
final class NvidiaSmi {

  static final String PROGRAM = "nvidia-smi";

  /** The arguments after the program name. */
  static final List<String> ARGS =
      List.of(
          "--query-gpu=index,utilization.gpu,memory.used,memory.total,temperature.gpu,name",
          "--format=csv,noheader,nounits");

  private NvidiaSmi() {}

  /** The GPUs, or an empty list when {@code nvidia-smi} is not on the PATH; failures go to {@code problems}. */
  static List<GpuInfo> query(CommandRunner runner, Duration timeout, List<String> problems) {
    if (!runner.available(PROGRAM)) {
      return List.of();
    }
    List<String> argv = new ArrayList<>();
    argv.add(PROGRAM);
    argv.addAll(ARGS);
    String out;
    try {
      out = runner.run(argv, timeout);
    } catch (IOException e) {
      problems.add("GPU figures unavailable: " + e.getMessage());
      return List.of();
    }
    return parse(out, problems);
  }

  /** Parses the CSV output; a line that is not a GPU is reported in {@code problems} by its number. */
  static List<GpuInfo> parse(String out, List<String> problems) {
    List<GpuInfo> gpus = new ArrayList<>();
    int lineNo = 0;
    for (String line : out.split("\\R")) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split(",", 6);
      Integer index = f.length == 6 ? integer(f[0]) : null;
      if (index == null || f[5].isBlank()) {
        problems.add("nvidia-smi output line " + lineNo + " is not a GPU");
        continue;
      }
      gpus.add(new GpuInfo(index, f[5].trim(), integer(f[1]), whole(f[2]), whole(f[3]), integer(f[4])));
    }
    return gpus;
  }

  private static Long whole(String s) {
    try {
      return Long.parseLong(s.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Integer integer(String s) {
    Long v = whole(s);
    return v == null || v != v.intValue() ? null : v.intValue();
  }
}
