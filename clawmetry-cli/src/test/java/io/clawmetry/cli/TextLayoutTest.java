package io.clawmetry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clawmetry.core.discovery.Environment;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The text output of every command on the example home has no line ending in white space, and the overview's top
 * models are a table: names left-aligned, cost and calls right-aligned.
 */
class TextLayoutTest {

  /** A "now" inside the example home's month, so that the overview has top models and failing crons. */
  static final String NOW = "2026-11-24T21:00:00Z";

  @TempDir Path tmp;

  static Stream<String> commands() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = s.getLocalPort();
    }
    String gw = " --gateway-url 127.0.0.1:" + closed;
    return Stream.of(
        "doctor",
        "sessions",
        "sessions --agent ops --kind cron",
        "transcript agent:main:main",
        "transcript e2902a36-e80c-4b15-b7cb-22ff67544994 --mode calculate",
        "usage -z UTC",
        "usage -z UTC --breakdown",
        "usage weekly -z UTC",
        "usage monthly -z UTC",
        "usage session -z UTC --breakdown",
        "usage model -z UTC",
        "usage provider -z UTC",
        "usage agent -z UTC",
        "usage channel -z UTC",
        "usage origin -z UTC",
        "COLUMNS=80 usage -z UTC --breakdown",
        "COLUMNS=80 usage session -z UTC",
        "subagents",
        "overview -z UTC",
        "overview -z America/New_York",
        "crons" + gw,
        "crons runs e8c01ef2-8018-4477-aca3-c86a5940bf70" + gw,
        "health");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("commands")
  void noLineEndsInWhiteSpace(String command) {
    Map<String, String> vars = Map.of();
    String args = command;
    if (command.startsWith("COLUMNS=80 ")) {
      vars = Map.of("COLUMNS", "80");
      args = command.substring("COLUMNS=80 ".length());
    }
    String[] argv = (args + " --home " + CliRun.exampleHome()).split(" ");
    CliRun r = CliRun.run(Environment.of(vars, tmp), Terminal.NONE, CliRun.fixedClock(NOW), argv);
    assertEquals(Main.OK, r.exitCode, r.err);
    assertTrue(r.out.lines().count() > 1, r.out);
    for (String line : (r.out + r.err).lines().toList()) {
      assertTrue(line.equals(line.stripTrailing()), "trailing white space in '" + line + "'");
    }
  }

  @Test
  void overviewTopModelsAreAlignedAndFailingCronsHasNoTrailingSpaces() {
    CliRun r = CliRun.run(Environment.of(Map.of(), tmp), Terminal.NONE, CliRun.fixedClock(NOW), "overview", "-z",
        "UTC", "--home", CliRun.exampleHome().toString());
    assertEquals(Main.OK, r.exitCode, r.err);
    List<String> lines = r.out.lines().toList();
    int top = lines.indexOf("  Top models this month");
    List<String> models = lines.subList(top + 1, top + 5);
    assertEquals("  Failing crons     1", lines.get(top + 5));
    assertTrue(lines.get(top + 6).startsWith("    Repo health (e8c01ef2-"), lines.get(top + 6));
    String first = models.get(0);
    for (String m : models) {
      assertTrue(m.startsWith("    ") && m.endsWith(" calls"), m);
      assertEquals(first.length(), m.length(), "calls right-aligned:\n" + String.join("\n", models));
      assertEquals(first.indexOf(' ', first.indexOf('$')), m.indexOf(' ', m.indexOf('$')),
          "costs right-aligned:\n" + String.join("\n", models));
    }
    assertTrue(models.get(0).startsWith("    google/gemini-2.5-pro        $"), models.get(0));
    assertTrue(models.get(1).startsWith("    anthropic/claude-sonnet-4-5  $"), models.get(1));
    assertTrue(models.get(3).matches("    local/llama +\\$0\\.\\d{4}   6 calls"), models.get(3));
  }
}
