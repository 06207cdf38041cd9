package io.clawmetry.core;

import static io.clawmetry.core.testing.TranscriptLines.assistant;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.clawmetry.api.ClawMetry;
import io.clawmetry.api.UsagePeriod;
import io.clawmetry.api.UsageQuery;
import io.clawmetry.api.UsageRow;
import io.clawmetry.core.discovery.Environment;
import io.clawmetry.core.testing.TestHomes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Agents and agent databases that appear while a long-running facade is open (a new agent, an agent migrated from
 * JSONL to SQLite by {@code openclaw doctor --fix}, FORMATS §6.6): the next refresh counts them as a fresh read does.
 */
class AgentsAppearingRefreshTest {

  /** The 2026.9.6 fixture's 17 assistant messages: input tokens (FORMATS §6.4). */
  private static final long FIXTURE_INPUT = 121_756;
  private static final UsageQuery Q = UsageQuery.daily(ZoneOffset.UTC);
  private static final String S = "5e550000-0000-4000-8000-000000000001";

  @TempDir Path tmp;

  private ClawMetry open(Path home) {
    return ClawMetryBuilder.create().environment(Environment.of(Map.of(), tmp.resolve("u"))).stateDir(home).build();
  }

  private static List<String> transcript() {
    return List.of(
        "{\"type\":\"session\",\"version\":3,\"id\":\"" + S + "\",\"timestamp\":\"2026-11-03T00:00:00.000Z\",\"cwd\":\"/w\"}",
        assistant("5a000001", "2026-11-03T00:00:01.000Z", 500, 5, "0.05"),
        assistant("5a000002", "2026-11-03T00:00:02.000Z", 700, 7, "0.07"));
  }

  /** A copy of the fixture's agent database at {@code db} holding only {@code events} as session {@link #S}. */
  private static void agentDatabase(Path home, Path db, List<String> events) throws Exception {
    Files.createDirectories(db.getParent());
    Files.copy(home.resolve("agents/main/agent/openclaw-agent.sqlite"), db);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
      c.createStatement().execute("DELETE FROM transcript_events");
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO transcript_events(session_id, seq, event_json, created_at) VALUES (?,?,?,?)")) {
        for (int seq = 0; seq < events.size(); seq++) {
          ps.setString(1, S);
          ps.setLong(2, seq);
          ps.setString(3, events.get(seq));
          ps.setLong(4, 1795000000000L + seq);
          ps.executeUpdate();
        }
      }
    }
  }

  private static long opsInput(ClawMetry cm) {
    return cm.usage(Q.withPeriod(UsagePeriod.AGENT)).rows().stream().filter(r -> r.key().equals("ops"))
        .mapToLong(r -> r.tokens().input()).sum();
  }

  @Test
  void aJsonlAgentMigratedToSqliteWhileOpenKeepsItsCalls() throws Exception {
    Path home = TestHomes.realSqliteHome(tmp);
    Path sessions = Files.createDirectories(home.resolve("agents/ops/sessions"));
    Files.write(sessions.resolve(S + ".jsonl"), transcript());
    try (ClawMetry cm = open(home)) {
      assertEquals(FIXTURE_INPUT + 1200, cm.usage(Q).totals().tokens().input());
      // doctor --fix: the events imported into a new agent database, the file moved to the import archive
      agentDatabase(home, home.resolve("agents/ops/agent/openclaw-agent.sqlite"), transcript());
      Files.createDirectories(sessions.resolve("session-sqlite-import-archive"));
      Files.move(sessions.resolve(S + ".jsonl"), sessions.resolve("session-sqlite-import-archive/" + S + ".jsonl"));
      cm.refresh();
      UsageRow t = cm.usage(Q).totals();
      assertEquals(FIXTURE_INPUT + 1200, t.tokens().input());
      assertEquals(17 + 2, t.calls());
      assertEquals(1200, opsInput(cm));
    }
  }

  @Test
  void aNewAgentWithItsDatabaseIsCountedOnTheNextRefresh() throws Exception {
    Path home = TestHomes.realSqliteHome(tmp);
    try (ClawMetry cm = open(home)) {
      assertEquals(FIXTURE_INPUT, cm.usage(Q).totals().tokens().input());
      agentDatabase(home, home.resolve("agents/ops/agent/openclaw-agent.sqlite"), transcript());
      cm.refresh();
      assertEquals(FIXTURE_INPUT + 1200, cm.usage(Q).totals().tokens().input());
      assertEquals(1200, opsInput(cm));
      assertEquals(List.of("main", "ops"), cm.home().agents().stream().map(a -> a.id()).toList());
    }
  }
}
