package io.clawmetry.core.cron;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clawmetry.api.CronJob;
import io.clawmetry.api.SourceKind;
import io.clawmetry.api.SourceRef;
import io.clawmetry.api.WarningKind;
import io.clawmetry.core.json.Json;
import io.clawmetry.core.json.JsonNodes;
import io.clawmetry.core.sqlite.ReadOnlyDatabase;
import io.clawmetry.core.warn.Warnings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads cron job definitions and state (FORMATS §7) from the JSON store ({@code <cronDir>/jobs.json}, {@code {version:1,
 * jobs:[…]}} or a bare array, JSON5, with inline {@code state} or the {@code jobs-state.json} sidecar) and from the
 * state database ({@code cron_jobs.job_json} + {@code state_json}). Migrated files ({@code *.migrated}) are never
 * read. When both hold a job id, the database wins.
 */
public final class CronStoreReader {

  /** The JSON store file name inside the cron dir. */
  public static final String JOBS_FILE = "jobs.json";
  /** The state sidecar file name next to the store. */
  public static final String STATE_FILE = "jobs-state.json";

  private CronStoreReader() {}

  /**
   * Reads every job: database jobs in their sort order, then jobs found only in the JSON store, in file order.
   *
   * @param cronDir the cron dir ({@code <stateDir>/cron}), or null
   * @param stateDb the state database, or null
   * @param warnings where problems are reported
   */
  public static List<CronJob> read(Path cronDir, ReadOnlyDatabase stateDb, Warnings warnings) {
    Map<String, CronJob> byId = new LinkedHashMap<>();
    if (stateDb != null) {
      readDatabase(stateDb, warnings).forEach(j -> byId.putIfAbsent(j.id(), j));
    }
    if (cronDir != null) {
      readJsonStore(cronDir.resolve(JOBS_FILE), warnings).forEach(j -> byId.putIfAbsent(j.id(), j));
    }
    return List.copyOf(byId.values());
  }

  /**
   * Reads a JSON store and the {@value #STATE_FILE} sidecar beside it (its state replaces the inline one).
   *
   * @param jobsJson the store file (normally {@code <cronDir>/jobs.json}; config {@code cron.store} can move it)
   * @param warnings where problems are reported
   */
  public static List<CronJob> readJsonStore(Path jobsJson, Warnings warnings) {
    if (!Files.isRegularFile(jobsJson)) {
      return List.of();
    }
    String path = jobsJson.toAbsolutePath().toString();
    JsonNode root = readLenient(jobsJson, warnings);
    if (root == null) {
      return List.of();
    }
    JsonNode jobs = root.isArray() ? root : root.get("jobs");
    if (jobs == null || !jobs.isArray()) {
      warnings.add(WarningKind.UNKNOWN_SCHEMA, path, "", "cron store has no jobs array");
      return List.of();
    }
    Map<String, JsonNode> sidecar = readSidecar(jobsJson.resolveSibling(STATE_FILE), warnings);
    SourceRef source = new SourceRef(SourceKind.CRON_STORE_JSON, path);
    List<CronJob> out = new ArrayList<>();
    int index = 0;
    for (JsonNode job : jobs) {
      index++;
      String id = job.isObject() ? CronJobParser.idOf(job) : null;
      if (id == null) {
        warnings.add(WarningKind.MALFORMED_LINE, path, "job " + index, "cron job without an id");
        continue;
      }
      JsonNode side = sidecar.get(id);
      JsonNode state = side == null ? null : side.get("state");
      Instant sideUpdated = side == null ? null : JsonNodes.millis(side, "updatedAtMs");
      out.add(CronJobParser.parse(job, state, sideUpdated, source));
    }
    return out;
  }

