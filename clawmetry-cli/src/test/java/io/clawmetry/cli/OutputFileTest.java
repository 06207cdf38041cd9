package io.clawmetry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -o FILE} writes whatever the command prints (the table too, not only --csv/--json) and nothing to stdout;
 * a file that cannot be written is a one-line error (exit 1), never an internal error.
 */
class OutputFileTest {

  @TempDir Path tmp;

  @Test
  void theTableGoesToTheFileByteForByte() throws Exception {
    String home = CliRun.exampleHome().toString();
    Path file = tmp.resolve("usage.txt");
    CliRun toFile = CliRun.run(tmp, "usage", "-z", "UTC", "-o", file.toString(), "--home", home);
    assertEquals(Main.OK, toFile.exitCode, toFile.err);
    assertEquals("", toFile.out);
    assertEquals("", toFile.err);
    CliRun toStdout = CliRun.run(tmp, "usage", "-z", "UTC", "--home", home);
    assertEquals(toStdout.out, Files.readString(file, StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "--csv", "--json"})
  void aMissingDirectoryIsAClearError(String format) {
    Path file = tmp.resolve("nonexistent/dir/x.out");
    String[] args = format.isEmpty()
        ? new String[] {"usage", "-o", file.toString(), "--home", CliRun.exampleHome().toString()}
        : new String[] {"usage", format, "-o", file.toString(), "--home", CliRun.exampleHome().toString()};
    CliRun r = CliRun.run(tmp, args);
    assertEquals(Main.ERROR, r.exitCode, r.err);
    assertEquals("clawmetry: cannot write " + file + ": no such directory\n", r.err);
    assertEquals("", r.out);
    assertFalse(Files.exists(file.getParent()));
  }

  @Test
  void aDirectoryIsNotAFile() {
    CliRun r = CliRun.run(tmp, "usage", "--csv", "-o", tmp.toString(), "--home", CliRun.exampleHome().toString());
    assertEquals(Main.ERROR, r.exitCode, r.err);
    assertEquals("clawmetry: cannot write " + tmp + ": is a directory\n", r.err);
  }
}
