package io.clawmetry.api;

import java.nio.file.Path;

/** Service-provider interface: the implementation module registers one via {@link java.util.ServiceLoader}. */
public interface ClawMetryProvider {

  /** See {@link ClawMetry#discover()}. */
  ClawMetry discover();

  /** See {@link ClawMetry#open(Path)}. */
  ClawMetry open(Path stateDir);
}