  /** {@code jobs-state.json}: {@code {version:1, jobs:{<id>:{updatedAtMs, state}}}}, as id → entry. */
  private static Map<String, JsonNode> readSidecar(Path file, Warnings warnings) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    if (!Files.isRegularFile(file)) {
      return out;
    }
    JsonNode root = readLenient(file, warnings);
    JsonNode jobs = root == null ? null : root.get("jobs");
    if (jobs == null || !jobs.isObject()) {
      if (root != null) {
        warnings.add(WarningKind.UNKNOWN_SCHEMA, file.toAbsolutePath().toString(), "", "cron state has no jobs object");
      }
      return out;
    }
    for (Map.Entry<String, JsonNode> e : jobs.properties()) {
      if (e.getValue().isObject()) {
        out.put(e.getKey(), e.getValue());
      }
    }
    return out;
  }

  private static JsonNode readLenient(Path file, Warnings warnings) {
    try {
      JsonNode root = Json.LENIENT.readTree(file.toFile());
      if (root != null && (root.isObject() || root.isArray())) {
        return root;
      }
      warnings.add(WarningKind.MALFORMED_LINE, file.toAbsolutePath().toString(), "", "not a JSON object or array");
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      warnings.add(WarningKind.MALFORMED_LINE, file.toAbsolutePath().toString(),
          "line " + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()), e.getOriginalMessage());
    } catch (IOException e) {
      warnings.add(WarningKind.UNREADABLE, file.toAbsolutePath().toString(), "", String.valueOf(e.getMessage()));
    }
    return null;
  }

  /**
   * Reads {@code cron_jobs} of the state database. Rows without {@code job_json} (before state schema 13) are read
   * from their projection columns, named in camel case, with an {@code UNKNOWN_SCHEMA} warning.
   */
  public static List<CronJob> readDatabase(ReadOnlyDatabase db, Warnings warnings) {
    String dbPath = db.path().toAbsolutePath().toString();
    if (!db.hasTable("cron_jobs") || !db.hasColumns("cron_jobs", "job_id")) {
      warnings.add(WarningKind.UNKNOWN_SCHEMA, dbPath, "user_version " + db.userVersion(),
          "no cron_jobs(job_id): cron jobs unavailable in this database");
      return List.of();
    }
    Set<String> c = db.columns("cron_jobs");
    SourceRef source = new SourceRef(SourceKind.STATE_DATABASE, dbPath + "#cron_jobs");
    String order = c.contains("sort_order") ? " ORDER BY sort_order, job_id" : " ORDER BY job_id";
    List<CronJob> out = new ArrayList<>();
    db.query("SELECT * FROM cron_jobs" + order, null, rs -> {
      String jobId = text(rs, c, "job_id");
      JsonNode job = json(text(rs, c, "job_json"), dbPath, "job_id " + jobId, warnings);
      if (job == null) {
        warnings.add(WarningKind.UNKNOWN_SCHEMA, dbPath + "#cron_jobs", "job_id " + jobId,
            "cron_jobs row without job_json; read from its columns");
        job = fromColumns(rs, c);
      }
      if (CronJobParser.idOf(job) == null && jobId != null) {
        ((ObjectNode) job).put("id", jobId);
      }
      fillFromColumns((ObjectNode) job, rs, c);
      JsonNode state = json(text(rs, c, "state_json"), dbPath, "job_id " + jobId, warnings);
      Long updated = number(rs, c, "updated_at");
      CronJob parsed = CronJobParser.parse(job, state, updated == null ? null : Instant.ofEpochMilli(updated), source);
      if (parsed == null) {
        warnings.add(WarningKind.MALFORMED_LINE, dbPath + "#cron_jobs", "", "cron_jobs row without a job id");
      } else {
        out.add(parsed);
      }
    }, warnings);
    return out;
  }

  /** Fills agent id and name from the row's columns when the JSON lacks them. */
  private static void fillFromColumns(ObjectNode job, ResultSet rs, Set<String> c) throws SQLException {
    if (JsonNodes.text(job, "agentId") == null && text(rs, c, "agent_id") != null) {
      job.put("agentId", text(rs, c, "agent_id"));
    }
    if (JsonNodes.text(job, "name") == null && text(rs, c, "name") != null) {
      job.put("name", text(rs, c, "name"));
    }
  }

  /** A job object built from projection columns ({@code job_id} → {@code id}, snake case → camel case). */
  private static ObjectNode fromColumns(ResultSet rs, Set<String> c) throws SQLException {
    ObjectNode job = Json.STRICT.createObjectNode();
    for (String col : c) {
      Object v = rs.getObject(col);
      if (v == null || col.endsWith("_blob")) {
        continue;
      }
      String name = col.equals("job_id") ? "id" : camel(col.endsWith("_json") ? col.substring(0, col.length() - 5)
          : col);
      if (col.endsWith("_json")) {
        try {
          job.set(name, Json.STRICT.readTree(v.toString()));
        } catch (IOException e) {
          // an unreadable projection column is left out
        }
      } else if (v instanceof Number n) {
        job.put(name, n.longValue());
      } else {
        job.put(name, v.toString());
      }
    }
    return job;
  }

  private static String camel(String snake) {
    StringBuilder b = new StringBuilder();
    boolean up = false;
    for (char ch : snake.toCharArray()) {
      if (ch == '_') {
        up = true;
      } else {
        b.append(up ? Character.toUpperCase(ch) : ch);
        up = false;
      }
    }
    return b.toString();
  }

  private static JsonNode json(String text, String dbPath, String position, Warnings warnings) {
    if (text == null) {
      return null;
    }
    try {
      JsonNode n = Json.STRICT.readTree(text);
      if (n != null && n.isObject()) {
        return n;
      }
    } catch (IOException e) {
      // reported below
    }
    warnings.add(WarningKind.MALFORMED_LINE, dbPath + "#cron_jobs", position, "JSON column is not an object");
    return null;
  }

  private static String text(ResultSet rs, Set<String> c, String col) throws SQLException {
    if (!c.contains(col)) {
      return null;
    }
    Object v = rs.getObject(col);
    return v == null ? null : v.toString();
  }

  private static Long number(ResultSet rs, Set<String> c, String col) throws SQLException {
    if (!c.contains(col)) {
      return null;
    }
    Object v = rs.getObject(col);
    return v instanceof Number n ? n.longValue() : null;
  }
}
