package io.clawmetry.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.clawmetry.api.SessionKind;
import io.clawmetry.api.SourceKind;
import io.clawmetry.core.json.Json;
import io.clawmetry.core.sqlite.ReadOnlyDatabase;
import io.clawmetry.core.testing.TestHomes;
import io.clawmetry.core.warn.Warnings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link SqliteSessionIndex} on the real 2026.9.6 agent database, cross-checked with its JSON export. */
class SqliteSessionIndexTest {

  private static final String CRON_KEY = "agent:main:cron:73e9eb0b-fe71-4e50-9141-5ebe8f038852";
  private static final String SUB_KEY = "agent:main:subagent:a209dce7-9246-4419-a043-f9eaf02dad25";

  @TempDir static Path dir;
  static Map<String, IndexEntry> byKey;
  static Warnings warnings;
  static Path dbPath;

  @BeforeAll
  static void read() {
    dbPath = TestHomes.gunzip("openclaw-2026.9.6/db/agent-main-openclaw-agent.sqlite.gz", dir, "agent.sqlite");
    warnings = new Warnings();
    try (ReadOnlyDatabase db = ReadOnlyDatabase.open(dbPath, warnings).orElseThrow()) {
      byKey = new LinkedHashMap<>();
      SqliteSessionIndex.read(db, "main", warnings).forEach(e -> byKey.put(e.key(), e));
    }
  }

  @Test
  void fiveKeysAndSixSessionIds() {
    assertTrue(warnings.isEmpty(), warnings.list().toString());
    assertEquals(new TreeSet<>(List.of("agent:main:lab-local", "agent:main:lab-one", "agent:main:lab-two", SUB_KEY,
        CRON_KEY)), new TreeSet<>(byKey.keySet()));
    Set<String> ids = new HashSet<>();
    byKey.values().forEach(e -> {
      ids.add(e.sessionId());
      ids.addAll(e.previousSessionIds());
    });
    assertEquals(6, ids.size(), ids.toString());
  }

  @Test
  void cronKeyHasTwoWindowsTheOlderOneIsPrevious() {
    IndexEntry cron = byKey.get(CRON_KEY);
    assertEquals("70fd031c-0542-4507-bbef-8d2171f019f7", cron.sessionId());
    assertEquals(List.of("bb2f659a-4ad5-4029-81e0-68e196a56bc2"), cron.previousSessionIds());
    assertEquals("cron", cron.createdVia());
    assertEquals("Automation: lab-digest", cron.label());
    assertEquals("done", cron.status(), "node status is NULL; the current window says done");
    assertEquals("mockresp", cron.provider());
    assertEquals("mock-2", cron.model());
    assertEquals(Instant.ofEpochMilli(1795494657737L), cron.startedAt(), "entry sessionStartedAt");
    assertEquals(Instant.ofEpochMilli(1795494658142L), cron.updatedAt());
    assertEquals(Instant.ofEpochMilli(1795494659139L), cron.endedAt(), "current window ended_at");
  }

  @Test
  void kindsFollowTheGrammar() {
    SessionKeys keys = SessionKeys.defaults();
    Map<String, SessionKind> kinds = new LinkedHashMap<>();
    byKey.values().forEach(e -> kinds.put(e.key(), keys.kindOf(e.key(), e.spawnedBy(), e.parentSessionKey(),
        e.spawnDepth())));
    // lab-one / lab-two / lab-local are CLI --session-id keys, not the main key, hence OTHER.
    assertEquals(Map.of("agent:main:lab-local", SessionKind.OTHER, "agent:main:lab-one", SessionKind.OTHER,
        "agent:main:lab-two", SessionKind.OTHER, SUB_KEY, SessionKind.SUBAGENT, CRON_KEY, SessionKind.CRON), kinds);
    IndexEntry sub = byKey.get(SUB_KEY);
    assertEquals("agent:main:lab-two", sub.spawnedBy());
    assertEquals("agent:main:lab-two", sub.parentSessionKey());
    assertEquals(1, sub.spawnDepth());
    assertEquals(1, SessionKeys.depthOf(sub.key(), sub.spawnDepth()));
    assertEquals("lab-helper", sub.label());
    assertEquals("spawn", sub.createdVia());
  }

  @Test
  void modelsComeFromTheCurrentWindow() {
    assertEquals("mocklm/mock-1", model("agent:main:lab-local"));
    assertEquals("mocklm/mock-1", model("agent:main:lab-one"));
    assertEquals("mockresp/mock-2", model("agent:main:lab-two"));
    assertEquals("mockresp/mock-2", model(SUB_KEY));
    IndexEntry one = byKey.get("agent:main:lab-one");
    assertEquals("direct", one.chatType());
    assertEquals("lab-one", one.displayName());
    assertNull(one.channel());
    assertNull(byKey.get("agent:main:lab-local").status());
    assertEquals(SourceKind.SESSION_INDEX_SQLITE, one.source().kind());
    assertEquals(dbPath.toAbsolutePath() + "#session_nodes", one.source().path());
  }

  private String model(String key) {
    return byKey.get(key).provider() + "/" + byKey.get(key).model();
  }

  /** Every node of {@code export/sessions/main.session_nodes.json} and every window of the windows export. */
  @Test
  void matchesTheExport() throws IOException {
    JsonNode nodes = Json.STRICT.readTree(
        TestHomes.testdata("openclaw-2026.9.6/export/sessions/main.session_nodes.json").toFile());
    assertEquals(nodes.size(), byKey.size());
    for (JsonNode n : nodes) {
      IndexEntry e = byKey.get(n.get("session_key").asText());
      assertEquals(n.get("current_session_id").asText(), e.sessionId());
      assertEquals(n.get("created_via").isNull() ? null : n.get("created_via").asText(), e.createdVia());
      assertEquals(n.get("spawned_by").isNull() ? null : n.get("spawned_by").asText(), e.spawnedBy());
      assertEquals(n.get("updated_at").asLong(), e.updatedAt().toEpochMilli());
      if (!n.get("status").isNull()) {
        assertEquals(n.get("status").asText(), e.status());
      }
    }
    JsonNode windows = Json.STRICT.readTree(
        TestHomes.testdata("openclaw-2026.9.6/export/sessions/main.session_windows.json").toFile());
    assertEquals(6, windows.size());
    for (JsonNode w : windows) {
      IndexEntry e = byKey.get(w.get("session_key").asText());
      String id = w.get("session_id").asText();
      assertTrue(id.equals(e.sessionId()) || e.previousSessionIds().contains(id), id);
      if (id.equals(e.sessionId())) {
        assertEquals(w.get("model").asText(), e.model());
        assertEquals(w.get("model_provider").asText(), e.provider());
      }
    }
  }

  @Test
  void aDatabaseWithoutSessionNodesDegradesWithAWarning() {
    Path state = TestHomes.gunzip("openclaw-2026.9.6/db/state-openclaw.sqlite.gz", dir, "state-for-degrade.sqlite");
    Warnings w = new Warnings();
    try (ReadOnlyDatabase db = ReadOnlyDatabase.open(state, w).orElseThrow()) {
      assertEquals(List.of(), SqliteSessionIndex.read(db, "main", w));
    }
    assertEquals(1, w.list().size());
    assertEquals(io.clawmetry.api.WarningKind.UNKNOWN_SCHEMA, w.list().get(0).kind());
  }
}
