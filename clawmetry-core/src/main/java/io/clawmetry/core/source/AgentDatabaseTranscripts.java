package io.clawmetry.core.source;

import io.clawmetry.api.EventOrigin;
import io.clawmetry.api.SourceKind;
import io.clawmetry.api.WarningKind;
import io.clawmetry.core.sqlite.ReadOnlyDatabase;
import io.clawmetry.core.warn.Warnings;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads {@code transcript_events} of a per-agent database (FORMATS §6.3–6.4) as {@link RawRecord}s: all sessions, one
 * session, or only rows after a known {@code seq} per session. Each row is plain {@code event_json} or one zstd frame
 * in {@code event_zstd} (decompressed with a bound of {@code event_utf8_bytes}). Records carry the row's {@code
 * session_id} as hint and an origin {@code (SQLITE_TRANSCRIPT, db path, seq)}. Every session is read in its own short
 * query.
 */
public final class AgentDatabaseTranscripts {

  /** The table read. */
  public static final String TABLE = "transcript_events";

  /** The largest event OpenClaw stores (and so the largest decompression accepted). */
  static final int MAX_EVENT_BYTES = 4 * 1024 * 1024;

  private final ReadOnlyDatabase db;
  private final boolean hasZstd;

  private AgentDatabaseTranscripts(ReadOnlyDatabase db) {
    this.db = db;
    this.hasZstd = db.hasColumns(TABLE, "event_zstd", "event_utf8_bytes");
  }

  /**
   * The transcript reader of {@code db}; empty, with an {@link WarningKind#UNKNOWN_SCHEMA} warning, when the table or
   * its {@code session_id}, {@code seq}, {@code event_json} columns are missing.
   */
  public static Optional<AgentDatabaseTranscripts> of(ReadOnlyDatabase db, Warnings warnings) {
    if (!db.hasColumns(TABLE, "session_id", "seq", "event_json")) {
      warnings.add(
          WarningKind.UNKNOWN_SCHEMA,
          db.path() + "#" + TABLE,
          "",
          (db.hasTable(TABLE) ? "table lacks session_id/seq/event_json" : "no table " + TABLE)
              + " (user_version "
              + db.userVersion()
              + "): transcripts in this database are unavailable");
      return Optional.empty();
    }
    return Optional.of(new AgentDatabaseTranscripts(db));
  }

  /**
   * Opens {@code database} read-only, runs {@code body} on its transcripts and closes it; nothing happens when there
   * is no database, and an unreadable one or an unknown schema is a warning.
   */
  static void with(Path database, Warnings warnings, Consumer<AgentDatabaseTranscripts> body) {
    if (database == null) {
      return;
    }
    Optional<ReadOnlyDatabase> db = ReadOnlyDatabase.open(database, warnings);
    if (db.isEmpty()) {
      return;
    }
    try (ReadOnlyDatabase open = db.get()) {
      of(open, warnings).ifPresent(body);
    }
  }

  /** The open database (for the archive tables next to the rows). */
  ReadOnlyDatabase database() {
    return db;
  }

  /** Every session id with rows, sorted. */
  public List<String> sessionIds(Warnings warnings) {
    List<String> ids = new ArrayList<>();
    db.query(
        "SELECT DISTINCT session_id FROM " + TABLE + " ORDER BY session_id",
        null,
        rs -> ids.add(rs.getString(1)),
        warnings);
    return ids;
  }

  /** Every row of every session, session by session, in {@code seq} order. */
  public void readAll(Warnings warnings, Consumer<RawRecord> sink) {
    for (String id : sessionIds(warnings)) {
      readRows(id, -1, warnings, sink);
    }
  }

  /**
   * The rows of {@code sessionId} with {@code seq > afterSeq} ({@code -1} for all), in order.
   *
   * @return the highest {@code seq} read, or {@code afterSeq} when there was none
   */
  public long readSession(String sessionId, long afterSeq, Warnings warnings, Consumer<RawRecord> sink) {
    return readRows(sessionId, afterSeq, warnings, sink).lastSeq();
  }

  /** The rows with {@code seq > afterSeq}: the highest seq read and how many rows. */
  private SessionRows readRows(String sessionId, long afterSeq, Warnings warnings, Consumer<RawRecord> sink) {
    String sql =
        "SELECT seq, event_json, "
            + (hasZstd ? "event_zstd, event_utf8_bytes" : "NULL, NULL")
            + " FROM "
            + TABLE
            + " WHERE session_id = ? AND seq > ? ORDER BY seq";
    long[] last = {afterSeq, 0};
    String source = db.path().toString();
    db.query(
        sql,
        new Object[] {sessionId, afterSeq},
        rs -> {
          long seq = rs.getLong(1);
          String json = rs.getString(2);
          if (json == null) {
            byte[] blob = rs.getBytes(3);
            long declared = rs.getLong(4);
            json = blob == null ? null : decompress(blob, declared, source, sessionId, seq, warnings);
          }
          last[0] = seq;
          last[1]++;
          if (json == null) {
            return;
          }
          sink.accept(new RawRecord(json, new EventOrigin(SourceKind.SQLITE_TRANSCRIPT, source, seq), sessionId));
        },
        warnings);
    return new SessionRows(last[0], last[1]);
  }

