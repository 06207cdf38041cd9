package io.clawmetry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code clawmetry serve}: refusals that return at once (a running server is tested in clawmetry-http). */
class ServeCommandTest {

  @TempDir Path tmp;

  @Test
  void offLoopbackWithoutATokenIsAUsageError() {
    CliRun r = CliRun.run(tmp, "serve", "--bind", "0.0.0.0", "--port", "0", "--home", CliRun.exampleHome().toString());
    assertEquals(Main.USAGE, r.exitCode, r.err);
    assertTrue(r.err.contains("without a token"), r.err);
  }

  @Test
  void badPortIsAUsageError() {
    CliRun r = CliRun.run(tmp, "serve", "--port", "70000", "--home", CliRun.exampleHome().toString());
    assertEquals(Main.USAGE, r.exitCode, r.err);
  }

  @Test
  void helpListsTheCommand() {
    CliRun r = CliRun.run(tmp, "--help");
    assertEquals(Main.OK, r.exitCode);
    assertTrue(r.out.contains("serve") && r.out.contains("Serve the dashboard"), r.out);
  }
}
