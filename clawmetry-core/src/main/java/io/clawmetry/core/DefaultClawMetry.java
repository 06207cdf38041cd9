package io.clawmetry.core;

import io.clawmetry.api.ClawMetry;
import io.clawmetry.core.discovery.Environment;
import java.nio.file.Path;
import java.time.Clock;

/** The facade implementation (being wired). */
final class DefaultClawMetry {
  private DefaultClawMetry() {}

  static ClawMetry open(Environment env, Path stateDir, Clock clock) {
    throw new UnsupportedOperationException("not wired yet");
  }
}
