package io.clawmetry.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clawmetry.api.AgentInfo;
import io.clawmetry.api.ClawMetry;
import io.clawmetry.api.UsageQuery;
import io.clawmetry.api.UsageReport;
import io.clawmetry.core.discovery.Environment;
import io.clawmetry.core.testing.TranscriptLines;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Homes at the edges of discovery: one that has only the flat pre-agent {@code sessions/} dir (the oldest layout) is
 * read as the default agent's; a directory with nothing of OpenClaw in it is no home at all.
 */
class FlatSessionsHomeTest {

  @TempDir Path tmp;

  private ClawMetry open(Path home) {
    return ClawMetryBuilder.create().environment(Environment.of(Map.of(), tmp.resolve("u"))).stateDir(home).build();
  }

  @Test
  void aHomeWithOnlyTheFlatSessionsDirIsTheDefaultAgents() throws Exception {
    Path home = tmp.resolve("old");
    Path sessions = Files.createDirectories(home.resolve("sessions"));
    Files.writeString(sessions.resolve("s1.jsonl"),
        "{\"type\":\"session\",\"version\":3,\"id\":\"s1\",\"timestamp\":\"2026-01-05T10:00:00.000Z\"}\n"
            + TranscriptLines.assistant("a1", "2026-01-05T10:00:01.000Z", 3886, 208, "0.01") + "\n"
            + TranscriptLines.assistant("a2", "2026-01-05T10:00:02.000Z", 100, 20, "0.02") + "\n");
    try (ClawMetry cm = open(home)) {
      UsageReport r = cm.usage(UsageQuery.daily(ZoneId.of("UTC")));
      assertEquals(3886 + 208 + 100 + 20, r.totals().tokens().total());
      assertEquals(2, r.totals().calls());
      AgentInfo main = cm.home().agents().get(0);
      assertEquals("main", main.id());
      assertEquals(1, cm.home().agents().size());
    }
  }

  @Test
  void aDirectoryWithNothingOfOpenClawIsNoHome() throws Exception {
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    Files.writeString(empty.resolve("README.md"), "not a home");
    HomeNotFoundException e = assertThrows(HomeNotFoundException.class, () -> open(empty));
    assertTrue(e.getMessage().contains("no OpenClaw data in " + empty), e.getMessage());
    Files.writeString(empty.resolve("openclaw.json"), "{}");
    try (ClawMetry cm = open(empty)) {
      assertEquals(0, cm.usage(UsageQuery.daily(ZoneId.of("UTC"))).totals().calls(), "a fresh install is a home");
    }
  }

  @Test
  void anEmptyAgentsDirIsNoHomeAndTheMessageSaysWhy() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("bare").resolve("agents"));
    HomeNotFoundException e = assertThrows(HomeNotFoundException.class, () -> open(dir.getParent()));
    assertTrue(e.getMessage().contains("no openclaw.json, no agent in agents/, "), e.getMessage());
  }
}
