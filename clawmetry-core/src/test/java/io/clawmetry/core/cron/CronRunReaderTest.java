package io.clawmetry.core.cron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.clawmetry.api.CronRun;
import io.clawmetry.api.SourceKind;
import io.clawmetry.api.Usage;
import io.clawmetry.api.WarningKind;
import io.clawmetry.core.json.Json;
import io.clawmetry.core.sqlite.ReadOnlyDatabase;
import io.clawmetry.core.testing.TestHomes;
import io.clawmetry.core.warn.Warnings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link CronRunReader}: real run logs laid out as {@code cron/runs/<jobId>.jsonl}, and the 2026.9.6 state DB. */
class CronRunReaderTest {

  private static final String HEALTH = "44819451-6288-4ad9-a73c-3292e2c40c7f";
  private static final String MARVIN = "94445c27-fb63-460a-9f83-8c14a2a25cf7";
  private static final String DIGEST = "73e9eb0b-fe71-4e50-9141-5ebe8f038852";

  @TempDir Path dir;

  private Path cronDir() throws IOException {
    Path runs = Files.createDirectories(dir.resolve("cron/runs"));
    Files.copy(TestHomes.testdata("real/9erson__openclaw/" + HEALTH + ".jsonl"), runs.resolve(HEALTH + ".jsonl"));
    Files.copy(TestHomes.testdata("real/osyris__openclaw-marvin/" + MARVIN + ".jsonl"), runs.resolve(MARVIN + ".jsonl"));
    return dir.resolve("cron");
  }

  @Test
  void realRunLogHasThreeOkRunsWithLoggedUsage() throws IOException {
    Warnings w = new Warnings();
    List<CronRun> runs = CronRunReader.read(HEALTH, cronDir(), null, w);
    assertTrue(w.isEmpty(), w.list().toString());
    assertEquals(3, runs.size());
    assertEquals(List.of("9e985a9b-9994-4d92-89f9-143ee979db13", "8533141f-2964-4da0-b90b-f6d9d978cb23",
        "e4008982-26e2-4ad1-bba9-0c9a9c3e25d9"), runs.stream().map(CronRun::sessionId).toList(), "newest first");
    assertEquals(List.of("ok", "ok", "ok"), runs.stream().map(CronRun::status).toList());
    assertEquals(List.of(new Usage(420, 377, 0, 0, 15147, 0, null), new Usage(652, 225, 0, 0, 15404, 0, null),
        new Usage(3886, 208, 0, 0, 15029, 0, null)), runs.stream().map(CronRun::usage).toList(),
        "total_tokens as logged, never input + output");
    assertEquals(List.of(22519L, 16758L, 10512L), runs.stream().map(CronRun::durationMs).toList());
    CronRun newest = runs.get(0);
    assertEquals(HEALTH, newest.jobId());
    assertNull(newest.runId());
    assertEquals(Instant.ofEpochMilli(1772586000007L), newest.startedAt());
    assertEquals(Instant.ofEpochMilli(1772586190848L), newest.finishedAt());
    assertEquals("zai", newest.provider());
    assertEquals("glm-5", newest.model());
    assertEquals("delivered", newest.deliveryStatus());
    assertEquals("agent:main:cron:" + HEALTH + ":run:9e985a9b-9994-4d92-89f9-143ee979db13", newest.sessionKey());
    assertTrue(newest.summary().startsWith("**Health Check Summary — March 4, 2026"));
    assertEquals(SourceKind.CRON_RUN_LOG, newest.source().kind());
  }

  @Test
  void realErrorRun() throws IOException {
    Warnings w = new Warnings();
    List<CronRun> runs = CronRunReader.read(MARVIN, cronDir(), null, w);
    assertTrue(w.isEmpty());
    assertEquals(1, runs.size());
    CronRun r = runs.get(0);
    assertEquals("error", r.status());
    assertEquals("FailoverError: OAuth token refresh failed for openai-codex: Failed to refresh OAuth token for "
        + "openai-codex. Please try again or re-authenticate.", r.error());
    assertEquals("unknown", r.deliveryStatus());
    assertEquals(372L, r.durationMs());
    assertEquals("70544633-9448-4a3a-b329-876879d721dc", r.sessionId());
    assertEquals(Instant.ofEpochMilli(1773082980025L), r.startedAt());
    assertEquals(Instant.ofEpochMilli(1773082980405L), r.finishedAt());
    assertNull(r.usage());
    assertNull(r.model());
  }

  @Test
  void malformedLinesAreOneWarningWithACount() throws IOException {
    Path cron = cronDir();
    Files.writeString(cron.resolve("runs/" + HEALTH + ".jsonl"),
        "not json\n{\"ts\":1,\"action\":\"started\"}\n[1,2]\n\n{\"ts\":5,\"status\":\"ok\",\"usage\":{\"input_tokens\":1,"
            + "\"output_tokens\":2,\"cache_read_tokens\":3,\"cache_write_tokens\":4}}\n",
        StandardOpenOption.APPEND);
    Warnings w = new Warnings();
    List<CronRun> runs = CronRunReader.read(HEALTH, cron, null, w);
    assertEquals(4, runs.size(), "3 real runs + 1 without action; the 'started' entry is not a run");
    assertEquals(new Usage(1, 2, 3, 4, 10, 0, null), runs.get(3).usage(), "no total logged: the sum");
    assertEquals(1, w.list().size());
    assertEquals(WarningKind.MALFORMED_LINE, w.list().get(0).kind());
    assertEquals(2, w.list().get(0).count());
    assertEquals("line 4", w.list().get(0).firstPosition());
  }

