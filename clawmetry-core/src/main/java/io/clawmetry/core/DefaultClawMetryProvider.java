package io.clawmetry.core;

import io.clawmetry.api.ClawMetry;
import io.clawmetry.api.ClawMetryProvider;
import java.nio.file.Path;

/** Registered with {@link java.util.ServiceLoader} so that {@link ClawMetry#discover()} finds this implementation. */
public final class DefaultClawMetryProvider implements ClawMetryProvider {

  /** For ServiceLoader. */
  public DefaultClawMetryProvider() {}

  @Override
  public ClawMetry discover() {
    return ClawMetryBuilder.create().build();
  }

  @Override
  public ClawMetry open(Path stateDir) {
    return ClawMetryBuilder.create().stateDir(stateDir).build();
  }
}
