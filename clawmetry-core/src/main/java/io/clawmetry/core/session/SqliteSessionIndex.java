package io.clawmetry.core.session;

import static io.clawmetry.core.json.JsonNodes.first;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.clawmetry.api.SourceKind;
import io.clawmetry.api.SourceRef;
import io.clawmetry.api.WarningKind;
import io.clawmetry.core.json.Json;
import io.clawmetry.core.sqlite.ReadOnlyDatabase;
import io.clawmetry.core.sqlite.SqlRows;
import io.clawmetry.core.warn.Warnings;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the E3 session index of one agent database (FORMATS §6.3): {@code session_nodes} (one row per key, with the
 * {@code SessionEntry} in {@code entry_json}) and {@code session_windows} (one row per session id). Earlier ids of a
 * key are its other windows, oldest first; the model comes from the window of the current id. Cron runs keep the
 * window key {@code agent:<a>:cron:<jobId>} (no {@code :run:}), so a cron key collects one window per run.
 */
public final class SqliteSessionIndex {

  private static final String NODES = "session_nodes";
  private static final String WINDOWS = "session_windows";

  private static final Comparator<SessionWindow> BY_CREATION =
      Comparator.comparing(SessionWindow::createdAt, Comparator.nullsFirst(Comparator.naturalOrder()));

  private SqliteSessionIndex() {}

  /**
   * Reads every session key of an agent database. A missing table or column becomes an {@code UNKNOWN_SCHEMA}
   * warning; never throws.
   *
   * @param db the agent database ({@code agents/<a>/agent/openclaw-agent.sqlite})
   * @param defaultAgentId the database's agent (used for keys without {@code agent:<id>:})
   * @param warnings where problems are reported
   * @return one entry per session key
   */
  public static List<IndexEntry> read(ReadOnlyDatabase db, String defaultAgentId, Warnings warnings) {
    String dbPath = db.path().toAbsolutePath().toString();
    if (!db.hasTable(NODES) || !db.hasColumns(NODES, "session_key", "current_session_id")) {
      warnings.add(WarningKind.UNKNOWN_SCHEMA, dbPath, "user_version " + db.userVersion(),
          "no session_nodes(session_key, current_session_id): session index unavailable in this database");
      return List.of();
    }
    Map<String, List<SessionWindow>> windows = readWindows(db, dbPath, warnings);
    SourceRef nodeSource = new SourceRef(SourceKind.SESSION_INDEX_SQLITE, dbPath + "#" + NODES);
    Set<String> cols = db.columns(NODES);
    List<IndexEntry> out = new ArrayList<>();
    Set<String> seenKeys = new LinkedHashSet<>();
    db.query("SELECT * FROM " + NODES, null, rs -> {
      String key = SqlRows.text(rs, cols, "session_key");
      if (key == null) {
        warnings.add(WarningKind.MALFORMED_LINE, dbPath + "#" + NODES, "", "session_nodes row without session_key");
        return;
      }
      seenKeys.add(key);
      SessionEntryFields f = parseEntry(SqlRows.text(rs, cols, "entry_json"), key, dbPath, warnings);
      IndexEntry e = fromNode(rs, cols, key, f, windows.getOrDefault(key, List.of()), defaultAgentId, nodeSource);
      if (e == null) {
        warnings.add(WarningKind.MALFORMED_LINE, dbPath + "#" + NODES, "session_key " + key,
            "session_nodes row without any session id");
      } else {
        out.add(e);
      }
    }, warnings);
    SourceRef windowSource = new SourceRef(SourceKind.SESSION_INDEX_SQLITE, dbPath + "#" + WINDOWS);
    windows.forEach((key, list) -> {
      if (!seenKeys.contains(key)) {
        out.add(fromWindowsOnly(key, list, defaultAgentId, windowSource));
      }
    });
    return List.copyOf(out);
  }

  /** Windows grouped by session key, each group oldest first. */
  private static Map<String, List<SessionWindow>> readWindows(ReadOnlyDatabase db, String dbPath, Warnings warnings) {
    Map<String, List<SessionWindow>> byKey = new LinkedHashMap<>();
    if (!db.hasTable(WINDOWS) || !db.hasColumns(WINDOWS, "session_id", "session_key")) {
      warnings.add(WarningKind.UNKNOWN_SCHEMA, dbPath, "user_version " + db.userVersion(),
          "no session_windows(session_id, session_key): earlier session ids and window models unavailable");
      return byKey;
    }
    Set<String> c = db.columns(WINDOWS);
    db.query("SELECT * FROM " + WINDOWS, null, rs -> {
      SessionWindow w = new SessionWindow(
          SqlRows.text(rs, c, "session_id"),
          SqlRows.text(rs, c, "session_key"),
          SqlRows.text(rs, c, "previous_session_id"),
          SqlRows.text(rs, c, "status"),
          SqlRows.text(rs, c, "chat_type"),
          SqlRows.text(rs, c, "channel"),
          SqlRows.text(rs, c, "model_provider"),
          SqlRows.text(rs, c, "model"),
          SqlRows.text(rs, c, "display_name"),
          SqlRows.text(rs, c, "parent_session_key"),
          SqlRows.text(rs, c, "spawned_by"),
          SqlRows.instant(rs, c, "created_at"),
          SqlRows.instant(rs, c, "updated_at"),
          SqlRows.instant(rs, c, "started_at"),
          SqlRows.instant(rs, c, "ended_at"));
      if (w.sessionId() != null && w.sessionKey() != null) {
        byKey.computeIfAbsent(w.sessionKey(), k -> new ArrayList<>()).add(w);
      } else {
        warnings.add(WarningKind.MALFORMED_LINE, dbPath + "#" + WINDOWS, "", "session_windows row without id or key");
      }
    }, warnings);
    byKey.values().forEach(list -> list.sort(BY_CREATION));
    return byKey;
  }

