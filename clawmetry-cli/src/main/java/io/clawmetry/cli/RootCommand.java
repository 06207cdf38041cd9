package io.clawmetry.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code clawmetry}: the top-level command; prints usage when called without a subcommand. Its subcommands are added
 * by {@link Main} ({@link #subcommandsFor}), not by the annotation: picocli reads every command class by reflection
 * when it is registered, ~0.13 s for the whole tree at start-up, so a run that names its command gets only that one.
 */
@Command(
    name = "clawmetry",
    mixinStandardHelpOptions = true,
    scope = ScopeType.INHERIT, // -h/--help (and -V) on every command, as the usage errors promise
    subcommands = HelpCommand.class,
    versionProvider = VersionProvider.class,
    description = "A read-only observer of an OpenClaw installation: sessions, transcripts, usage, cost, crons.")
final class RootCommand implements Runnable {

  /** Every subcommand by name, in the order the usage help lists them. */
  static final Map<String, Class<?>> SUBCOMMANDS = new LinkedHashMap<>();

  static {
    SUBCOMMANDS.put("doctor", DoctorCommand.class);
    SUBCOMMANDS.put("sessions", SessionsCommand.class);
    SUBCOMMANDS.put("transcript", TranscriptCommand.class);
    SUBCOMMANDS.put("usage", UsageCommand.class);
    SUBCOMMANDS.put("subagents", SubagentsCommand.class);
    SUBCOMMANDS.put("overview", OverviewCommand.class);
    SUBCOMMANDS.put("gateway", GatewayCommand.class);
    SUBCOMMANDS.put("crons", CronsCommand.class);
    SUBCOMMANDS.put("logs", LogsCommand.class);
    SUBCOMMANDS.put("serve", ServeCommand.class);
    SUBCOMMANDS.put("health", HealthCommand.class);
  }

  /**
   * The subcommands a command line needs: only the named one when the arguments start with it (after any
   * {@code --home DIR}), none for a lone {@code --version}, else all of them (usage help, errors, suggestions).
   */
  static List<Class<?>> subcommandsFor(String[] args) {
    int i = 0;
    while (i < args.length && (args[i].equals("--home") || args[i].startsWith("--home="))) {
      i += args[i].equals("--home") ? 2 : 1;
    }
    if (i < args.length && SUBCOMMANDS.containsKey(args[i])) {
      return List.of(SUBCOMMANDS.get(args[i]));
    }
    if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
      return List.of();
    }
    return List.copyOf(SUBCOMMANDS.values());
  }

  final CliContext ctx;

  @Spec CommandSpec spec;

  RootCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  /** {@code clawmetry --home DIR <command>}: the same as giving {@code --home} to the command. */
  @Option(
      names = "--home",
      paramLabel = "DIR",
      description = "OpenClaw state directory for every command (default: discovered).")
  void home(Path dir) {
    ctx.defaultHome = dir;
  }

  @Override
  public void run() {
    spec.commandLine().usage(ctx.out);
  }
}
