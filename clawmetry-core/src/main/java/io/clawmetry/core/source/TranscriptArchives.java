package io.clawmetry.core.source;

import com.fasterxml.jackson.databind.JsonNode;
import io.clawmetry.api.EventOrigin;
import io.clawmetry.api.SourceKind;
import io.clawmetry.api.SourceRef;
import io.clawmetry.api.TranscriptEvent;
import io.clawmetry.api.WarningKind;
import io.clawmetry.core.event.EventParser;
import io.clawmetry.core.event.StreamState;
import io.clawmetry.core.json.Json;
import io.clawmetry.core.sqlite.ReadOnlyDatabase;
import io.clawmetry.core.warn.Warnings;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Transcripts OpenClaw keeps outside {@code transcript_events} (FORMATS §6.5), read as transcript sources:
 *
 * <ul>
 *   <li>{@code session_transcript_archives}: deleted and reset transcripts as blobs, canonical transcript JSONL
 *       ({@code encoding} {@code zstd} or {@code identity}). OpenClaw also publishes the same bytes as {@code
 *       sessions/<archive_name>}; the blob and the file hold the same events, so dedup counts them once.
 *   <li>Cold storage (agent schema ≥ 20, opt-in): {@code sessions/cold/<sha256>.jsonl.zst} files and {@code
 *       session_transcript_cold_archives} rows with {@code storage='sqlite'} and an {@code archive_blob}. These are
 *       <em>not</em> transcript JSONL: OpenClaw 2026.9.6 ({@code session-cold-storage-worker}) writes one zstd frame of
 *       records {@code {"kind":"header","version":1,"sessionId","generation"}}, {@code
 *       {"kind":"event","row":{"seq","event_json","created_at"}}} and index records ({@code identity}, {@code active},
 *       {@code index}, {@code fts}); each {@code event_json} is one transcript line, read like a row.
 * </ul>
 *
 * <p>{@code archive_sha256} is the hex SHA-256 of the stored (encoded) blob, as OpenClaw's {@code
 * hashSessionArchiveBytes} and {@code readVerifiedSessionColdArchive} compute it; a mismatch or a blob that does not
 * decode is a {@link WarningKind#BAD_ARCHIVE} warning and the blob is skipped. Blobs and cold files never change
 * (cold files are named by their hash), so callers pass the keys already read and each is read once. Lines are
 * streamed ({@link LineReader}), so memory stays bounded by the blob and one line (a cold record over {@link
 * LineReader#MAX_MATERIALISED_LINE} bytes is reduced while it streams: {@link ColdRecordReducer}).
 */
public final class TranscriptArchives {

  /** Deleted and reset transcripts. */
  public static final String ARCHIVES = "session_transcript_archives";

  /** Cold storage records. */
  public static final String COLD = "session_transcript_cold_archives";

  /** The cold storage directory under {@code agents/<a>/sessions/}. */
  public static final String COLD_DIR = "cold";

  /** The start of the messages about a too-long cold record. */
  private static final String TOO_LONG =
      "cold archive record longer than " + LineReader.MAX_MATERIALISED_LINE + " bytes";

  /** Receives every event read, before deduplication. */
  @FunctionalInterface
  public interface EventSink {
    void event(SourceRef source, StreamState state, TranscriptEvent event);
  }

  private final Warnings warnings;
  private final EventParser parser;
  private final boolean withContent;

  /** A reader of events without message content (usage, summaries); {@code warnings}: where problems go. */
  public TranscriptArchives(Warnings warnings) {
    this(warnings, false);
  }

  /**
   * @param warnings where problems go
   * @param withContent whether message events keep their content (a session's transcript view) or not (usage)
   */
  public TranscriptArchives(Warnings warnings, boolean withContent) {
    this.warnings = warnings;
    this.parser = new EventParser(warnings);
    this.withContent = withContent;
  }

  /**
   * Reads the archive blobs of {@code db} whose key is not in {@code done} and adds their keys: every row of {@link
   * #ARCHIVES}, and the rows of {@link #COLD} stored in SQLite. Absent tables give nothing and no warning.
   *
   * @return how many blobs were read (bad ones included)
   */
  public int readBlobs(ReadOnlyDatabase db, Set<String> done, EventSink sink) {
    return readBlobs(db, done, sink, () -> {});
  }

  /**
   * {@link #readBlobs(ReadOnlyDatabase, Set, EventSink)}, calling {@code gone} when a blob whose key is in {@code
   * done} is no longer in {@code db} (a deleted archive, a cold one moved out of SQLite, the table dropped).
   */
  public int readBlobs(ReadOnlyDatabase db, Set<String> done, EventSink sink, Runnable gone) {
    if (!db.hasTable(ARCHIVES) && done.stream().anyMatch(k -> k.startsWith(ARCHIVES + "/"))
        || !db.hasTable(COLD) && done.stream().anyMatch(k -> k.startsWith(COLD + "/"))) {
      gone.run();
    }
    int read = 0;
    if (db.hasTable(ARCHIVES)) {
      if (db.hasColumns(ARCHIVES, "session_id", "generation", "archive_blob", "archive_sha256")) {
        String encoding = db.hasColumns(ARCHIVES, "encoding") ? "encoding" : "NULL";
        read += readTable(db, ARCHIVES, encoding, "", false, done, sink, gone);
      } else if (done.add(ARCHIVES + "#schema")) {
        schemaWarning(db, ARCHIVES);
      }
    }
    if (db.hasTable(COLD)) {
      if (db.hasColumns(COLD, "session_id", "generation", "archive_blob", "archive_sha256", "storage")) {
        read += readTable(
            db, COLD, "NULL", " WHERE storage = 'sqlite' AND archive_blob IS NOT NULL", true, done, sink, gone);
      } else if (done.add(COLD + "#schema")) {
        schemaWarning(db, COLD);
      }
    }
    return read;
  }

  /**
   * Reads the cold archive files {@code sessionsDir/cold/*.jsonl.zst} whose path, size and modification time are not
   * in {@code done}, and adds them. A file whose bytes do not hash to the SHA-256 in its name is a {@link
   * WarningKind#BAD_ARCHIVE} and is not read. A missing directory gives nothing.
   *
   * @return how many files were read
   */
  public int readColdFiles(Path sessionsDir, Set<String> done, EventSink sink) {
    if (sessionsDir == null) {
      return 0;
    }
    Path dir = sessionsDir.resolve(COLD_DIR);
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.jsonl.zst")) {
      ds.forEach(files::add);
    } catch (IOException e) {
      warnings.add(WarningKind.UNREADABLE, dir.toString(), "", "cannot list: " + e.getMessage());
      return 0;
    }
    files.sort(null);
    int read = 0;
    for (Path f : files) {
      String path = f.toAbsolutePath().toString();
      BasicFileAttributes a;
      try {
        a = Files.readAttributes(f, BasicFileAttributes.class);
      } catch (IOException e) {
        continue; // gone since the listing
      }
      // published whole by a rename and never changed; a file that does change (size, time) is read again, and the
      // events already kept from it deduplicate
      String key = coldFileKey(path, a);
      if (!a.isRegularFile() || !done.add(key)) {
        continue;
      }
      read++;
      SourceRef ref = new SourceRef(SourceKind.ZSTD_ARCHIVE, path);
      try {
        if (!nameMatchesContent(f)) {
          warnings.add(
              WarningKind.BAD_ARCHIVE, path, "", "content does not match the SHA-256 its name gives; archive skipped");
          continue;
        }
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(f))) {
          readCold(raw, true, ref, null, sink);
        }
      } catch (IOException e) {
        warnings.add(WarningKind.UNREADABLE, path, "", "cannot read: " + e.getMessage());
      }
    }
    return read;
  }

  /**
   * Whether a cold archive's bytes hash to the SHA-256 its name {@code <sha256>.jsonl.zst} gives, as OpenClaw names
   * and verifies them ({@code session-cold-storage-worker}, {@code readVerifiedSessionColdArchive}); true for names
   * that are not a hash.
   */
  private static boolean nameMatchesContent(Path f) throws IOException {
    String name = f.getFileName().toString();
    String stem = name.substring(0, name.length() - ".jsonl.zst".length());
    if (stem.length() != 64 || !stem.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
      return true;
    }
    MessageDigest sha = newSha256();
    try (InputStream in = Files.newInputStream(f)) {
      byte[] buf = new byte[64 * 1024];
      for (int n; (n = in.read(buf)) > 0; ) {
        sha.update(buf, 0, n);
      }
    }
    return HexFormat.of().formatHex(sha.digest()).equalsIgnoreCase(stem);
  }

  private void schemaWarning(ReadOnlyDatabase db, String table) {
    warnings.add(
        WarningKind.UNKNOWN_SCHEMA,
        db.path() + "#" + table,
        "",
        "table lacks session_id/generation/archive_blob/archive_sha256 (user_version "
            + db.userVersion()
            + "): its archives are not read");
  }

  /** The key under which an archive blob is marked read: its table, session and generation. */
  private static String blobKey(String table, String sessionId, String generation) {
    return table + "/" + sessionId + "/" + generation;
  }

  /**
   * The key under which a cold file is marked read: its absolute path, size and time (a file that does change is read
   * again under its new key, and the events already kept from it deduplicate).
   */
  private static String coldFileKey(String path, BasicFileAttributes a) {
    return path + "|" + a.size() + "|" + a.lastModifiedTime().toMillis();
  }

  /** Whether a cold file marked read in {@code done} is gone (other keys, of blobs, are passed over). */
  static boolean coldFileGone(Set<String> done) {
    for (String key : done) {
      int time = key.lastIndexOf('|');
      int size = time <= 0 ? -1 : key.lastIndexOf('|', time - 1);
      if (size <= 0) {
        continue; // a blob's key
      }
      Path file = Path.of(key.substring(0, size));
      Path dir = file.getParent();
      if (dir != null && dir.getFileName() != null && COLD_DIR.equals(dir.getFileName().toString())
          && !Files.exists(file)) {
        return true;
      }
    }
    return false;
  }

  private int readTable(
      ReadOnlyDatabase db, String table, String encoding, String where, boolean cold, Set<String> done,
      EventSink sink, Runnable gone) {
    record Row(String sessionId, String generation, String encoding, String sha256) {}
    List<Row> rows = new ArrayList<>();
    boolean answered = db.query(
        "SELECT session_id, generation, " + encoding + ", archive_sha256 FROM " + table + where
            + " ORDER BY session_id, generation",
        null,
        rs -> rows.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))),
        warnings);
    if (answered) {
      Set<String> present = new java.util.HashSet<>();
      rows.forEach(r -> present.add(blobKey(table, r.sessionId(), r.generation())));
      if (done.stream().anyMatch(k -> k.startsWith(table + "/") && !present.contains(k))) {
        gone.run();
      }
    }
    int read = 0;
    for (Row r : rows) {
      String key = blobKey(table, r.sessionId(), r.generation());
      if (!done.add(key)) {
        continue;
      }
      read++;
      String source = db.path() + "#" + key;
      byte[][] blob = new byte[1][];
      db.query(
          "SELECT archive_blob FROM " + table + " WHERE session_id = ? AND generation = ?",
          new Object[] {r.sessionId(), r.generation()},
          rs -> blob[0] = rs.getBytes(1),
          warnings);
      if (blob[0] == null) {
        done.remove(key); // gone meanwhile, or a failed query (warned): tried again on the next refresh
        read--;
        continue;
      }
      String sha = HexFormat.of().formatHex(newSha256().digest(blob[0]));
      if (!sha.equalsIgnoreCase(String.valueOf(r.sha256()))) {
        warnings.add(
            WarningKind.BAD_ARCHIVE,
            source,
            "",
            "archive_sha256 does not match the stored blob (session " + r.sessionId() + ", generation "
                + r.generation() + "); blob skipped");
        continue;
      }
      boolean zstd = r.encoding() == null ? hasZstdMagic(blob[0]) : "zstd".equals(r.encoding());
      SourceKind kind = zstd ? SourceKind.ZSTD_ARCHIVE : SourceKind.JSONL_ARCHIVE;
      SourceRef ref = new SourceRef(kind, source);
      InputStream in = new ByteArrayInputStream(blob[0]);
      if (cold) {
        readCold(in, zstd, ref, r.sessionId(), sink);
      } else {
        readTranscript(in, zstd, ref, r.sessionId(), sink);
      }
    }
    return read;
  }

  /** Canonical transcript JSONL, parsed like a file's lines; line numbers are positions. */
  private void readTranscript(InputStream blob, boolean zstd, SourceRef ref, String sessionId, EventSink sink) {
    StreamState state = new StreamState(sessionId);
    LineReader reader = new LineReader(ref.path(), true, warnings);
    long[] lines = {0};
    LineReader.RawLineSink each =
        line -> {
          lines[0] = line.number();
          EventOrigin origin = new EventOrigin(ref.kind(), ref.path(), line.number());
          TranscriptFileReader.parse(parser, line, origin, state, sessionId, withContent)
              .ifPresent(event -> sink.event(ref, state, event));
          return true;
        };
    try (InputStream in = zstd ? ZstdStreams.open(blob) : blob) {
      reader.readRaw(in, LineReader.Position.START, each);
    } catch (IOException | RuntimeException e) {
      badArchive(ref, lines[0], e);
    }
  }

  /**
   * OpenClaw's cold record format: the header's session id, then each event row's {@code event_json}. A record longer
   * than {@link LineReader#MAX_MATERIALISED_LINE} is streamed through {@link ColdRecordReducer}: its event is reduced
   * and parsed as a too-long transcript line is (same event, dedup key and usage, content dropped), with a {@link
   * WarningKind#LINE_TOO_LONG} warning; one that cannot be read is a {@link WarningKind#MALFORMED_LINE}.
   */
  private void readCold(InputStream raw, boolean zstd, SourceRef ref, String sessionId, EventSink sink) {
    StreamState[] state = {new StreamState(sessionId)};
    String[] session = {sessionId};
    ColdRecordReducer reducer = new ColdRecordReducer();
    LineReader reader = new LineReader(ref.path(), true, warnings).reducingLongLinesWith(reducer);
    long[] lines = {0};
    int[] headers = {0};
    LineReader.LineSink each =
        line -> {
          lines[0] = line.number();
          String at = "line " + line.number();
          JsonNode n;
          try {
            n = Json.STRICT.readTree(line.text());
          } catch (IOException | RuntimeException e) {
            n = null;
          }
          if (n == null || !n.isObject()) {
            warnings.add(
                WarningKind.MALFORMED_LINE, ref.path(), at, line.contentDropped()
                    ? TOO_LONG + " is not a well-formed record (" + reducer.problem() + "): skipped"
                    : "cold archive records that are not JSON objects were skipped");
            return true;
          }
          String kind = n.path("kind").asText("");
          if ("header".equals(kind)) {
            headers[0]++;
            if (line.contentDropped()) {
              warnings.add(
                  WarningKind.LINE_TOO_LONG, ref.path(), at, "cold archive header record longer than "
                      + LineReader.MAX_MATERIALISED_LINE + " bytes (pathological): only its kind and sessionId were "
                      + "read");
            }
            String id = n.path("sessionId").textValue();
            if (id != null && !id.equals(session[0])) {
              session[0] = id;
              state[0] = new StreamState(id);
            }
          } else if ("event".equals(kind)) {
            String json = n.path("row").path("event_json").textValue();
            if (json == null) {
              warnings.add(
                  WarningKind.MALFORMED_LINE, ref.path(), at, "cold archive event records "
                      + "without event_json were skipped");
              return true;
            }
            EventOrigin origin = new EventOrigin(ref.kind(), ref.path(), line.number());
            RawRecord record = new RawRecord(json, origin, session[0]);
            if (line.contentDropped()) {
              warnings.add(WarningKind.LINE_TOO_LONG, ref.path(), at, TOO_LONG + ": content dropped, usage kept");
            }
            // a reduced event is parsed from its text, as TranscriptFileReader.parse does for a too-long line
            (withContent || line.contentDropped()
                    ? parser.parse(record, state[0])
                    : parser.parseWithoutContent(record, state[0]))
                .ifPresent(e -> sink.event(ref, state[0], e));
          }
          return true; // identity, active, index, fts: derived data
        };
    try (InputStream in = zstd ? ZstdStreams.open(raw) : raw) {
      reader.read(in, LineReader.Position.START, each);
    } catch (IOException | RuntimeException e) {
      badArchive(ref, lines[0], e);
      return;
    }
    if (headers[0] == 0) {
      warnings.add(
          WarningKind.BAD_ARCHIVE, ref.path(), "", "no cold archive header record: not an OpenClaw cold archive");
    }
  }

  private void badArchive(SourceRef ref, long linesRead, Exception e) {
    warnings.add(
        WarningKind.BAD_ARCHIVE,
        ref.path(),
        "line " + (linesRead + 1),
        "archive could not be decoded (" + e.getMessage() + "); the " + linesRead + " lines before it were kept");
  }

  private static boolean hasZstdMagic(byte[] b) {
    return b.length >= 4 && b[0] == 0x28 && b[1] == (byte) 0xB5 && b[2] == 0x2F && b[3] == (byte) 0xFD;
  }

  /** A SHA-256 digest (every Java platform has one). */
  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("no SHA-256", e);
    }
  }
}
