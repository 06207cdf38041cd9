package io.clawmetry.core.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clawmetry.api.ContentBlock;
import io.clawmetry.api.MessageRole;
import io.clawmetry.api.SourceKind;
import io.clawmetry.api.TranscriptEvent;
import io.clawmetry.core.event.EventParser;
import io.clawmetry.core.event.StreamState;
import io.clawmetry.core.sqlite.ReadOnlyDatabase;
import io.clawmetry.core.warn.Warnings;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real 2026.9.6 agent database ({@code testdata/openclaw-2026.9.6/db/agent-main-openclaw-agent.sqlite.gz}) and the
 * JSONL files rebuilt from it. Expected per-session figures are the gateway's own {@code sessions.usage}. Recorded costs
 * carry float noise as written (their raw decimal sum is 0.3019538499999999961); the normaliser rounds each to the 15
 * significant digits a double holds, after which every sum is exact: 0.30195385 in all, as the gateway reports.
 */
class AgentDatabaseFixtureTest {

  private static final String EXPORT = "openclaw-2026.9.6/export/transcripts/main";

  /** session id prefix → input, output, cacheRead, total, cost as the gateway reports them. */
  private static final Map<String, Object[]> PER_SESSION = new LinkedHashMap<>();

  static {
    PER_SESSION.put("a86f4e3f", new Object[] {42665L, 162L, 43712L, 86539L, "0.1435386"});
    PER_SESSION.put("70fd031c", new Object[] {5212L, 37L, 15552L, 20801L, "0.008829"});
    PER_SESSION.put("bb2f659a", new Object[] {12956L, 37L, 7808L, 20801L, "0.017541"});
    PER_SESSION.put("944a10d7", new Object[] {34170L, 186L, 20992L, 55348L, "0.07098025"});
    PER_SESSION.put("52b14ebb", new Object[] {12056L, 34L, 7232L, 19322L, "0.016314"});
    PER_SESSION.put("698213bc", new Object[] {14697L, 44L, 0L, 14741L, "0.044751"});
  }

  @TempDir static Path tmp;
  static Path db;

  @BeforeAll
  static void unpack() throws IOException {
    db = TestData.gunzip("openclaw-2026.9.6/db/agent-main-openclaw-agent.sqlite.gz", tmp.resolve("agent.sqlite"));
  }

  @Test
  void readsEveryRowIncludingZstdAndMatchesGatewayUsage() {
    Warnings warnings = new Warnings();
    List<RawRecord> rows = new ArrayList<>();
    try (ReadOnlyDatabase open = ReadOnlyDatabase.open(db, warnings).orElseThrow()) {
      AgentDatabaseTranscripts t = AgentDatabaseTranscripts.of(open, warnings).orElseThrow();
      assertEquals(6, t.sessionIds(warnings).size());
      t.readAll(warnings, rows::add);
    }
    assertEquals(74, rows.size());
    assertTrue(rows.stream().allMatch(r -> r.origin().kind() == SourceKind.SQLITE_TRANSCRIPT));
    EventParser parser = new EventParser(warnings);
    Map<String, EventCounts> bySession = new LinkedHashMap<>();
    EventCounts all = new EventCounts();
    Map<String, StreamState> states = new LinkedHashMap<>();
    Map<Long, TranscriptEvent.Message> zstdRows = new LinkedHashMap<>();
    for (RawRecord r : rows) {
      StreamState s = states.computeIfAbsent(r.sessionIdHint(), StreamState::new);
      TranscriptEvent e = parser.parse(r, s).orElseThrow();
      assertEquals(r.sessionIdHint(), e.meta().sessionId());
      all.accept(e);
      bySession.computeIfAbsent(r.sessionIdHint().substring(0, 8), k -> new EventCounts()).accept(e);
      if (e.meta().id() != null
          && (e.meta().id().startsWith("41cb4aa3") || e.meta().id().startsWith("acc85bfa"))) {
        zstdRows.put(r.origin().position(), (TranscriptEvent.Message) e); // the two event_zstd rows
      }
    }
    assertTrue(warnings.isEmpty(), () -> warnings.list().toString());
    assertEquals(0, all.unknown);
    assertEquals(17, all.assistant);
    assertEquals(121756, all.input);
    assertEquals(500, all.output);
    assertEquals(95296, all.cacheRead);
    assertEquals(0, all.cacheWrite);
    assertEquals(217552, all.total);
    assertEquals(0, new BigDecimal("0.30195385").compareTo(all.cost), () -> "exact " + all.cost);

    assertEquals(Set.of(13L, 10L), zstdRows.keySet(), "zstd rows are a86f4e3f seq 13 and 944a10d7 seq 10");
    for (TranscriptEvent.Message m : zstdRows.values()) {
      assertEquals(MessageRole.TOOL_RESULT, m.role());
      assertEquals("tool_call", m.toolName());
      assertFalse(m.content().isEmpty());
      assertTrue(m.content().get(0) instanceof ContentBlock.Text t && t.text().length() > 100);
    }

    assertEquals(PER_SESSION.keySet(), new HashSet<>(bySession.keySet()));
    PER_SESSION.forEach(
        (id, exp) -> {
          EventCounts c = bySession.get(id);
          assertEquals(exp[0], c.input, id);
          assertEquals(exp[1], c.output, id);
          assertEquals(exp[2], c.cacheRead, id);
          assertEquals(exp[3], c.total, id);
          assertEquals(0, new BigDecimal((String) exp[4]).compareTo(c.cost), () -> id + " " + c.cost);
        });
  }

