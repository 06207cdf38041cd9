package io.clawmetry.cli;

import io.clawmetry.core.discovery.Environment;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Map;

/**
 * Not a command: the training run behind {@code bin/clawmetry}'s class-data-sharing archive. Runs the common
 * file-based commands in one JVM (started with {@code -XX:DumpLoadedClassList}) so the classes they load can be
 * archived. Every output is discarded; the environment is empty and the user home is {@code scratchDir}, so nothing
 * outside the given home is read and nothing is written (no command here talks to the gateway).
 *
 * <p>Arguments: {@code HOME SCRATCH_DIR}, where HOME is an OpenClaw home to read (the launcher passes the example home).
 */
public final class CdsTraining {

  private CdsTraining() {}

  /** Runs the training commands; always exits 0 (a failing command only trains less). */
  public static void main(String[] args) {
    if (args.length != 2) {
      System.err.println("usage: CdsTraining HOME SCRATCH_DIR");
      System.exit(2);
    }
    String home = args[0];
    Environment env = Environment.of(Map.of(), Path.of(args[1]));
    PrintWriter none = new PrintWriter(Writer.nullWriter());
    String[][] runs = {
      {"--version"},
      {"--help"},
      {"usage", "--home", home},
      {"usage", "daily", "--json", "--home", home},
      {"usage", "model", "--csv", "--home", home},
      {"sessions", "--home", home},
      {"sessions", "--json", "--home", home},
      {"subagents", "--home", home},
      {"overview", "--home", home},
      {"transcript", "agent:main:main", "--home", home},
    };
    for (String[] run : runs) {
      try {
        Main.run(run, none, none, env);
      } catch (RuntimeException e) {
        // training only: carry on with the next command
      }
    }
  }
}
