package io.clawmetry.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Writes a per-agent database with OpenClaw 2026.9.6's DDL (agent schema 23, journal mode DELETE). */
final class AgentDatabase implements AutoCloseable {
  /** Agent schema version of OpenClaw 2026.9.6. */
  static final int USER_VERSION = 23;

  /**
   * One {@code session_nodes} row (columns not listed stay NULL).
   *
   * @param key session key
   * @param currentSessionId live session id
   * @param entry the {@code SessionEntry}
   * @param updatedAt last update
   * @param status run status or null
   * @param createdAt creation time
   * @param createdVia how it was created
   * @param createdActorType human|agent|system
   * @param parentSessionKey parent key or null
   * @param spawnedBy spawning key or null
   * @param label label or null
   * @param displayName display name or null
   * @param lastInteractionAt last interaction
   */
  record Node(String key, String currentSessionId, ObjectNode entry, Instant updatedAt, String status,
      Instant createdAt, String createdVia, String createdActorType, String parentSessionKey, String spawnedBy,
      String label, String displayName, Instant lastInteractionAt) {}

  /**
   * One {@code session_windows} row.
   *
   * @param transcript the window's transcript (session id, key, times, model)
   * @param previousSessionId the id this one replaced, or null
   * @param reason initial|reset|... or null
   * @param status run status or null
   * @param chatType direct|group|channel or null
   * @param channel channel or null
   * @param parentSessionKey parent key or null
   * @param displayName display name or null
   */
  record Window(Transcript transcript, String previousSessionId, String reason, String status, String chatType,
      String channel, String parentSessionKey, String displayName) {}

  private final Connection connection;

