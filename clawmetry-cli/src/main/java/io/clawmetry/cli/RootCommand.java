package io.clawmetry.cli;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code clawmetry}: the top-level command; prints usage when called without a subcommand. */
@Command(
    name = "clawmetry",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "A read-only observer of an OpenClaw installation: sessions, transcripts, usage, cost, crons.",
    subcommands = {
      DoctorCommand.class, SessionsCommand.class, TranscriptCommand.class, UsageCommand.class,
      SubagentsCommand.class, OverviewCommand.class, GatewayCommand.class, CronsCommand.class, LogsCommand.class,
      ServeCommand.class, HealthCommand.class
    })
final class RootCommand implements Runnable {

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
