package io.clawmetry.core.health;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Where {@link HealthCollector} reads from. The JVM's own figures (heap, threads, uptime, processors) always come
 * from this JVM.
 *
 * @param clock gives the snapshot's time
 * @param procRoot the directory holding {@code meminfo}, {@code loadavg} and {@code uptime} ({@code /proc})
 * @param disk reads volume sizes
 * @param ports checks loopback ports
 * @param commands runs {@code nvidia-smi}
 * @param commandTimeout how long {@code nvidia-smi} may take
 */
public record HealthSources(
    Clock clock, Path procRoot, DiskSpace disk, PortProbe ports, CommandRunner commands, Duration commandTimeout) {

  /** How long a port check waits for a connection. */
  public static final Duration PORT_TIMEOUT = Duration.ofMillis(300);

  /** How long {@code nvidia-smi} may run. */
  public static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(3);

  public HealthSources {
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(procRoot, "procRoot");
    Objects.requireNonNull(disk, "disk");
    Objects.requireNonNull(ports, "ports");
    Objects.requireNonNull(commands, "commands");
    Objects.requireNonNull(commandTimeout, "commandTimeout");
  }

  /** The real machine: {@code /proc}, the file stores, loopback connections, processes on the PATH. */
  public static HealthSources system(Clock clock) {
    return new HealthSources(
        clock,
        Path.of("/proc"),
        DiskSpace.fileStore(),
        PortProbe.loopback(PORT_TIMEOUT),
        CommandRunner.system(),
        COMMAND_TIMEOUT);
  }
}