  AgentDatabase(Path file, String agentId, Instant createdAt) throws SQLException {
    connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
    try (Statement statement = connection.createStatement()) {
      statement.execute("PRAGMA page_size=1024");
      statement.execute("PRAGMA journal_mode=DELETE");
    }
    SqlScript.run(connection, "agent-schema.sql");
    connection.setAutoCommit(false);
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO schema_meta(meta_key, role, schema_version, agent_id, app_version, created_at, updated_at) "
            + "VALUES ('primary', 'agent', ?, ?, '2026.9.6', ?, ?)")) {
      insert.setInt(1, USER_VERSION);
      insert.setString(2, agentId);
      insert.setLong(3, createdAt.toEpochMilli());
      insert.setLong(4, createdAt.toEpochMilli());
      insert.executeUpdate();
    }
  }

  /** Inserts a {@code session_nodes} row. */
  void node(Node n) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO session_nodes(session_key, current_session_id, entry_json, entry_valid, updated_at, status, "
            + "created_at, created_via, created_actor_type, parent_session_key, spawned_by, label, display_name, "
            + "last_interaction_at, last_activity_at) VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, n.key());
      insert.setString(2, n.currentSessionId());
      insert.setString(3, JsonOut.line(n.entry()));
      insert.setLong(4, n.updatedAt().toEpochMilli());
      text(insert, 5, n.status());
      insert.setLong(6, n.createdAt().toEpochMilli());
      text(insert, 7, n.createdVia());
      text(insert, 8, n.createdActorType());
      text(insert, 9, n.parentSessionKey());
      text(insert, 10, n.spawnedBy());
      text(insert, 11, n.label());
      text(insert, 12, n.displayName());
      insert.setLong(13, n.lastInteractionAt().toEpochMilli());
      insert.setLong(14, n.lastInteractionAt().toEpochMilli());
      insert.executeUpdate();
    }
  }

  /** Inserts a {@code session_windows} row and all transcript rows of its session. */
  void window(Window w, Set<Integer> zstdSeqs) throws SQLException {
    Transcript t = w.transcript();
    Instant created = Instant.parse(t.entries.get(0).get("timestamp").asText());
    long last = Instant.parse(t.entries.get(t.entries.size() - 1).get("timestamp").asText()).toEpochMilli();
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO session_windows(session_id, session_key, previous_session_id, reason, created_at, updated_at, "
            + "transcript_updated_at, transcript_observed_at, session_entry_provenance, started_at, ended_at, status, "
            + "chat_type, channel, model_provider, model, agent_harness_id, parent_session_key, spawned_by, "
            + "display_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, 'openclaw', ?, ?, ?)")) {
      insert.setString(1, t.sessionId);
      insert.setString(2, t.sessionKey);
      text(insert, 3, w.previousSessionId());
      text(insert, 4, w.reason());
      insert.setLong(5, created.toEpochMilli());
      insert.setLong(6, last + 20);
      insert.setLong(7, last);
      insert.setLong(8, last);
      insert.setLong(9, created.toEpochMilli() + 60);
      insert.setLong(10, last + 12);
      text(insert, 11, w.status());
      text(insert, 12, w.chatType());
      text(insert, 13, w.channel());
      insert.setString(14, t.model().provider());
      insert.setString(15, t.model().model());
      text(insert, 16, w.parentSessionKey());
      text(insert, 17, w.parentSessionKey());
      text(insert, 18, w.displayName());
      insert.executeUpdate();
    }
    events(t, zstdSeqs);
  }

  private void events(Transcript t, Set<Integer> zstdSeqs) throws SQLException {
    try (PreparedStatement event = connection.prepareStatement(
            "INSERT INTO transcript_events(session_id, seq, event_json, created_at, event_zstd, event_utf8_bytes, "
                + "navigation_json) VALUES (?, ?, ?, ?, ?, ?, ?)");
        PreparedStatement identity = connection.prepareStatement(
            "INSERT INTO transcript_event_identities(session_id, event_id, seq, event_type, parent_id, "
                + "message_idempotency_key, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      for (int seq = 0; seq < t.entries.size(); seq++) {
        ObjectNode entry = t.entries.get(seq);
        String json = JsonOut.line(entry);
        byte[] utf8 = json.getBytes(StandardCharsets.UTF_8);
        long createdAt = Instant.parse(entry.get("timestamp").asText()).toEpochMilli();
        event.setString(1, t.sessionId);
        event.setInt(2, seq);
        event.setLong(4, createdAt);
        event.setLong(6, utf8.length);
        if (zstdSeqs.contains(seq)) {
          byte[] frame = compressible(json, utf8);
          event.setNull(3, Types.VARCHAR);
          event.setBytes(5, frame);
          event.setString(7, JsonOut.line(navigation(entry, utf8.length)));
        } else {
          event.setString(3, json);
          event.setNull(5, Types.BLOB);
          event.setNull(7, Types.VARCHAR);
        }
        event.executeUpdate();
        identity.setString(1, t.sessionId);
        identity.setString(2, entry.get("id").asText());
        identity.setInt(3, seq);
        identity.setString(4, entry.get("type").asText());
        JsonNode parent = entry.get("parentId");
        text(identity, 5, parent == null || parent.isNull() ? null : parent.asText());
        JsonNode key = entry.path("message").get("idempotencyKey");
        text(identity, 6, key == null ? null : key.asText());
        identity.setLong(7, createdAt);
        identity.executeUpdate();
      }
    }
    activeBranch(t);
  }

  /** One zstd frame, only where OpenClaw would compress (1 KiB..4 MiB, no \\u escapes, saving >= 10 % and 64 B). */
  private static byte[] compressible(String json, byte[] utf8) {
    byte[] frame = HomeFiles.zstd(utf8);
    long saving = utf8.length - frame.length;
    if (utf8.length < 1024 || json.contains("\\u") || saving < Math.max(64, utf8.length / 10)) {
      throw new IllegalStateException("event would not be stored compressed: " + utf8.length + " -> " + frame.length);
    }
    return frame;
  }

  private static ObjectNode navigation(ObjectNode entry, int utf8Bytes) {
    ObjectNode head = JsonOut.object().put("id", entry.get("id").asText());
    head.set("parentId", entry.get("parentId"));
    head.put("timestamp", entry.get("timestamp").asText()).put("type", entry.get("type").asText());
    ObjectNode report = JsonOut.object().put("kind", "canonical").put("hasParentId", true);
    report.set("entry", head);
    ObjectNode brief = JsonOut.object().put("type", "message").put("id", entry.get("id").asText());
    brief.set("parentId", entry.get("parentId"));
    brief.put("timestamp", entry.get("timestamp").asText());
    brief.set("message", JsonOut.object().put("role", entry.path("message").path("role").asText()));
    ObjectNode nav = JsonOut.object().put("version", 1);
    nav.set("report", report);
    nav.set("navigation", brief);
    nav.set("reset", brief.deepCopy());
    nav.set("model", brief.deepCopy());
    nav.put("modelBytes", utf8Bytes).put("modelWithoutCheckpointBytes", utf8Bytes);
    nav.put("withoutCustomDataBytes", utf8Bytes);
    return nav;
  }

  private void activeBranch(Transcript t) throws SQLException {
    Map<String, Integer> seqOf = new HashMap<>();
    for (int seq = 1; seq < t.entries.size(); seq++) {
      seqOf.put(t.entries.get(seq).get("id").asText(), seq);
    }
    List<Integer> branch = new ArrayList<>();
    Integer seq = t.entries.size() - 1;
    while (seq != null && seq > 0) {
      branch.add(seq);
      JsonNode parent = t.entries.get(seq).get("parentId");
      seq = parent == null || parent.isNull() ? null : seqOf.get(parent.asText());
    }
    Collections.reverse(branch);
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO session_transcript_active_events(session_id, active_position, event_seq, message_position, "
            + "context_eligible) VALUES (?, ?, ?, ?, 1)")) {
      int messages = 0;
      for (int position = 0; position < branch.size(); position++) {
        int eventSeq = branch.get(position);
        insert.setString(1, t.sessionId);
        insert.setInt(2, position);
        insert.setInt(3, eventSeq);
        if ("message".equals(t.entries.get(eventSeq).get("type").asText())) {
          insert.setInt(4, messages++);
        } else {
          insert.setNull(4, Types.INTEGER);
        }
        insert.executeUpdate();
      }
    }
  }

  private static void text(PreparedStatement statement, int index, String value) throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.VARCHAR);
    } else {
      statement.setString(index, value);
    }
  }

  @Override
  public void close() throws SQLException {
    connection.commit();
    connection.setAutoCommit(true);
    try (Statement statement = connection.createStatement()) {
      statement.execute("PRAGMA user_version=" + USER_VERSION);
      statement.execute("VACUUM");
    }
    connection.close();
  }
}
