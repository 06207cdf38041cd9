package io.clawmetry.core.health;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/** Runs an external program (only {@code nvidia-smi} today) with a bounded time. Tests pass a fake. */
public interface CommandRunner {

  /** Whether {@code program} can be run (an executable of that name is on the PATH). */
  boolean available(String program);

  /**
   * Runs {@code argv} and returns its standard output.
   *
   * @throws IOException when it cannot start, exits with a non-zero status, or outlives {@code timeout} (it is then
   *     killed)
   */
  String run(List<String> argv, Duration timeout) throws IOException;

  /** Runs real processes, finding programs on the {@code PATH} of this process. */
  static CommandRunner system() {
    return new SystemCommandRunner(System.getenv("PATH"));
  }
}
