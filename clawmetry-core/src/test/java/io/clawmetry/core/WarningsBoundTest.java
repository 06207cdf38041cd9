package io.clawmetry.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clawmetry.api.ClawMetry;
import io.clawmetry.api.Warning;
import io.clawmetry.core.discovery.Environment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The facade keeps what the latest read of each job's run log said only for the most recently read jobs: job ids come
 * from callers (the dashboard's {@code /api/crons/<id>/runs}), and a warning that every job's read gives (a state
 * database that cannot be opened, a damaged run log each) must not make its memory grow with each distinct id asked.
 */
class WarningsBoundTest {

  @TempDir Path tmp;

  @Test
  void runLogWarningsAreKeptForTheLastJobsReadOnly() throws Exception {
    Path home = tmp.resolve("home");
    Files.createDirectories(home.resolve("agents/main/sessions"));
    Path runs = Files.createDirectories(home.resolve("cron/runs"));
    int jobs = DefaultClawMetry.MAX_JOB_PARTS + 44;
    for (int i = 0; i < jobs; i++) {
      Files.writeString(runs.resolve("job-" + i + ".jsonl"), "this is not json\n");
    }
    try (ClawMetry cm = ClawMetryBuilder.create().environment(Environment.of(Map.of(), tmp.resolve("u")))
        .stateDir(home).build()) {
      for (int i = 0; i < jobs; i++) {
        assertEquals(1, cm.cronRuns("job-" + i).warnings().size(), "job-" + i);
      }
      List<Warning> runLogs = cm.warnings().stream().filter(w -> w.source().contains("job-")).toList();
      assertEquals(DefaultClawMetry.MAX_JOB_PARTS, runLogs.size());
      assertTrue(runLogs.stream().anyMatch(w -> w.source().endsWith("job-" + (jobs - 1) + ".jsonl")), "the latest");
      assertFalse(runLogs.stream().anyMatch(w -> w.source().endsWith("job-0.jsonl")), "the oldest went");
      cm.cronRuns("job-50"); // read again: the most recent now
      assertTrue(cm.warnings().stream().anyMatch(w -> w.source().endsWith("job-50.jsonl")));
    }
  }
}