  /**
   * The rows after what {@code read} says was read of every session (all rows of sessions not in it). Rows with a
   * negative {@code seq} are not read, nor counted.
   *
   * @return what has been read per session after this read; null, with nothing read, when rows read before are gone:
   *     a session of {@code read} is gone, ends before the seq read, or holds fewer rows up to it than were read
   *     (rows deleted from its middle). What was read of it can then no longer be told from what a new read would
   *     give
   */
  Map<String, SessionRows> readAfter(Map<String, SessionRows> read, Warnings warnings, Consumer<RawRecord> sink) {
    // one query finds the sessions with rows past what was read and counts every session's rows (the primary key
    // index answers it); only the sessions that grew are read
    record Now(long maxSeq, long rows) {}
    Map<String, Now> now = new LinkedHashMap<>();
    boolean answered =
        db.query(
            "SELECT session_id, max(seq), count(*) FROM " + TABLE + " WHERE seq >= 0 GROUP BY session_id"
                + " ORDER BY session_id",
            null,
            rs -> now.put(rs.getString(1), new Now(rs.getLong(2), rs.getLong(3))),
            warnings);
    if (!answered) {
      return new LinkedHashMap<>(read);
    }
    // every check before any row is read: null means nothing of this call was handed out
    for (Map.Entry<String, SessionRows> e : read.entrySet()) {
      SessionRows before = e.getValue();
      Now n = now.get(e.getKey());
      if (before.lastSeq() < 0) {
        continue; // nothing was read of it
      }
      if (n == null || n.maxSeq() < before.lastSeq()) {
        return null;
      }
      // the rows up to the last one read: all of the session's when it did not grow, else counted apart (rows
      // appended meanwhile are above it, and a row deleted below it is gone indeed)
      long rowsUpToRead =
          n.maxSeq() == before.lastSeq() ? n.rows() : rowsUpTo(e.getKey(), before.lastSeq(), warnings);
      if (rowsUpToRead >= 0 && rowsUpToRead != before.rows()) {
        return null; // rows deleted (or slipped in) below the last one read
      }
    }
    Map<String, SessionRows> out = new LinkedHashMap<>(read);
    for (Map.Entry<String, Now> e : now.entrySet()) {
      SessionRows before = read.getOrDefault(e.getKey(), new SessionRows(-1, 0));
      if (e.getValue().maxSeq() > before.lastSeq()) {
        SessionRows added = readRows(e.getKey(), before.lastSeq(), warnings, sink);
        out.put(e.getKey(), new SessionRows(added.lastSeq(), before.rows() + added.rows()));
      }
    }
    return out;
  }

  /** The rows of {@code sessionId} with {@code 0 <= seq <= upToSeq}; -1 when the query failed (a warning says why). */
  private long rowsUpTo(String sessionId, long upToSeq, Warnings warnings) {
    long[] rows = {-1};
    db.query(
        "SELECT count(*) FROM " + TABLE + " WHERE session_id = ? AND seq >= 0 AND seq <= ?",
        new Object[] {sessionId, upToSeq},
        rs -> rows[0] = rs.getLong(1),
        warnings);
    return rows[0];
  }

  private static String decompress(
      byte[] blob, long declared, String source, String sessionId, long seq, Warnings warnings) {
    String at = "session " + sessionId + " seq " + seq;
    int bound = declared > 0 && declared <= MAX_EVENT_BYTES ? (int) declared : MAX_EVENT_BYTES;
    byte[] out = new byte[bound];
    int n = 0;
    try (InputStream in = ZstdStreams.open(new ByteArrayInputStream(blob))) {
      while (n < bound) {
        int r = in.read(out, n, bound - n);
        if (r < 0) {
          break;
        }
        n += r;
      }
      if (in.read() >= 0) {
        warnings.add(
            WarningKind.BAD_ARCHIVE, source, at, "zstd event larger than event_utf8_bytes; row skipped");
        return null;
      }
    } catch (IOException | RuntimeException e) {
      warnings.add(
          WarningKind.BAD_ARCHIVE, source, at, "zstd event could not be decoded: " + e.getMessage());
      return null;
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(out, 0, n))
          .toString();
    } catch (CharacterCodingException e) {
      warnings.add(WarningKind.INVALID_UTF8, source, at, "bytes that are not valid UTF-8 were replaced");
      return new String(out, 0, n, StandardCharsets.UTF_8);
    }
  }
}
