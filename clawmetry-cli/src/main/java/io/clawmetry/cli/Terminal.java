package io.clawmetry.cli;

import java.io.Console;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The terminal standard output is shown on, if any: whether there is one and how wide it is. Tables choose their
 * layout from it (see the README); tests pass their own instead of a real terminal.
 */
public interface Terminal {

  /** No terminal: output is piped or redirected. */
  Terminal NONE =
      new Terminal() {
        @Override
        public boolean isTerminal() {
          return false;
        }

        @Override
        public OptionalInt columns() {
          return OptionalInt.empty();
        }
      };

  /** Whether standard output is a terminal. */
  boolean isTerminal();

  /**
   * The terminal's width in columns as the terminal reports it, or empty when it cannot be found. Asked only when
   * {@link #isTerminal()} is true and {@code COLUMNS} is not set.
   */
  OptionalInt columns();

  /** A terminal of this many columns. */
  static Terminal of(int columns) {
    return new Terminal() {
      @Override
      public boolean isTerminal() {
        return true;
      }

      @Override
      public OptionalInt columns() {
        return OptionalInt.of(columns);
      }
    };
  }

  /**
   * The process's own standard output: a terminal when the JVM has a console (standard input and output are a
   * terminal; on Java 22 and later, when {@code Console.isTerminal()} says so); its width from {@code stty size} run
   * on {@code /dev/tty} with a timeout of half a second (any failure: empty).
   */
  static Terminal system() {
    return new Terminal() {
      @Override
      public boolean isTerminal() {
        Console c = System.console();
        if (c == null) {
          return false;
        }
        try {
          return (Boolean) Console.class.getMethod("isTerminal").invoke(c); // Java 22+: a console may be redirected
        } catch (NoSuchMethodException e) {
          return true; // before Java 22 there is a console only when stdin and stdout are a terminal
        } catch (ReflectiveOperationException | RuntimeException e) {
          return false;
        }
      }

      @Override
      public OptionalInt columns() {
        return sttyColumns();
      }
    };
  }

  /** Whether the process's standard error is a terminal (see {@link #isTerminalFd}). */
  static boolean stderrIsTerminal() {
    return isTerminalFd(Paths.get("/proc/self/fd/2"), () -> system().isTerminal());
  }

  /**
   * Whether the file descriptor {@code fdLink} (a {@code /proc/self/fd/N} link) is a terminal: its target is a
   * terminal device ({@code /dev/pts/N}, {@code /dev/ttyN}, {@code /dev/tty}, {@code /dev/console}). Where there is
   * no such link (no {@code /proc}), {@code fallback} decides.
   */
  static boolean isTerminalFd(Path fdLink, BooleanSupplier fallback) {
    Path target;
    try {
      target = Files.readSymbolicLink(fdLink);
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return fallback.getAsBoolean();
    }
    String t = target.toString();
    return t.startsWith("/dev/pts/") || t.startsWith("/dev/tty") || t.equals("/dev/console");
  }

  /** Runs {@code stty size} on {@code /dev/tty}; empty on any failure or after half a second. */
  private static OptionalInt sttyColumns() {
    File tty = new File("/dev/tty");
    if (!tty.canRead()) {
      return OptionalInt.empty();
    }
    Process p = null;
    try {
      p =
          new ProcessBuilder("stty", "size")
              .redirectInput(tty)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!p.waitFor(500, TimeUnit.MILLISECONDS) || p.exitValue() != 0) {
        return OptionalInt.empty();
      }
      try (InputStream in = p.getInputStream()) {
        return parseSttySize(new String(in.readNBytes(64), StandardCharsets.US_ASCII));
      }
    } catch (IOException | RuntimeException e) {
      return OptionalInt.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return OptionalInt.empty();
    } finally {
      if (p != null) {
        p.destroy();
      }
    }
  }

  /** The columns of {@code stty size}'s answer ("ROWS COLUMNS"), or empty when it is not that or not positive. */
  static OptionalInt parseSttySize(String answer) {
    String[] parts = answer.trim().split("\\s+");
    if (parts.length != 2) {
      return OptionalInt.empty();
    }
    try {
      int columns = Integer.parseInt(parts[1]);
      return columns > 0 ? OptionalInt.of(columns) : OptionalInt.empty();
    } catch (NumberFormatException e) {
      return OptionalInt.empty();
    }
  }
}
