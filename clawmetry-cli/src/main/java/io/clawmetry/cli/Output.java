package io.clawmetry.cli;

import io.clawmetry.api.Warning;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** Shared pieces of text output: warnings (in a table's "Warnings" section or on stderr) and {@code -o FILE}. */
final class Output {
  private Output() {}

  /** What a command writes to its output (stdout or the {@code -o} file). */
  interface Body {
    void write(PrintWriter out) throws IOException;
  }

  /** Prints a "Warnings" section (nothing when there are none). */
  static void warnings(PrintWriter out, List<Warning> warnings) {
    if (warnings.isEmpty()) {
      return;
    }
    out.println();
    out.println("Warnings (" + warnings.size() + ")");
    for (Warning w : warnings) {
      out.println("  - " + describe(w));
    }
  }

  /**
   * Prints each warning as one {@code clawmetry: warning: ...} line, for stderr when stdout carries a machine format
   * (CSV) that must stay clean.
   */
  static void warningLines(PrintWriter err, List<Warning> warnings) {
    for (Warning w : warnings) {
      err.println("clawmetry: warning: " + describe(w));
    }
    err.flush();
  }

  /** Prints a warning's message alone as one {@code clawmetry: warning: ...} line (a hint about the command line). */
  static void hint(PrintWriter err, Warning w) {
    err.println("clawmetry: warning: " + TextTable.sanitize(w.message()));
    err.flush();
  }

  /** A warning on one line: kind, source, how often and where first, message; control characters sanitised. */
  static String describe(Warning w) {
    StringBuilder b = new StringBuilder().append(w.kind()).append(' ').append(w.source());
    if (w.count() > 1 || !w.firstPosition().isEmpty()) {
      b.append(" (").append(w.count()).append(w.count() == 1 ? " time" : " times");
      if (!w.firstPosition().isEmpty()) {
        b.append(", first at ").append(w.firstPosition());
      }
      b.append(')');
    }
    b.append(": ").append(w.message());
    return TextTable.sanitize(b.toString());
  }

  /**
   * Fails (exit 1) when {@code file} cannot be an output file because its directory is missing or it is a directory:
   * checked before the report is read, so that a typo fails at once.
   */
  static void checkOutputFile(Path file) {
    Path dir = file.toAbsolutePath().getParent();
    if (dir != null && !Files.isDirectory(dir)) {
      throw cannotWrite(file, "no such directory");
    }
    if (Files.isDirectory(file)) {
      throw cannotWrite(file, "is a directory");
    }
  }

  /**
   * Writes {@code body} to {@code file} (UTF-8, created or truncated) when it is not null, else to {@code stdout};
   * a file that cannot be written is a one-line error with exit code 1.
   */
  static void write(Path file, PrintWriter stdout, Body body) {
    if (file == null) {
      PrintWriter out = unclosable(stdout); // a CSV printer closes what it writes to
      try {
        body.write(out);
      } catch (IOException e) {
        throw new CliFailure(Main.ERROR, "cannot write the output: " + e.getMessage());
      }
      out.flush();
      return;
    }
    checkOutputFile(file);
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      PrintWriter out = unclosable(w);
      body.write(out);
      out.flush();
      if (out.checkError()) { // a PrintWriter keeps its IOExceptions to itself
        throw new IOException("write failed");
      }
    } catch (NoSuchFileException e) {
      throw cannotWrite(file, "no such directory");
    } catch (AccessDeniedException e) {
      throw cannotWrite(file, "permission denied");
    } catch (IOException e) {
      throw cannotWrite(file, e.getMessage());
    }
  }

  /** A print writer on {@code w} whose {@code close()} only flushes: the caller closes {@code w}. */
  private static PrintWriter unclosable(Writer w) {
    return new PrintWriter(w) {
      @Override
      public void close() {
        flush();
      }
    };
  }

  private static CliFailure cannotWrite(Path file, String why) {
    return new CliFailure(Main.ERROR, "cannot write " + TextTable.sanitize(file.toString()) + ": " + why);
  }
}
