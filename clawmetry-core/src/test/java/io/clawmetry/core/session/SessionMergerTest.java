package io.clawmetry.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.clawmetry.api.SessionInfo;
import io.clawmetry.api.SessionKind;
import io.clawmetry.api.SourceKind;
import io.clawmetry.api.SourceRef;
import io.clawmetry.core.source.TranscriptSummary;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link SessionMerger}: folding index entries and transcript summaries into sessions. */
class SessionMergerTest {

  private static final SourceRef JSON_INDEX = new SourceRef(SourceKind.SESSION_INDEX_JSON, "/s/sessions.json");
  private static final SourceRef DB_INDEX = new SourceRef(SourceKind.SESSION_INDEX_SQLITE, "/a.sqlite#session_nodes");

  private static IndexEntry entry(String key, String agent, String id, List<String> prev, String model,
      String spawnedBy, Integer depth, Long updated, SourceRef src) {
    return new IndexEntry(key, agent, id, prev, null, null, spawnedBy, null, depth, null, null,
        model == null ? null : "prov", model, null, null, null, null,
        updated == null ? null : Instant.ofEpochMilli(updated), null, src, null, null, null);
  }

  private static TranscriptSummary summary(String agent, String id, long first, long last, String model) {
    return new TranscriptSummary(agent, id, null,
        List.of(new SourceRef(SourceKind.JSONL_TRANSCRIPT, "/t/" + id + ".jsonl")),
        Instant.ofEpochMilli(first), Instant.ofEpochMilli(last), model == null ? null : "tprov", model, 10, 2, null);
  }

  /**
   * Merging groups in parallel (as for thousands of sessions) gives exactly what one thread gives: seeded entries of
   * several agents and keys, with repeated keys across indexes, earlier ids, sub-agents, missing times and transcript
   * summaries (some orphans).
   */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(longs = {1, 2, 3, 4, 5})
  void parallelMergeEqualsSequential(long seed) {
    java.util.Random r = new java.util.Random(seed);
    List<IndexEntry> entries = new java.util.ArrayList<>();
    List<TranscriptSummary> transcripts = new java.util.ArrayList<>();
    for (int k = 0; k < 3_000; k++) {
      String agent = r.nextBoolean() ? "main" : "ops";
      String key = "agent:" + agent + ":" + (r.nextInt(5) == 0 ? "subagent:" : "telegram:direct:") + r.nextInt(2_500);
      String id = "s" + r.nextInt(4_000);
      List<String> prev = r.nextInt(4) == 0 ? List.of("s" + r.nextInt(4_000)) : List.of();
      entries.add(entry(key, agent, id, prev, r.nextBoolean() ? "m" + r.nextInt(3) : null,
          r.nextInt(6) == 0 ? "agent:main:main" : null, r.nextInt(5) == 0 ? 1 : null,
          r.nextInt(8) == 0 ? null : (long) r.nextInt(1_000_000), r.nextBoolean() ? JSON_INDEX : DB_INDEX));
      if (r.nextInt(3) > 0) {
        long first = r.nextInt(1_000_000);
        transcripts.add(summary(agent, "s" + r.nextInt(4_500), first, first + r.nextInt(10_000),
            r.nextBoolean() ? "t" + r.nextInt(3) : null));
      }
    }
    List<SessionInfo> sequential = new SessionMerger(SessionKeys.defaults(), Integer.MAX_VALUE).merge(entries,
        transcripts);
    List<SessionInfo> parallel = new SessionMerger(SessionKeys.defaults(), 1).merge(entries, transcripts);
    assertEquals(sequential, parallel, "seed " + seed);
    assertEquals(true, sequential.size() > 2_000, "seed " + seed + ": " + sequential.size() + " sessions");
  }

