package io.clawmetry.core.cron;

import static io.clawmetry.core.json.JsonNodes.first;

import com.fasterxml.jackson.databind.JsonNode;
import io.clawmetry.api.CronRun;
import io.clawmetry.api.SourceKind;
import io.clawmetry.api.SourceRef;
import io.clawmetry.api.WarningKind;
import io.clawmetry.core.json.Json;
import io.clawmetry.core.sqlite.ReadOnlyDatabase;
import io.clawmetry.core.warn.Warnings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Reads the runs of one cron job (FORMATS §7) from the run log {@code <cronDir>/runs/<jobId>.jsonl} (never the
 * {@code .jsonl.migrated} copy) and from the state database ({@code task_runs} + {@code cron_run_receipts}). Runs that
 * share a run id or a session id are one run; the database leads. Newest first.
 */
public final class CronRunReader {

  private static final Comparator<CronRun> NEWEST_FIRST =
      Comparator.comparing((CronRun r) -> first(r.finishedAt(), r.startedAt()),
              Comparator.nullsLast(Comparator.reverseOrder()))
          .thenComparing(CronRun::runId, Comparator.nullsLast(Comparator.naturalOrder()));

  private CronRunReader() {}

  /**
   * Reads every run of a job.
   *
   * @param jobId the job id
   * @param cronDir the cron dir ({@code <stateDir>/cron}), or null
   * @param stateDb the state database, or null
   * @param warnings where problems are reported
   * @return the runs, newest first
   */
  public static List<CronRun> read(String jobId, Path cronDir, ReadOnlyDatabase stateDb, Warnings warnings) {
    List<CronRun> all = new ArrayList<>();
    if (stateDb != null) {
      all.addAll(readDatabase(stateDb, jobId, warnings));
    }
    if (cronDir != null) {
      all.addAll(readRunLog(cronDir.resolve("runs").resolve(jobId + ".jsonl"), jobId, warnings));
    }
    return dedupNewestFirst(all);
  }

  /**
   * Reads a run log. Malformed lines become one {@code MALFORMED_LINE} warning with their count and the first line
   * number; entries whose {@code action} is not {@code finished} are not runs and are skipped.
   *
   * @param runLog the {@code runs/<jobId>.jsonl} file
   * @param jobId the job id, used for entries that name none
   * @param warnings where problems are reported
   * @return the runs, newest first
   */
  public static List<CronRun> readRunLog(Path runLog, String jobId, Warnings warnings) {
    if (!Files.isRegularFile(runLog)) {
      return List.of();
    }
    String path = runLog.toAbsolutePath().toString();
    SourceRef source = new SourceRef(SourceKind.CRON_RUN_LOG, path);
    List<CronRun> out = new ArrayList<>();
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(Files.newInputStream(runLog), StandardCharsets.UTF_8))) {
      String line;
      long lineNo = 0;
      while ((line = in.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode e = parse(line);
        if (e == null) {
          warnings.add(WarningKind.MALFORMED_LINE, path, "line " + lineNo, "run-log lines that are not JSON objects");
        } else if (RunLogEntry.isFinished(e)) {
          out.add(RunLogEntry.toRun(e, jobId, source));
        }
      }
    } catch (IOException e) {
      warnings.add(WarningKind.UNREADABLE, path, "", String.valueOf(e.getMessage()));
    }
    return dedupNewestFirst(out);
  }

  /**
   * Reads a job's runs from the state database ({@code task_runs} with {@code runtime='cron'} and {@code
   * cron_run_receipts}).
   *
   * @return the runs, newest first
   */
  public static List<CronRun> readDatabase(ReadOnlyDatabase db, String jobId, Warnings warnings) {
    return dedupNewestFirst(CronRunsDb.read(db, jobId, warnings));
  }

  private static JsonNode parse(String line) {
    try {
      JsonNode n = Json.STRICT.readTree(line);
      return n != null && n.isObject() ? n : null;
    } catch (IOException e) {
      return null;
    }
  }

  /** Folds runs sharing a run id or a session id (earlier ones lead), then sorts newest first. */
  static List<CronRun> dedupNewestFirst(List<CronRun> runs) {
    List<CronRun> out = new ArrayList<>();
    for (CronRun r : runs) {
      int i = indexOfSame(out, r);
      if (i < 0) {
        out.add(r);
      } else {
        out.set(i, fill(out.get(i), r));
      }
    }
    out.sort(NEWEST_FIRST);
    return List.copyOf(out);
  }

  private static int indexOfSame(List<CronRun> runs, CronRun r) {
    for (int i = 0; i < runs.size(); i++) {
      CronRun o = runs.get(i);
      if ((r.runId() != null && r.runId().equals(o.runId()))
          || (r.sessionId() != null && r.sessionId().equals(o.sessionId()))) {
        return Objects.equals(r.jobId(), o.jobId()) ? i : -1;
      }
    }
    return -1;
  }

  private static CronRun fill(CronRun a, CronRun b) {
    return new CronRun(first(a.jobId(), b.jobId()), first(a.runId(), b.runId()), first(a.status(), b.status()),
        first(a.startedAt(), b.startedAt()), first(a.finishedAt(), b.finishedAt()),
        first(a.durationMs(), b.durationMs()), first(a.error(), b.error()), first(a.summary(), b.summary()),
        first(a.sessionId(), b.sessionId()), first(a.sessionKey(), b.sessionKey()), first(a.provider(), b.provider()),
        first(a.model(), b.model()), first(a.usage(), b.usage()), first(a.deliveryStatus(), b.deliveryStatus()),
        first(a.source(), b.source()));
  }
}
