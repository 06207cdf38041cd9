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
  private Path pricingOverrides;
  private Path pricingFile;
  private boolean watchFiles;
  private Path cacheDir;

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
   * A JSON file of prices that win over every other source: {@code {"provider/model" | "model": {"input", "output",
   * "cacheRead", "cacheWrite"}}} in US dollars per million tokens. Null for none.
   */
  public ClawMetryBuilder pricingOverrides(Path file) {
    this.pricingOverrides = file;
    return this;
  }

  /**
   * A newer copy of LiteLLM's {@code model_prices_and_context_window.json}, consulted before the bundled copy (which
   * still prices what the newer file lacks). Null for none.
   */
  public ClawMetryBuilder pricingFile(Path file) {
    this.pricingFile = file;
    return this;
  }

  /**
   * Whether {@link ClawMetry#refresh()} may rely on directory watching (inotify) instead of stat-ing every transcript:
   * much cheaper for a process that refreshes periodically, such as the dashboard, but modifications are reported
   * asynchronously, so an append may be seen one refresh later. Off by default.
   */
  public ClawMetryBuilder watchFiles(boolean on) {
    this.watchFiles = on;
    return this;
  }

  /**
   * A directory of our own (never inside an OpenClaw home) where the transcript ledgers are kept between processes,
   * so that opening the same home again reads only what was written since: the state is restored on the first
   * refresh and written on {@link ClawMetry#close()} when something was read. A file written by another build of
   * ClawMetry, or damaged, is ignored. Null (the default): no cache.
   */
  public ClawMetryBuilder cacheDir(Path dir) {
    this.cacheDir = dir;
    return this;
  }

  /**
   * Discovers the home and opens it.
   *
   * @throws HomeNotFoundException when the state directory does not exist
   * @throws IllegalArgumentException when a pricing file given cannot be read
   */
  public ClawMetry build() {
    return DefaultClawMetry.open(
        environment, stateDir, clock, new PricingFiles(pricingOverrides, pricingFile), watchFiles, cacheDir);
  }
}
