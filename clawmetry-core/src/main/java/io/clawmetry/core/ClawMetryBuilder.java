package io.clawmetry.core;

import io.clawmetry.api.ClawMetry;
import io.clawmetry.core.discovery.Environment;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * Builds a {@link ClawMetry} with explicit collaborators: the environment discovery reads (fake it in tests), an
 * explicit state directory (the CLI's {@code --home}) and a clock.
 */
public final class ClawMetryBuilder {

  private Environment environment = Environment.system();
  private Path stateDir;
  private Clock clock = Clock.systemDefaultZone();

  private ClawMetryBuilder() {}

  /** A builder with the real environment and clock, and discovery of the state directory. */
  public static ClawMetryBuilder create() {
    return new ClawMetryBuilder();
  }

  /** The environment variables and user home that discovery reads. */
  public ClawMetryBuilder environment(Environment environment) {
    this.environment = Objects.requireNonNull(environment);
    return this;
  }

  /** An explicit OpenClaw state directory; null means discover it. */
  public ClawMetryBuilder stateDir(Path stateDir) {
    this.stateDir = stateDir == null ? null : stateDir.toAbsolutePath(); // relative to the working directory
    return this;
  }

  /** The clock that decides "today" and "now". */
  public ClawMetryBuilder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock);
    return this;
  }

  /**
   * Discovers the home and opens it.
   *
   * @throws HomeNotFoundException when the state directory does not exist
   */
  public ClawMetry build() {
    return DefaultClawMetry.open(environment, stateDir, clock);
  }
}
