package io.clawmetry.core.cron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.clawmetry.api.CronJob;
import io.clawmetry.api.CronSchedule;
import io.clawmetry.api.CronState;
import io.clawmetry.api.SourceKind;
import io.clawmetry.api.WarningKind;
import io.clawmetry.core.json.Json;
import io.clawmetry.core.sqlite.ReadOnlyDatabase;
import io.clawmetry.core.testing.TestHomes;
import io.clawmetry.core.warn.Warnings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link CronStoreReader}: a real inline-state {@code jobs.json}, the 2026.9.6 state DB, legacy shapes. */
class CronStoreReaderTest {

  @TempDir Path dir;

  private Path cronDirWithRealStore() throws IOException {
    Path cron = Files.createDirectories(dir.resolve("cron"));
    Files.copy(TestHomes.testdata("real/9erson__openclaw/jobs.json"), cron.resolve("jobs.json"));
    Files.writeString(cron.resolve("jobs.json.migrated"), "{\"version\":1,\"jobs\":[{\"id\":\"ghost\",\"name\":\"x\"}]}");
    return cron;
  }

  @Test
  void readsTheRealInlineStateStore() throws IOException {
    Path cron = cronDirWithRealStore();
    Warnings w = new Warnings();
    List<CronJob> jobs = CronStoreReader.read(cron, null, w);
    assertTrue(w.isEmpty(), w.list().toString());
    assertEquals(List.of("44819451-6288-4ad9-a73c-3292e2c40c7f", "2d829c0b-fa33-4f9a-b8e9-2b3363749706"),
        jobs.stream().map(CronJob::id).toList(), "the .migrated copy is never read");
    CronJob health = jobs.get(0);
    assertEquals("Health Check", health.name());
    assertTrue(health.enabled());
    assertNull(health.agentId());
    assertEquals(new CronSchedule("cron", "0 1 * * *", "UTC", null, null), health.schedule());
    assertEquals("isolated", health.sessionTarget());
    assertEquals("agentTurn", health.payloadKind());
    assertEquals("announce", health.deliveryMode());
    assertEquals(Instant.ofEpochMilli(1772512747900L), health.createdAt());
    assertEquals(Instant.ofEpochMilli(1772586022526L), health.updatedAt());
    assertEquals(new CronState(Instant.ofEpochMilli(1772672400000L), null, Instant.ofEpochMilli(1772586000007L), "ok",
        null, 22519L, 0, "delivered"), health.state());
    assertEquals(SourceKind.CRON_STORE_JSON, health.source().kind());
    CronJob orchestrator = jobs.get(1);
    assertEquals("Orchestrator", orchestrator.name());
    assertEquals("*/15 * * * *", orchestrator.schedule().expr());
    assertEquals(272265L, orchestrator.state().lastDurationMs());
    assertEquals(Instant.ofEpochMilli(1772587800000L), orchestrator.state().nextRunAt());
  }

  @Test
  void stateDatabaseJobsEqualTheExport() throws IOException {
    Path state = TestHomes.gunzip("openclaw-2026.9.6/db/state-openclaw.sqlite.gz", dir, "state.sqlite");
    Warnings w = new Warnings();
    List<CronJob> jobs;
    try (ReadOnlyDatabase db = ReadOnlyDatabase.open(state, w).orElseThrow()) {
      jobs = CronStoreReader.read(null, db, w);
    }
    assertTrue(w.isEmpty(), w.list().toString());
    JsonNode export = Json.STRICT.readTree(TestHomes.testdata("openclaw-2026.9.6/export/cron/cron_jobs.json").toFile());
    assertEquals(4, jobs.size());
    assertEquals(export.size(), jobs.size());
    for (int i = 0; i < export.size(); i++) {
      JsonNode row = export.get(i);
      JsonNode job = row.get("job_json");
      CronJob j = jobs.get(i);
      assertEquals(row.get("job_id").asText(), j.id());
      assertEquals(row.get("name").asText(), j.name());
      assertEquals(row.get("enabled").asInt() == 1, j.enabled());
      assertEquals(row.get("payload_kind").asText(), j.payloadKind());
      assertEquals(job.get("schedule").get("kind").asText(), j.schedule().kind());
      assertEquals(job.get("schedule").path("expr").asText(null), j.schedule().expr());
      assertEquals(job.get("schedule").path("tz").asText(null), j.schedule().timeZone());
      assertEquals(job.get("schedule").has("everyMs") ? job.get("schedule").get("everyMs").asLong() : null,
          j.schedule().everyMs());
      assertEquals(row.get("state_json").get("nextRunAtMs").asLong(), j.state().nextRunAt().toEpochMilli());
      assertEquals(SourceKind.STATE_DATABASE, j.source().kind());
    }
    assertEquals(List.of("Memory Dreaming Promotion", "heartbeat-main", "skill-collection-review-main", "lab-digest"),
        jobs.stream().map(CronJob::name).toList(), "sort_order");
    assertEquals(java.util.Arrays.asList(null, "main", "main", null), jobs.stream().map(CronJob::agentId).toList());
    CronJob digest = jobs.get(3);
    assertEquals(new CronSchedule("cron", "0 9 * * *", "UTC", null, null), digest.schedule());
    assertEquals("none", digest.deliveryMode());
    assertEquals(new CronState(Instant.ofEpochMilli(1795510800000L), null, Instant.ofEpochMilli(1795494657720L), "ok",
        null, 1460L, 0, "not-requested"), digest.state());
    assertEquals(Instant.ofEpochMilli(1795494659180L), digest.updatedAt(), "cron_jobs.updated_at");
    assertEquals(new CronSchedule("every", null, null, 1800000L, null), jobs.get(1).schedule());
    assertEquals("heartbeat", jobs.get(1).payloadKind());
  }

