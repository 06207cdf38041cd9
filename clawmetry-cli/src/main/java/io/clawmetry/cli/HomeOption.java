package io.clawmetry.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --home DIR} option shared by every command that reads an OpenClaw home. */
final class HomeOption {
  @Option(
      names = "--home",
      paramLabel = "DIR",
      description = "OpenClaw state directory (default: discovered like OpenClaw does, e.g. ~/.openclaw).")
  Path home;
}