  @Test
  void stateDatabaseRunsEqualTheExport() throws IOException {
    Path state = TestHomes.gunzip("openclaw-2026.9.6/db/state-openclaw.sqlite.gz", dir, "state.sqlite");
    Warnings w = new Warnings();
    List<CronRun> runs;
    List<CronRun> otherJob;
    try (ReadOnlyDatabase db = ReadOnlyDatabase.open(state, w).orElseThrow()) {
      runs = CronRunReader.read(DIGEST, null, db, w);
      otherJob = CronRunReader.read("11ad0276-c4cb-4384-8474-3c84b244b2a3", null, db, w);
    }
    assertTrue(w.isEmpty(), w.list().toString());
    assertEquals(List.of(), otherJob, "heartbeat-main never ran");
    JsonNode tasks = Json.STRICT.readTree(TestHomes.testdata("openclaw-2026.9.6/export/cron/task_runs.json").toFile());
    JsonNode receipts =
        Json.STRICT.readTree(TestHomes.testdata("openclaw-2026.9.6/export/cron/cron_run_receipts.json").toFile());
    assertEquals(2, runs.size());
    assertEquals(receipts.size(), runs.size());
    // Export rows are oldest first (task 5 and 6 are the cron runs); the reader returns newest first.
    for (int i = 0; i < 2; i++) {
      JsonNode task = tasks.get(5 - i);
      JsonNode d = task.get("detail_json");
      JsonNode receipt = receipts.get(1 - i);
      CronRun r = runs.get(i);
      assertEquals(d.get("runId").asText(), r.runId());
      assertEquals(receipt.get("request_run_id").asText(), r.runId());
      assertEquals(d.get("status").asText(), r.status());
      assertEquals(receipt.get("status").asText(), r.status());
      assertEquals(d.get("sessionId").asText(), r.sessionId());
      assertEquals(task.get("child_session_key").asText(), r.sessionKey());
      assertEquals(d.get("durationMs").asLong(), r.durationMs());
      assertEquals(d.get("runAtMs").asLong(), r.startedAt().toEpochMilli());
      assertEquals(receipt.get("finished_at_ms").asLong(), r.finishedAt().toEpochMilli());
      assertEquals(d.get("usage").get("input_tokens").asLong(), r.usage().input());
      assertEquals(d.get("usage").get("cache_read_tokens").asLong(), r.usage().cacheRead());
      assertEquals(d.get("usage").get("total_tokens").asLong(), r.usage().total());
      assertEquals(SourceKind.STATE_DATABASE, r.source().kind());
    }
    CronRun newest = runs.get(0);
    assertEquals("manual:" + DIGEST + ":1795494657708:2", newest.runId());
    assertEquals("70fd031c-0542-4507-bbef-8d2171f019f7", newest.sessionId());
    assertEquals(new Usage(5212, 37, 15552, 0, 20801, 0, null), newest.usage());
    assertEquals(new Usage(12956, 37, 7808, 0, 20801, 0, null), runs.get(1).usage(), "12 956 + 7808 + 37 = 20 801");
    assertEquals("mockresp", newest.provider());
    assertEquals("mock-2", newest.model());
    assertEquals("not-requested", newest.deliveryStatus());
    assertEquals(Instant.ofEpochMilli(1795494659180L), newest.finishedAt());
  }

  @Test
  void databaseAndRunLogDedupByRunIdAndSessionId() throws IOException {
    Path state = TestHomes.gunzip("openclaw-2026.9.6/db/state-openclaw.sqlite.gz", dir, "state.sqlite");
    Path runs = Files.createDirectories(dir.resolve("cron/runs"));
    Files.writeString(runs.resolve(DIGEST + ".jsonl"), String.join("\n",
        "{\"ts\":1795494659180,\"jobId\":\"" + DIGEST + "\",\"action\":\"finished\",\"status\":\"ok\","
            + "\"runId\":\"manual:" + DIGEST + ":1795494657708:2\",\"summary\":\"from the file\"}",
        "{\"ts\":1795494656386,\"jobId\":\"" + DIGEST + "\",\"action\":\"finished\",\"status\":\"ok\","
            + "\"sessionId\":\"bb2f659a-4ad5-4029-81e0-68e196a56bc2\"}",
        "{\"ts\":1700000000000,\"jobId\":\"" + DIGEST + "\",\"action\":\"finished\",\"status\":\"skipped\"}",
        ""));
    Warnings w = new Warnings();
    List<CronRun> out;
    try (ReadOnlyDatabase db = ReadOnlyDatabase.open(state, w).orElseThrow()) {
      out = CronRunReader.read(DIGEST, dir.resolve("cron"), db, w);
    }
    assertEquals(List.of("ok", "ok", "skipped"), out.stream().map(CronRun::status).toList());
    assertTrue(out.get(0).summary().startsWith("Mock LLM"), "the database leads");
    assertEquals(SourceKind.STATE_DATABASE, out.get(1).source().kind());
    assertEquals(SourceKind.CRON_RUN_LOG, out.get(2).source().kind());
  }
}