  @Test
  void rebuiltJsonlHasTheSameDedupKeysAsTheRows() {
    Warnings warnings = new Warnings();
    Set<String> fromDb = new HashSet<>();
    new TranscriptScanner("main", null, null, db).scan(warnings, e -> fromDb.add(e.meta().dedupKey()));
    Set<String> fromFiles = new HashSet<>();
    EventCounts files = new EventCounts();
    new TranscriptScanner("main", TestData.path(EXPORT), null, null)
        .scan(
            warnings,
            e -> {
              fromFiles.add(e.meta().dedupKey());
              files.accept(e);
            });
    assertTrue(warnings.isEmpty(), () -> warnings.list().toString());
    assertEquals(74, fromDb.size());
    assertEquals(fromDb, fromFiles);
    assertEquals(17, files.assistant);
    assertEquals(217552, files.total);
  }

  @Test
  void databaseAndFilesTogetherCountEachEntryOnce() {
    Warnings warnings = new Warnings();
    TranscriptScanner scanner = new TranscriptScanner("main", TestData.path(EXPORT), null, db);
    EventCounts c = new EventCounts();
    List<TranscriptEvent> events = new ArrayList<>();
    scanner.scan(
        warnings,
        e -> {
          c.accept(e);
          events.add(e);
        });
    assertTrue(warnings.isEmpty(), () -> warnings.list().toString());
    assertEquals(74, c.events);
    assertEquals(17, c.assistant);
    assertEquals(121756, c.input);
    assertEquals(95296, c.cacheRead);
    assertEquals(217552, c.total);
    assertTrue(
        events.stream().allMatch(e -> e.meta().origin().kind() == SourceKind.SQLITE_TRANSCRIPT),
        "database rows are read first, so every kept copy is a row");

    List<TranscriptSummary> summaries = scanner.summaries(warnings);
    assertEquals(6, summaries.size());
    long assistants = 0;
    for (TranscriptSummary s : summaries) {
      assertEquals("main", s.agentId());
      assertEquals(2, s.sources().size(), s.sessionId() + " is in the database and in one rebuilt file");
      assertTrue(!s.firstTimestamp().isAfter(s.lastTimestamp()));
      assistants += s.assistantMessages();
    }
    assertEquals(17, assistants);
    TranscriptSummary lab2 =
        summaries.stream().filter(s -> s.sessionId().startsWith("944a10d7")).findFirst().orElseThrow();
    assertEquals(17, lab2.events());
    assertEquals(4, lab2.assistantMessages());
    assertEquals("mocklm", lab2.lastProvider());
    assertEquals("mock-1", lab2.lastModel());
    assertEquals(Instant.parse("2026-11-24T04:30:39.983Z"), lab2.firstTimestamp());

    List<TranscriptEvent> one = scanner.session("a86f4e3f-1c4c-46b7-9561-d5f86bebbb33", warnings);
    assertEquals(23, one.size());
    assertTrue(one.get(0) instanceof TranscriptEvent.SessionHeader h && h.version() == 4);
    for (int i = 1; i < one.size(); i++) {
      assertFalse(one.get(i).meta().timestamp().isBefore(one.get(i - 1).meta().timestamp()), "time order");
    }
    assertTrue(warnings.isEmpty(), () -> warnings.list().toString());
  }
}
