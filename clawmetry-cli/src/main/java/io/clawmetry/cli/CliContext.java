package io.clawmetry.cli;

import io.clawmetry.api.ClawMetry;
import io.clawmetry.core.ClawMetryBuilder;
import io.clawmetry.core.HomeNotFoundException;
import io.clawmetry.core.discovery.Environment;
import java.io.PrintWriter;
import java.nio.file.Path;

/** What every command needs: the output streams, the environment and a way to open the facade. */
final class CliContext {
  final PrintWriter out;
  final PrintWriter err;
  final Environment env;
  /** {@code --home} given before the command name, or null. */
  Path defaultHome;

  /** Whether stderr is a terminal (progress lines are shown only then). */
  final boolean terminal;

  CliContext(PrintWriter out, PrintWriter err, Environment env, boolean terminal) {
    this.out = out;
    this.err = err;
    this.env = env;
    this.terminal = terminal;
  }

  /**
   * Runs {@code work} with a progress line on stderr when stderr is a terminal and {@code quiet} is false (never with
   * --json or --csv); the line is erased when the work is done.
   */
  <T> T withProgress(String what, boolean quiet, java.util.function.Supplier<T> work) {
    boolean show = terminal && !quiet;
    if (show) {
      err.print("clawmetry: " + what + "…");
      err.flush();
    }
    try {
      return work.get();
    } finally {
      if (show) {
        err.print("\r\u001b[K");
        err.flush();
      }
    }
  }

  /** Opens the OpenClaw home ({@code home} overrides discovery); exit code 3 when there is none. */
  ClawMetry open(Path home) {
    return open(home, null);
  }

  /** Opens the home with the given price files; exit code 2 when a price file cannot be read. */
  ClawMetry open(Path home, PricingOptions pricing) {
    return open(home, pricing, false);
  }

  /**
   * Where ledgers are kept between runs, so that a run reads only what was written since the last one:
   * {@code CLAWMETRY_CACHE_DIR}, else {@code $XDG_CACHE_HOME/clawmetry}, else {@code ~/.cache/clawmetry}; none with
   * {@code CLAWMETRY_CACHE=0}.
   */
  Path cacheDir() {
    String off = env.get("CLAWMETRY_CACHE");
    if (off != null && (off.equals("0") || off.equalsIgnoreCase("off") || off.equalsIgnoreCase("false"))) {
      return null;
    }
    String dir = env.get("CLAWMETRY_CACHE_DIR");
    if (dir != null && !dir.isBlank()) {
      return Path.of(dir);
    }
    String xdg = env.get("XDG_CACHE_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : env.userHome().resolve(".cache");
    return base.resolve("clawmetry");
  }

  /** Opens the home; {@code watchFiles} for long-running commands that refresh periodically ({@code serve}). */
  ClawMetry open(Path home, PricingOptions pricing, boolean watchFiles) {
    try {
      return ClawMetryBuilder.create()
          .watchFiles(watchFiles)
          .environment(env)
          .stateDir(home != null ? home : defaultHome)
          .pricingOverrides(pricing == null ? null : pricing.overrides)
          .pricingFile(pricing == null ? null : pricing.litellm)
          .cacheDir(cacheDir())
          .build();
    } catch (HomeNotFoundException e) {
      throw new CliFailure(Main.NOTHING_FOUND, e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new CliFailure(Main.USAGE, e.getMessage());
    }
  }
}