  @Test
  void mergesIndexesAndTranscripts() {
    List<IndexEntry> entries = List.of(
        entry("agent:main:main", "main", "m2", List.of("m1"), null, null, null, 500L, DB_INDEX),
        entry("agent:main:main", "main", "m1", List.of(), "old-model", null, null, 100L, JSON_INDEX),
        entry("agent:main:subagent:c", "main", "c1", List.of(), "x", "agent:main:main", null, 300L, JSON_INDEX),
        entry("agent:ops:telegram:group:-5", "ops", "g1", List.of(), "y", null, null, null, JSON_INDEX));
    List<TranscriptSummary> transcripts = List.of(
        summary("main", "m1", 10, 90, "t-old"),
        summary("main", "m2", 110, 490, "t-new"),
        summary("ops", "g1", 1000, 2000, "t-g"),
        summary("main", "orphan", 50, 700, "t-orphan"));
    List<SessionInfo> out = new SessionMerger(SessionKeys.defaults()).merge(entries, transcripts);

    assertEquals(List.of("agent:ops:telegram:group:-5", "session:orphan", "agent:main:main", "agent:main:subagent:c"),
        out.stream().map(SessionInfo::key).toList(), "updatedAt desc; the group's comes from its transcript");

    SessionInfo main = out.get(2);
    assertEquals(SessionKind.MAIN, main.kind());
    assertEquals("m2", main.sessionId());
    assertEquals(List.of("m1"), main.previousSessionIds());
    assertEquals("t-new", main.model(), "the current id's transcript beats the index model of an earlier id");
    assertEquals("tprov", main.provider());
    assertEquals(Instant.ofEpochMilli(10), main.startedAt(), "earliest transcript event fills a missing start");
    assertEquals(Instant.ofEpochMilli(500), main.updatedAt());
    assertEquals(List.of("/t/m1.jsonl", "/t/m2.jsonl"), main.transcripts().stream().map(SourceRef::path).toList());
    assertEquals(List.of(DB_INDEX, JSON_INDEX), main.sources());

    SessionInfo group = out.get(0);
    assertEquals(SessionKind.GROUP, group.kind());
    assertEquals("ops", group.agentId());
    assertEquals(Instant.ofEpochMilli(2000), group.updatedAt());
    assertEquals("y", group.model());

    SessionInfo orphan = out.get(1);
    assertEquals(SessionKind.OTHER, orphan.kind());
    assertEquals("orphan", orphan.sessionId());
    assertEquals("t-orphan", orphan.model());
    assertEquals("tprov", orphan.provider());
    assertEquals(Instant.ofEpochMilli(50), orphan.startedAt());
    assertEquals(List.of(), orphan.sources());

    SessionInfo sub = out.get(3);
    assertEquals(SessionKind.SUBAGENT, sub.kind());
    assertEquals("agent:main:main", sub.spawnedBy());
    assertEquals(1, sub.depth());
  }

  private static TranscriptSummary cronSummary(String id, String jobId) {
    return new TranscriptSummary("main", id, null, List.of(new SourceRef(SourceKind.JSONL_TRANSCRIPT, "/t/" + id)),
        Instant.ofEpochMilli(1), Instant.ofEpochMilli(2), null, null, 3, 1, jobId);
  }

  /**
   * A transcript that no index entry names and whose first prompt names a cron job: an isolated run of that job when
   * no run log names it (its line pruned), the run log's own run key first, a cron session when a run log names it by
   * a job's key several ids share (with or without a prompt); without either it stays other.
   */
  @Test
  void transcriptOnlyCronPromptsAreCronRuns() {
    List<SessionInfo> out = new SessionMerger(SessionKeys.defaults()).merge(
        List.of(),
        List.of(cronSummary("s1", "job-1"), cronSummary("s2", "job-1"), cronSummary("s3", "job-1"),
            cronSummary("s4", null), cronSummary("s5", null), cronSummary("s6", null)),
        java.util.Map.of("s2", "agent:main:cron:job-2:run:s2", "s3", "agent:main:cron:job-1",
            "s5", "agent:main:cron:job-1", "s6", "agent:main:main"));
    java.util.Map<String, String> kinds = new java.util.TreeMap<>();
    out.forEach(s -> kinds.put(s.key(), s.kind().name()));
    assertEquals(
        java.util.Map.of(
            "agent:main:cron:job-1:run:s1", "CRON_RUN",
            "agent:main:cron:job-2:run:s2", "CRON_RUN",
            "session:s3", "CRON",
            "session:s4", "OTHER",
            "session:s5", "CRON", // a job's shared key, no prompt: a cron session by the run log alone
            "session:s6", "OTHER"), // the main session's key, shared by every id it had: not this transcript's
        kinds);
  }

  @Test
  void transcriptModelFillsAMissingModel() {
    List<SessionInfo> out = new SessionMerger(SessionKeys.defaults()).merge(
        List.of(entry("agent:main:main", "main", "m1", List.of(), null, null, null, 5L, JSON_INDEX)),
        List.of(summary("main", "m1", 1, 4, "t-model")));
    assertEquals(1, out.size());
    assertEquals("t-model", out.get(0).model());
    assertEquals("tprov", out.get(0).provider());
    assertNull(out.get(0).status());
    assertEquals(0, out.get(0).depth());
  }

  @Test
  void lineageOnlySubagentWithoutKeyMarkerIsDepthOne() {
    List<SessionInfo> out = new SessionMerger(SessionKeys.defaults()).merge(
        List.of(entry("agent:main:worker", "main", "w", List.of(), null, "agent:main:main", null, 1L, JSON_INDEX),
            entry("agent:main:deep", "main", "d", List.of(), null, "agent:main:worker", 2, 2L, JSON_INDEX)),
        List.of());
    assertEquals(List.of(2, 1), out.stream().map(SessionInfo::depth).toList());
  }
}
