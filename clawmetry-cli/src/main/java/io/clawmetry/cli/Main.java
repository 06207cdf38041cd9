package io.clawmetry.cli;

import io.clawmetry.core.discovery.Environment;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * Entry point of the {@code clawmetry} command. {@link #run} is the in-process form used by tests: given arguments,
 * output streams and environment, it returns the exit code (0 ok, 1 error, 2 usage error, 3 no OpenClaw home found).
 */
public final class Main {

  /** Exit code: success. */
  public static final int OK = 0;
  /** Exit code: an error while running. */
  public static final int ERROR = 1;
  /** Exit code: the command line was wrong. */
  public static final int USAGE = 2;
  /** Exit code: no OpenClaw home was found. */
  public static final int NOTHING_FOUND = 3;

  private Main() {}

  /** Runs the CLI and exits with its exit code. */
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    int code = run(args, out, err, Environment.system(), Terminal.stderrIsTerminal(), Terminal.system());
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Runs the CLI in-process and returns its exit code. Nothing is written to System.out or System.err. */
  public static int run(String[] args, PrintWriter out, PrintWriter err, Environment env) {
    return run(args, out, err, env, false);
  }

  /**
   * As {@link #run(String[], PrintWriter, PrintWriter, Environment)}; {@code terminal} says that stderr is a terminal,
   * where long reads show a progress line.
   */
  public static int run(String[] args, PrintWriter out, PrintWriter err, Environment env, boolean terminal) {
    return run(args, out, err, env, terminal, Terminal.NONE);
  }

  /**
   * As {@link #run(String[], PrintWriter, PrintWriter, Environment, boolean)}; {@code stdout} is the terminal standard
   * output is shown on ({@link Terminal#NONE} when it is piped or redirected), to which tables fit their layout.
   */
  public static int run(
      String[] args, PrintWriter out, PrintWriter err, Environment env, boolean terminal, Terminal stdout) {
    return run(args, new CliContext(out, err, env, terminal, stdout));
  }

  /** Runs the CLI in-process with this context (tests set its clock). */
  static int run(String[] args, CliContext ctx) {
    PrintWriter out = ctx.out;
    PrintWriter err = ctx.err;
    CommandLine cl = new CommandLine(new RootCommand(ctx));
    for (Class<?> sub : RootCommand.subcommandsFor(args)) {
      cl.addSubcommand(sub); // before the settings below, which apply to the subcommands present
    }
    cl.setOut(out);
    cl.setErr(err);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setExitCodeExceptionMapper(t -> t instanceof CommandLine.ParameterException ? USAGE : ERROR);
    cl.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          if (ex instanceof CliFailure f) {
            commandLine.getErr().println("clawmetry: " + f.getMessage());
            return f.exitCode();
          }
          commandLine.getErr().println("clawmetry: internal error: " + ex);
          return ERROR;
        });
    cl.setParameterExceptionHandler(
        (ex, a) -> {
          CommandLine c = ex.getCommandLine();
          c.getErr().println("clawmetry: " + ex.getMessage());
          c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more information.");
          return USAGE;
        });
    int code = cl.execute(args);
    out.flush();
    err.flush();
    return code;
  }
}
