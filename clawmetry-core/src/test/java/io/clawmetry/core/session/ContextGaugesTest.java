package io.clawmetry.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clawmetry.api.SessionInfo;
import io.clawmetry.api.SourceKind;
import io.clawmetry.api.SourceRef;
import io.clawmetry.core.sqlite.ReadOnlyDatabase;
import io.clawmetry.core.testing.TestHomes;
import io.clawmetry.core.warn.Warnings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The context gauges of the session index: {@code totalTokens} (the current context size) and {@code contextTokens}
 * (the model's window), read from real {@code sessions.json} files and the 2026.9.6 {@code session_nodes.entry_json},
 * and carried into {@link SessionInfo}.
 */
class ContextGaugesTest {

  /** Values read off the file: every entry has window 32 768; sizes 17 617, 16 161, 13 904, 11 830 in file order. */
  @Test
  void moltbotIndexHasBothGaugesOnEveryEntry() {
    Warnings w = new Warnings();
    List<IndexEntry> entries =
        SessionsJsonReader.read(TestHomes.testdata("real/42naodia__moltbot-config/sessions.json"), "main", w);
    assertTrue(w.isEmpty(), w.list().toString());
    assertEquals(List.of(17617L, 16161L, 13904L, 11830L), entries.stream().map(IndexEntry::contextTokens).toList());
    assertEquals(List.of(32768L, 32768L, 32768L, 32768L), entries.stream().map(IndexEntry::contextWindow).toList());
  }

  /**
   * The main entry has window 128 000 and {@code totalTokensFresh: true} but no {@code totalTokens}: its size is
   * unknown. The Telegram entry has neither gauge.
   */
  @Test
  void openclawJuneIndexKnowsOnlyOneWindow() {
    Warnings w = new Warnings();
    List<IndexEntry> entries = SessionsJsonReader.read(
        TestHomes.testdata("real/4GeeksAcademy__thispedrito1-openclaw-setup/sessions.json"), "ignored", w);
    assertTrue(w.isEmpty(), w.list().toString());
    assertEquals(Arrays.asList(null, null), entries.stream().map(IndexEntry::contextTokens).toList());
    assertEquals(Arrays.asList(128000L, null), entries.stream().map(IndexEntry::contextWindow).toList());
  }

  /** FORMATS §5: lab-one's {@code totalTokens} 13 238 = 3318 + 9920 is the last prompt; windows 128 000 / 64 000. */
  @Test
  void agentDatabaseEntryJsonCarriesTheGauges(@TempDir Path dir) {
    Path db = TestHomes.gunzip("openclaw-2026.9.6/db/agent-main-openclaw-agent.sqlite.gz", dir, "agent.sqlite");
    Warnings w = new Warnings();
    Map<String, IndexEntry> byKey = new LinkedHashMap<>();
    try (ReadOnlyDatabase d = ReadOnlyDatabase.open(db, w).orElseThrow()) {
      SqliteSessionIndex.read(d, "main", w).forEach(e -> byKey.put(e.key(), e));
    }
    assertTrue(w.isEmpty(), w.list().toString());
    Map<String, List<Long>> gauges = new LinkedHashMap<>();
    byKey.values().forEach(e -> gauges.put(e.key(), List.of(e.contextTokens(), e.contextWindow())));
    assertEquals(Map.of(
        "agent:main:lab-one", List.of(13238L, 128000L),
        "agent:main:lab-local", List.of(14697L, 128000L),
        "agent:main:lab-two", List.of(14273L, 64000L),
        "agent:main:subagent:a209dce7-9246-4419-a043-f9eaf02dad25", List.of(9675L, 64000L),
        "agent:main:cron:73e9eb0b-fe71-4e50-9141-5ebe8f038852", List.of(10415L, 64000L)), gauges);
  }

  /** A stale size ({@code totalTokensFresh: false}) and values that are not whole non-negative numbers are unknown. */
  @Test
  void staleAndMalformedGaugesAreUnknown(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("sessions.json");
    Files.writeString(file, """
        {
          "agent:main:stale": {"sessionId": "s1", "totalTokens": 900, "totalTokensFresh": false, "contextTokens": 1000},
          "agent:main:fresh": {"totalTokensFresh": true, "totalTokens": 250.0, "contextTokens": "1000", "sessionId": "s2"},
          "agent:main:odd": {"sessionId": "s3", "totalTokens": -5, "contextTokens": {"n": 1}, "model": "m"}
        }
        """);
    Warnings w = new Warnings();
    List<IndexEntry> entries = SessionsJsonReader.read(file, "main", w);
    assertTrue(w.isEmpty(), w.list().toString());
    assertEquals(Arrays.asList(null, 250L, null), entries.stream().map(IndexEntry::contextTokens).toList());
    assertEquals(Arrays.asList(1000L, null, null), entries.stream().map(IndexEntry::contextWindow).toList());
    assertEquals("m", entries.get(2).model(), "an object value is skipped and reading goes on");
  }

  /** The merged session takes the gauges of its current session id, never those of an earlier id. */
  @Test
  void mergerTakesTheGaugesOfTheCurrentId() {
    SourceRef src = new SourceRef(SourceKind.SESSION_INDEX_JSON, "/s/sessions.json");
    IndexEntry older = new IndexEntry("agent:main:main", "main", "old", List.of(), null, null, null, null, null, null,
        null, null, "m", null, null, null, null, Instant.ofEpochMilli(1000), null, src, 5000L, 8000L, null);
    IndexEntry newer = new IndexEntry("agent:main:main", "main", "new", List.of(), null, null, null, null, null, null,
        null, null, "m", null, null, null, null, Instant.ofEpochMilli(2000), null,
        new SourceRef(SourceKind.SESSION_INDEX_SQLITE, "/a.sqlite#session_nodes"), null, 64000L, null);
    List<SessionInfo> out = new SessionMerger(SessionKeys.defaults()).merge(List.of(older, newer), List.of());
    assertEquals(1, out.size());
    SessionInfo s = out.get(0);
    assertEquals("new", s.sessionId());
    assertEquals(List.of("old"), s.previousSessionIds());
    assertEquals(null, s.contextTokens(), "the size 5000 belongs to the earlier id");
    assertEquals(64000L, s.contextWindow());
  }
}
