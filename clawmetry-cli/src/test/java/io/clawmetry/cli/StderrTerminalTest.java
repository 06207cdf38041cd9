package io.clawmetry.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whether standard error is a terminal (the progress line is shown only then) is decided by standard error itself,
 * not by the JVM's console (which asks standard input and output): {@code clawmetry usage 2>err.log} on a terminal
 * wrote the progress line and its escape codes into err.log.
 */
class StderrTerminalTest {

  @TempDir Path tmp;

  private Path fd(String target) throws Exception {
    Path link = tmp.resolve("fd-" + Math.abs(target.hashCode()));
    return Files.createSymbolicLink(link, Paths.get(target));
  }

  @Test
  void aTerminalDeviceIsATerminal() throws Exception {
    assertTrue(Terminal.isTerminalFd(fd("/dev/pts/3"), () -> false));
    assertTrue(Terminal.isTerminalFd(fd("/dev/tty1"), () -> false));
  }

  @Test
  void aFileOrPipeIsNotEvenWithAConsole() throws Exception {
    assertFalse(Terminal.isTerminalFd(fd("/tmp/err.log"), () -> true), "stderr redirected to a file");
    assertFalse(Terminal.isTerminalFd(fd("pipe:[1090971]"), () -> true), "stderr piped");
    assertFalse(Terminal.isTerminalFd(fd("/dev/null"), () -> true), "stderr to /dev/null");
  }

  @Test
  void withoutProcTheConsoleDecides() {
    Path none = tmp.resolve("no-such-fd");
    assertTrue(Terminal.isTerminalFd(none, () -> true));
    assertFalse(Terminal.isTerminalFd(none, () -> false));
  }
}