  @Test
  void legacyBareArrayWithSidecarAndTheDatabaseWinsPerId() throws IOException {
    Path cron = Files.createDirectories(dir.resolve("cron"));
    Files.writeString(cron.resolve("jobs.json"), """
        // JSON5: comments, unquoted keys, single quotes, trailing commas
        [
          {jobId: 'old-1', name: 'Legacy cron', kind: 'cron', cron: '*/5 * * * *', tz: 'Europe/Berlin',
           payload: {kind: 'SYSTEMEVENT', text: 'ping'}, enabled: false,},
          {id: 'old-2', name: 'One shot', atMs: 1767225600000, message: 'wake up'},
          {id: 'old-3', name: 'ISO one shot', schedule: {kind: 'at', at: '2026-02-01T10:00:00Z'},
           payload: {kind: 'agentTurn', message: 'hi'}, state: {lastStatus: 'error', consecutiveErrors: 9}},
          {id: '73e9eb0b-fe71-4e50-9141-5ebe8f038852', name: 'file copy of lab-digest'},
          {name: 'no id'},
        ]
        """);
    Files.writeString(cron.resolve("jobs-state.json"), """
        {"version": 1, "jobs": {"old-3": {"updatedAtMs": 1769000000000,
          "state": {"lastRunStatus": "ok", "lastError": null, "consecutiveErrors": 0, "runningAtMs": 1769000000001}}}}
        """);
    Path state = TestHomes.gunzip("openclaw-2026.9.6/db/state-openclaw.sqlite.gz", dir, "state.sqlite");
    Warnings w = new Warnings();
    List<CronJob> jobs;
    try (ReadOnlyDatabase db = ReadOnlyDatabase.open(state, w).orElseThrow()) {
      jobs = CronStoreReader.read(cron, db, w);
    }
    assertEquals(7, jobs.size(), "4 from the DB, 3 only in the file");
    assertEquals("lab-digest", jobs.get(3).name(), "the DB wins for a shared id");
    CronJob legacy = jobs.get(4);
    assertEquals("old-1", legacy.id());
    assertFalse(legacy.enabled());
    assertEquals(new CronSchedule("cron", "*/5 * * * *", "Europe/Berlin", null, null), legacy.schedule());
    assertEquals("systemEvent", legacy.payloadKind());
    CronJob oneShot = jobs.get(5);
    assertEquals(new CronSchedule("at", null, null, null, Instant.ofEpochMilli(1767225600000L)), oneShot.schedule());
    assertEquals("agentTurn", oneShot.payloadKind(), "top-level message");
    assertTrue(oneShot.enabled());
    CronJob iso = jobs.get(6);
    assertEquals(Instant.parse("2026-02-01T10:00:00Z"), iso.schedule().at());
    assertEquals(new CronState(null, Instant.ofEpochMilli(1769000000001L), null, "ok", null, null, 0, null),
        iso.state(), "the sidecar state replaces the inline one");
    assertEquals(Instant.ofEpochMilli(1769000000000L), iso.updatedAt());
    assertEquals(1, w.list().size(), w.list().toString());
    assertEquals(WarningKind.MALFORMED_LINE, w.list().get(0).kind());
    assertEquals("job 5", w.list().get(0).firstPosition());
  }

  @Test
  void brokenStoreIsAWarning() throws IOException {
    Path cron = Files.createDirectories(dir.resolve("cron"));
    Files.writeString(cron.resolve("jobs.json"), "{\"version\":1,\"jobs\":[{\"id\":");
    Warnings w = new Warnings();
    assertEquals(List.of(), CronStoreReader.read(cron, null, w));
    assertEquals(WarningKind.MALFORMED_LINE, w.list().get(0).kind());
  }
}