  /** Streams {@code entry_json}; a broken one is reported and read as empty. */
  private static SessionEntryFields parseEntry(String json, String key, String dbPath, Warnings warnings) {
    if (json == null) {
      return new SessionEntryFields();
    }
    try (JsonParser p = Json.STRICT.getFactory().createParser(json)) {
      if (p.nextToken() == JsonToken.START_OBJECT) {
        return SessionEntryFields.read(p);
      }
    } catch (IOException e) {
      // reported below
    }
    warnings.add(WarningKind.MALFORMED_LINE, dbPath + "#" + NODES, "session_key " + key,
        "entry_json is not a JSON object; using the row's columns only");
    return new SessionEntryFields();
  }

  private static IndexEntry fromNode(ResultSet rs, Set<String> cols, String key, SessionEntryFields f,
      List<SessionWindow> windows, String defaultAgentId, SourceRef source) throws SQLException {
    String sessionId = first(SqlRows.text(rs, cols, "current_session_id"), f.sessionId,
        windows.isEmpty() ? null : windows.get(windows.size() - 1).sessionId());
    if (sessionId == null) {
      return null;
    }
    SessionWindow cw = windows.stream().filter(w -> w.sessionId().equals(sessionId)).findFirst()
        .orElse(new SessionWindow(sessionId, key, null, null, null, null, null, null, null, null, null, null, null,
            null, null));
    return new IndexEntry(
        key,
        SessionKeys.agentIdOf(key, defaultAgentId),
        sessionId,
        previousIds(sessionId, windows, f.previousSessionId),
        f.sessionFile,
        first(SqlRows.text(rs, cols, "status"), f.status, cw.status()),
        first(SqlRows.text(rs, cols, "spawned_by"), f.spawnedBy, cw.spawnedBy()),
        first(SqlRows.text(rs, cols, "parent_session_key"), f.parentSessionKey, cw.parentSessionKey()),
        f.spawnDepth,
        first(SqlRows.text(rs, cols, "label"), f.label),
        first(SqlRows.text(rs, cols, "display_name"), f.displayName, cw.displayName()),
        first(cw.modelProvider(), f.resolvedProvider()),
        first(cw.model(), f.resolvedModel()),
        first(cw.channel(), f.resolvedChannel()),
        first(cw.chatType(), f.resolvedChatType()),
        first(SqlRows.text(rs, cols, "created_via"), f.createdVia),
        first(f.sessionStartedAt, f.createdAt, SqlRows.instant(rs, cols, "created_at"), cw.createdAt(), f.startedAt),
        first(SqlRows.instant(rs, cols, "updated_at"), f.updatedAt, cw.updatedAt()),
        first(f.endedAt, cw.endedAt()),
        source,
        f.resolvedContextTokens(),
        f.contextTokens,
        f.resolvedRuntimeMs());
  }

  /** A key known only from its windows: the newest window is current. */
  private static IndexEntry fromWindowsOnly(String key, List<SessionWindow> windows, String defaultAgentId,
      SourceRef source) {
    SessionWindow cw = windows.get(windows.size() - 1);
    return new IndexEntry(key, SessionKeys.agentIdOf(key, defaultAgentId), cw.sessionId(),
        previousIds(cw.sessionId(), windows, null), null, cw.status(), cw.spawnedBy(), cw.parentSessionKey(), null,
        null, cw.displayName(), cw.modelProvider(), cw.model(), cw.channel(), cw.chatType(), null,
        first(cw.startedAt(), cw.createdAt()), first(cw.updatedAt(), cw.createdAt()), cw.endedAt(), source, null,
        null, null);
  }

  /**
   * Other ids of the key, oldest first: ids named only as a predecessor ({@code previous_session_id},
   * {@code previousSessionId}) come first, then the other windows by creation time.
   */
  private static List<String> previousIds(String currentId, List<SessionWindow> windows, String entryPrevious) {
    Set<String> windowIds = new LinkedHashSet<>();
    Set<String> namedOnly = new LinkedHashSet<>();
    for (SessionWindow w : windows) {
      windowIds.add(w.sessionId());
    }
    for (SessionWindow w : windows) {
      if (w.previousSessionId() != null && !windowIds.contains(w.previousSessionId())) {
        namedOnly.add(w.previousSessionId());
      }
    }
    if (entryPrevious != null && !windowIds.contains(entryPrevious)) {
      namedOnly.add(entryPrevious);
    }
    List<String> out = new ArrayList<>(namedOnly);
    windowIds.forEach(out::add);
    out.removeIf(id -> id.equals(currentId));
    return out;
  }
}
