package io.clawmetry.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What {@link ClawMetry#health(HealthQuery)} checks beyond the defaults.
 *
 * <p>The facade always checks the gateway port of {@link Home#gateway()}; it cannot know other ports (for example
 * the dashboard's own), so a caller that wants them checked names them here.
 *
 * @param diskWarnPercent disk usage (of the OpenClaw home's volume) at or above this percentage is a warning
 * @param extraPorts more loopback ports to check, in order, after the gateway port
 */
public record HealthQuery(double diskWarnPercent, List<NamedPort> extraPorts) {

  /** Disk usage at or above this percentage is a warning unless the query says otherwise. */
  public static final double DEFAULT_DISK_WARN_PERCENT = 85.0;

  public HealthQuery {
    if (!(diskWarnPercent > 0 && diskWarnPercent <= 100)) {
      throw new IllegalArgumentException("diskWarnPercent must be in (0, 100]: " + diskWarnPercent);
    }
    extraPorts = List.copyOf(Objects.requireNonNull(extraPorts, "extraPorts"));
  }

  /** Warn at {@value #DEFAULT_DISK_WARN_PERCENT}% disk usage; check the gateway port only. */
  public static HealthQuery defaults() {
    return new HealthQuery(DEFAULT_DISK_WARN_PERCENT, List.of());
  }

  /** The same query with another disk warning threshold (a percentage in (0, 100]). */
  public HealthQuery withDiskWarnPercent(double percent) {
    return new HealthQuery(percent, extraPorts);
  }

  /** The same query also checking {@code port} on loopback under {@code name}. */
  public HealthQuery withPort(String name, int port) {
    List<NamedPort> more = new ArrayList<>(extraPorts);
    more.add(new NamedPort(name, port));
    return new HealthQuery(diskWarnPercent, more);
  }
}
