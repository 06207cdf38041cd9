package io.clawmetry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.clawmetry.core.json.Json;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --agent} with an id the home does not have: still exit 0 with the (empty) report, and a warning naming the
 * agents there are, on stderr for the table and CSV and among the JSON warnings.
 */
class UnknownAgentTest {

  static final String HINT = "no agent \"nosuchagent\" in this home; agents: main, ops, research";

  @TempDir Path tmp;

  private CliRun run(String... args) {
    String[] all = java.util.Arrays.copyOf(args, args.length + 2);
    all[args.length] = "--home";
    all[args.length + 1] = CliRun.exampleHome().toString();
    return CliRun.run(tmp, all);
  }

  @Test
  void usageTableAndCsvWarnOnStderr() {
    CliRun table = run("usage", "-z", "UTC", "--agent", "nosuchagent");
    assertEquals(Main.OK, table.exitCode, table.err);
    assertEquals("clawmetry: warning: " + HINT + "\n", table.err);
    assertTrue(table.out.contains("Total"), table.out);

    CliRun csv = run("usage", "-z", "UTC", "--agent", "nosuchagent", "--csv");
    assertEquals(Main.OK, csv.exitCode, csv.err);
    java.util.List<String> err = csv.err.lines().toList();
    assertEquals("clawmetry: warning: " + HINT, err.get(0), "the hint first, then the report's warnings");
    assertTrue(err.stream().allMatch(l -> l.startsWith("clawmetry: warning: ")), csv.err);
    assertEquals(1, csv.out.lines().count(), "the header only: " + csv.out);
  }

  @Test
  void usageJsonHasTheWarning() throws Exception {
    CliRun r = run("usage", "--agent", "nosuchagent", "--json");
    assertEquals(Main.OK, r.exitCode, r.err);
    assertEquals("", r.err);
    JsonNode w = Json.STRICT.readTree(r.out).path("warnings").get(0);
    assertEquals("MISSING", w.path("kind").asText());
    assertEquals(HINT, w.path("message").asText());
    assertEquals(CliRun.exampleHome().resolve("agents").resolve("nosuchagent").toString(), w.path("source").asText());
  }

  @Test
  void sessionsWarnsToo() throws Exception {
    CliRun table = run("sessions", "--agent", "nosuchagent");
    assertEquals(Main.OK, table.exitCode, table.err);
    assertEquals("clawmetry: warning: " + HINT + "\n", table.err);
    assertTrue(table.out.contains("0 sessions"), table.out);

    CliRun json = run("sessions", "--agent", "nosuchagent", "--json");
    assertEquals(Main.OK, json.exitCode, json.err);
    assertEquals("", json.err);
    JsonNode j = Json.STRICT.readTree(json.out);
    assertEquals(0, j.path("sessions").size());
    boolean found = false;
    for (JsonNode w : j.path("warnings")) {
      found |= HINT.equals(w.path("message").asText());
    }
    assertTrue(found, json.out);
  }

  @Test
  void aKnownAgentGivesNoHint() {
    CliRun usage = run("usage", "--agent", "ops");
    assertEquals(Main.OK, usage.exitCode, usage.err);
    assertEquals("", usage.err);
    CliRun sessions = run("sessions", "--agent", "research");
    assertEquals("", sessions.err);
  }
}
