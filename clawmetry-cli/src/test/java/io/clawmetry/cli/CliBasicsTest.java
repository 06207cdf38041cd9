package io.clawmetry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit codes and messages of the command line, run in-process. */
class CliBasicsTest {

  @TempDir Path tmp;

  @Test
  void noHomeFoundExitsWith3AndSaysWhere() {
    CliRun r = CliRun.run(tmp, "sessions", "--home", tmp.resolve("nope").toString());
    assertEquals(Main.NOTHING_FOUND, r.exitCode, r.err);
    assertTrue(r.err.contains("no OpenClaw home found at " + tmp.resolve("nope")), r.err);
    assertTrue(r.err.contains("--home"), r.err);
  }

  @Test
  void discoveryWithNoHomeAnywhereExitsWith3() {
    CliRun r = CliRun.run(tmp.resolve("empty-user-home"), "doctor");
    assertEquals(Main.NOTHING_FOUND, r.exitCode, r.err);
    assertTrue(r.err.contains(tmp.resolve("empty-user-home").resolve(".openclaw").toString()), r.err);
  }

  @Test
  void unknownOptionIsAUsageError() {
    CliRun r = CliRun.run(tmp, "sessions", "--frobnicate");
    assertEquals(Main.USAGE, r.exitCode);
    assertTrue(r.err.contains("Unknown option: '--frobnicate'"), r.err);
  }

  @Test
  void badDateAndZoneAndPeriodAreUsageErrors() {
    Path home = CliRun.repo().resolve("testdata");
    assertEquals(Main.USAGE, CliRun.run(tmp, "usage", "--since", "yesterday", "--home", home.toString()).exitCode);
    assertEquals(Main.USAGE, CliRun.run(tmp, "usage", "-z", "Mars/Olympus", "--home", home.toString()).exitCode);
    CliRun p = CliRun.run(tmp, "usage", "fortnightly", "--home", home.toString());
    assertEquals(Main.USAGE, p.exitCode);
    assertTrue(p.err.contains("unknown period 'fortnightly'"), p.err);
  }

  @Test
  void helpAndVersion() {
    CliRun h = CliRun.run(tmp, "--help");
    assertEquals(Main.OK, h.exitCode);
    for (String cmd : new String[] {"doctor", "sessions", "transcript", "usage"}) {
      assertTrue(h.out.contains(cmd), h.out);
    }
    CliRun v = CliRun.run(tmp, "--version");
    assertEquals(Main.OK, v.exitCode);
    assertTrue(v.out.startsWith("clawmetry "), v.out);
  }

  @Test
  void unknownSessionIsAnError() {
    CliRun r =
        CliRun.run(tmp, "transcript", "agent:main:nope", "--home", CliRun.repo().resolve("examples/home").toString());
    assertEquals(Main.ERROR, r.exitCode, r.err);
    assertTrue(r.err.contains("no session with key or id 'agent:main:nope'"), r.err);
  }

  @Test
  void homeMayComeBeforeOrAfterTheCommand() {
    String home = CliRun.exampleHome().toString();
    CliRun before = CliRun.run(tmp, "--home", home, "sessions", "--json");
    CliRun after = CliRun.run(tmp, "sessions", "--json", "--home", home);
    assertEquals(Main.OK, before.exitCode, before.err);
    assertEquals(after.out, before.out);
    assertTrue(before.out.contains("\"agent:main:main\""), before.out);
  }

  @Test
  void progressGoesToAStderrTerminalOnlyAndNeverWithJsonOrCsv() {
    String home = CliRun.exampleHome().toString();
    java.io.StringWriter out = new java.io.StringWriter();
    java.io.StringWriter err = new java.io.StringWriter();
    io.clawmetry.core.discovery.Environment env = io.clawmetry.core.discovery.Environment.of(java.util.Map.of(), tmp);
    Main.run(new String[] {"usage", "--home", home}, new java.io.PrintWriter(out), new java.io.PrintWriter(err), env,
        true);
    assertTrue(err.toString().startsWith("clawmetry: reading transcripts"), err.toString());
    assertTrue(err.toString().endsWith("\r\u001b[K"), "the progress line is erased");
    java.io.StringWriter err2 = new java.io.StringWriter();
    Main.run(new String[] {"usage", "--json", "--home", home}, new java.io.PrintWriter(new java.io.StringWriter()),
        new java.io.PrintWriter(err2), env, true);
    assertEquals("", err2.toString());
    assertEquals("", CliRun.run(tmp, "usage", "--home", home).err, "not a terminal: no progress");
  }
}
