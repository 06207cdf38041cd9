package io.clawmetry.cli;

import io.clawmetry.api.AgentInfo;
import io.clawmetry.api.ClawMetry;
import io.clawmetry.api.Home;
import io.clawmetry.api.Warning;
import io.clawmetry.api.WarningKind;
import io.clawmetry.core.ClawMetryBuilder;
import io.clawmetry.core.HomeNotFoundException;
import io.clawmetry.core.discovery.Environment;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** What every command needs: the output streams, the environment and a way to open the facade. */
final class CliContext {
  final PrintWriter out;
  final PrintWriter err;
  final Environment env;
  /** {@code --home} given before the command name, or null. */
  Path defaultHome;

  /** Whether stderr is a terminal (progress lines are shown only then). */
  final boolean terminal;

  /** The terminal stdout is shown on, if any (tables fit their layout to it). */
  final Terminal stdout;

  /** The clock deciding "today" and "now" (tests fix it). */
  Clock clock = Clock.systemDefaultZone();

  CliContext(PrintWriter out, PrintWriter err, Environment env, boolean terminal, Terminal stdout) {
    this.out = out;
    this.err = err;
    this.env = env;
    this.terminal = terminal;
    this.stdout = stdout;
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

  /**
   * A warning when {@code agent} (an {@code --agent} filter) is not an agent of the home, naming those there are;
   * empty when {@code agent} is null or known. Such a filter is not an error: the report is empty, the exit code 0.
   */
  static Optional<Warning> unknownAgent(ClawMetry cm, String agent) {
    if (agent == null) {
      return Optional.empty();
    }
    Home home = cm.home();
    List<String> ids = home.agents().stream().map(AgentInfo::id).sorted().toList();
    if (ids.contains(agent)) {
      return Optional.empty();
    }
    String message =
        "no agent \"" + agent + "\" in this home; agents: " + (ids.isEmpty() ? "none" : String.join(", ", ids));
    String source = Path.of(home.stateDir().value()).resolve("agents").toString() + java.io.File.separator + agent;
    return Optional.of(new Warning(WarningKind.MISSING, source, 1, "", message));
  }

  /**
   * The layout of a table for stdout ({@code toStdout}) or a file, given the width of its full layout: compact when
   * the width is below 100 columns, and on a terminal also when the full layout does not fit. The width is, on a
   * terminal, {@code COLUMNS} when set, else what the terminal says, else 120; piped or in a file, {@code COLUMNS}
   * when set, else 120 (never asking a terminal, so that the output does not depend on one).
   */
  Layout layout(int fullWidth, boolean toStdout) {
    boolean terminal = toStdout && stdout.isTerminal();
    OptionalInt columns = columnsVariable();
    if (columns.isEmpty() && terminal) {
      columns = stdout.columns();
    }
    int width = columns.orElse(DEFAULT_COLUMNS);
    return new Layout(width < COMPACT_BELOW || terminal && fullWidth > width, width);
  }

  /**
   * How a table is laid out.
   *
   * @param compact whether the compact layout is used
   * @param columns the width it is laid out for
   */
  record Layout(boolean compact, int columns) {}

  /** The width assumed when none is known. */
  static final int DEFAULT_COLUMNS = 120;

  /** Tables are compact on screens narrower than this (the specification's rule). */
  static final int COMPACT_BELOW = 100;

  /** {@code COLUMNS} when it is a positive number. */
  private OptionalInt columnsVariable() {
    String c = env.get("COLUMNS");
    if (c == null) {
      return OptionalInt.empty();
    }
    try {
      int n = Integer.parseInt(c.trim());
      return n > 0 ? OptionalInt.of(n) : OptionalInt.empty();
    } catch (NumberFormatException e) {
      return OptionalInt.empty();
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
          .clock(clock)
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
