package io.clawmetry.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The host's health at one moment, as {@link ClawMetry#health()} reads it. A part that cannot be read is null (or
 * empty) and says why in {@code problems}; a figure that crossed a threshold says so in {@code warnings}.
 *
 * @param at when the figures were taken
 * @param disk the volume holding the OpenClaw home, or null when unavailable
 * @param memory the host's physical memory, or null when unavailable
 * @param load the load average, or null when unavailable
 * @param uptime how long the host has been up, or null when unavailable
 * @param jvm this JVM's heap, threads and uptime
 * @param ports the loopback port checks: the gateway port first, then the query's extra ports
 * @param gpus GPUs reported by {@code nvidia-smi}; empty when it is not installed or fails
 * @param warnings thresholds crossed, for people ("disk 91.0% used (warn at 85%)", "gateway port 18789 closed")
 * @param problems what could not be read ("memory figures unavailable", ...)
 */
public record HealthSnapshot(
    Instant at,
    DiskUsage disk,
    HostMemory memory,
    LoadAverage load,
    Duration uptime,
    JvmStatus jvm,
    List<PortCheck> ports,
    List<GpuInfo> gpus,
    List<String> warnings,
    List<String> problems) {
  public HealthSnapshot {
    ports = List.copyOf(ports);
    gpus = List.copyOf(gpus);
    warnings = List.copyOf(warnings);
    problems = List.copyOf(problems);
  }
}
