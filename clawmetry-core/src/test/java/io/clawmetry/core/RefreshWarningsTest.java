package io.clawmetry.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clawmetry.api.ClawMetry;
import io.clawmetry.api.RefreshStats;
import io.clawmetry.api.UsageQuery;
import io.clawmetry.api.Warning;
import io.clawmetry.api.WarningKind;
import io.clawmetry.core.discovery.Environment;
import io.clawmetry.core.testing.TestHomes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a refresh reads that adds no event still changes the reports' warnings: a malformed line appended alone, a
 * half-written line, and the line that completes it (which clears that warning), with and without watching.
 */
class RefreshWarningsTest {

  @TempDir Path tmp;

  private static final String FILE = "agents/main/sessions/98f4ef5b-0253-417d-b046-032c6a6ac04e.jsonl";

  private static List<Warning> of(ClawMetry cm, WarningKind kind, Path file) {
    return cm.usage(UsageQuery.daily(ZoneId.of("UTC"))).warnings().stream()
        .filter(w -> w.kind() == kind && w.source().equals(file.toString()))
        .toList();
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void warningsOfAReadWithoutNewEventsReachTheReports(boolean watch) throws Exception {
    Path home = TestHomes.exampleHomeCopy(tmp);
    Path f = home.resolve(FILE);
    try (ClawMetry cm = ClawMetryBuilder.create().environment(Environment.of(Map.of(), tmp.resolve("u")))
        .stateDir(home).watchFiles(watch).build()) {
      long total = cm.usage(UsageQuery.daily(ZoneId.of("UTC"))).totals().tokens().total();
      assertEquals(List.of(), of(cm, WarningKind.MALFORMED_LINE, f));

      Files.writeString(f, "this is not json\n", StandardOpenOption.APPEND);
      RefreshStats s = refreshUntilRead(cm, watch);
      assertEquals(0, s.newEvents());
      List<Warning> malformed = of(cm, WarningKind.MALFORMED_LINE, f);
      assertEquals(1, malformed.size(), "the appended malformed line is reported");
      assertEquals(1, malformed.get(0).count());

      Files.writeString(f, "{\"type\":\"mess", StandardOpenOption.APPEND);
      refreshUntilRead(cm, watch);
      assertEquals(1, of(cm, WarningKind.INCOMPLETE_LINE, f).size(), "the half-written line is reported");

      Files.writeString(f, "age\",\"id\":\"x1\"}\n", StandardOpenOption.APPEND);
      refreshUntilRead(cm, watch);
      assertEquals(List.of(), of(cm, WarningKind.INCOMPLETE_LINE, f), "completed: no longer incomplete");
      assertEquals(1, of(cm, WarningKind.MALFORMED_LINE, f).size());
      assertEquals(total, cm.usage(UsageQuery.daily(ZoneId.of("UTC"))).totals().tokens().total());
      // found by review: the facade's own list and the overview kept the cleared warning
      assertTrue(cm.warnings().stream().noneMatch(w -> w.kind() == WarningKind.INCOMPLETE_LINE
          && w.source().equals(f.toString())), cm.warnings().toString());
      assertTrue(cm.overview(ZoneId.of("UTC")).warnings().stream().noneMatch(w -> w.kind() == WarningKind.INCOMPLETE_LINE
          && w.source().equals(f.toString())));
      assertEquals(1, cm.warnings().stream().filter(w -> w.kind() == WarningKind.MALFORMED_LINE
          && w.source().equals(f.toString())).count());
    }
  }

  /**
   * The dashboard's transcript view read the session while its last line was half-written: once the line is complete,
   * the facade's warnings and the overview no longer say it is incomplete, as on a fresh facade that ran the same reads
   * (the transcript read's warnings went into the facade's list, where they stayed).
   */
  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void aTranscriptReadLeavesNoWarningBehindItsCause(boolean watch) throws Exception {
    Path home = TestHomes.exampleHomeCopy(tmp);
    Path f = home.resolve(FILE);
    try (ClawMetry cm = ClawMetryBuilder.create().environment(Environment.of(Map.of(), tmp.resolve("u")))
        .stateDir(home).watchFiles(watch).build()) {
      String key = cm.session("98f4ef5b-0253-417d-b046-032c6a6ac04e").orElseThrow().key();
      Files.writeString(f, "{\"type\":\"mess", StandardOpenOption.APPEND);
      refreshUntilRead(cm, watch);
      assertTrue(cm.transcript(key).warnings().stream().anyMatch(w -> w.kind() == WarningKind.INCOMPLETE_LINE));
      Files.writeString(f, "age\",\"id\":\"x1\"}\n", StandardOpenOption.APPEND);
      refreshUntilRead(cm, watch);
      cm.transcript(key);
      try (ClawMetry fresh = ClawMetryBuilder.create().environment(Environment.of(Map.of(), tmp.resolve("u")))
          .stateDir(home).build()) {
        fresh.transcript(key);
        assertEquals(fresh.warnings(), cm.warnings());
        assertEquals(fresh.overview(ZoneId.of("UTC")).warnings(), cm.overview(ZoneId.of("UTC")).warnings());
      }
    }
  }

  /**
   * A cron run log line and the session index read while being written, then complete: the facade's warnings and the
   * overview are those of a fresh facade that ran the same reads (the malformed run log line and the broken index
   * stayed in the facade's list after their files were whole again).
   */
  @org.junit.jupiter.api.Test
  void warningsOfFilesWrittenAgainAreThoseOfTheirCurrentState() throws Exception {
    Path home = TestHomes.exampleHomeCopy(tmp);
    String job = "8ffb5d42-a447-4694-b628-ec66a39b22dd";
    Path log = home.resolve("cron/runs/" + job + ".jsonl");
    Path index = home.resolve("agents/main/sessions/sessions.json");
    byte[] whole = Files.readAllBytes(index);
    String line = "{\"ts\":1795193200000,\"jobId\":\"" + job + "\",\"action\":\"finished\",\"status\":\"ok\"}\n";
    try (ClawMetry cm = ClawMetryBuilder.create().environment(Environment.of(Map.of(), tmp.resolve("u")))
        .stateDir(home).build()) {
      Files.writeString(log, line.substring(0, 30), StandardOpenOption.APPEND);
      Files.writeString(index, "{\"agent:main:x\": {\"sessionId\"");
      cm.refresh();
      cm.sessions();
      cm.cronRuns(job);
      cm.overview(ZoneId.of("UTC"));
      Files.writeString(log, line.substring(30), StandardOpenOption.APPEND);
      Files.write(index, whole);
      cm.refresh();
      cm.sessions();
      cm.cronRuns(job);
      try (ClawMetry fresh = ClawMetryBuilder.create().environment(Environment.of(Map.of(), tmp.resolve("u")))
          .stateDir(home).build()) {
        fresh.sessions();
        fresh.cronRuns(job);
        assertEquals(fresh.warnings(), cm.warnings());
        assertEquals(fresh.overview(ZoneId.of("UTC")).warnings(), cm.overview(ZoneId.of("UTC")).warnings());
      }
    }
  }

  /** Refreshes until the appended bytes were read (the directory watch reports them asynchronously). */
  private static RefreshStats refreshUntilRead(ClawMetry cm, boolean watch) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (true) {
      RefreshStats s = cm.refresh();
      if (s.filesRead() > 0 || !watch || System.nanoTime() > deadline) {
        assertTrue(s.filesRead() > 0, "the appended bytes were read");
        return s;
      }
      Thread.sleep(20);
    }
  }
}
