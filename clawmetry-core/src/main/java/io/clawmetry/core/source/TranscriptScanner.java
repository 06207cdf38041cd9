package io.clawmetry.core.source;

import io.clawmetry.api.SourceKind;
import io.clawmetry.api.SourceRef;
import io.clawmetry.api.TranscriptEvent;
import io.clawmetry.api.Warning;
import io.clawmetry.core.event.EventParser;
import io.clawmetry.core.event.StreamState;
import io.clawmetry.core.warn.Warnings;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Every transcript event of one agent from every counted source: the agent database's {@code transcript_events}
 * (first), its archive blobs and the cold archives of {@code sessions/cold/} ({@link TranscriptArchives}, FORMATS
 * §6.5), then the counted files of {@code agents/<a>/sessions/} and of the flat legacy {@code <stateDir>/sessions/}
 * ({@link TranscriptFiles}; {@code session-sqlite-import-archive/} is never read). Events are deduplicated within the
 * agent by {@link io.clawmetry.api.EventMeta#dedupKey()}, so fork copies, reset archives and migrated rows count once.
 * Streams: only the set of dedup keys ({@link DedupKeySet}, 12 bytes a key) is held while scanning. Files are parsed
 * on a small pool and consumed in order ({@link OrderedWorkers}), so results do not depend on threads. The facade
 * reads whole homes through {@link TranscriptLedger} (incrementally) and one session through {@link #session}.
 */
public final class TranscriptScanner {

  /** Receives every event before deduplication, with the source it came from. */
  @FunctionalInterface
  interface RawSink {
    void event(SourceRef source, StreamState state, TranscriptEvent event);
  }

  private final String agentId;
  private final Path sessionsDir;
  private final Path legacySessionsDir;
  private final Path agentDatabase;

  /**
   * @param agentId the agent id
   * @param sessionsDir {@code <stateDir>/agents/<a>/sessions} (may be missing or null)
   * @param legacySessionsDir the flat legacy {@code <stateDir>/sessions} to read too, or null
   * @param agentDatabase {@code agents/<a>/agent/openclaw-agent.sqlite}, or null
   */
  public TranscriptScanner(String agentId, Path sessionsDir, Path legacySessionsDir, Path agentDatabase) {
    this.agentId = agentId;
    this.sessionsDir = sessionsDir;
    this.legacySessionsDir = legacySessionsDir;
    this.agentDatabase = agentDatabase;
  }

  /** The agent id. */
  public String agentId() {
    return agentId;
  }

  /**
   * Hands every distinct event of the agent to {@code sink}: database rows first, then files in path order. Messages
   * come without their content blocks (see {@link EventParser#parseWithoutContent}); use {@link #session} for full
   * events.
   */
  public void scan(Warnings warnings, Consumer<TranscriptEvent> sink) {
    DedupKeySet seen = new DedupKeySet();
    readEverything(
        warnings,
        (source, state, e) -> {
          if (seen.add(e.meta().dedupKey())) {
            sink.accept(e);
          }
        });
  }

  /**
   * The distinct events of one session id, with content, from its database rows, the archive blobs and cold archives
   * holding it, and every file whose header id is {@code sessionId}, ordered by timestamp (an event without one takes the time of the event read before it), then by read
   * order.
   */
  public List<TranscriptEvent> session(String sessionId, Warnings warnings) {
    List<TranscriptEvent> events = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Consumer<TranscriptEvent> keep =
        e -> {
          if (seen.add(e.meta().dedupKey())) {
            events.add(e);
          }
        };
    // archives hold whole sessions whose rows may be gone: read them all, keep this session's events (after the
    // rows, before the files, as the ledger does)
    TranscriptArchives archives = new TranscriptArchives(warnings, true);
    TranscriptArchives.EventSink ofThisSession =
        (ref, state, e) -> {
          if (sessionId.equals(e.meta().sessionId())) {
            keep.accept(e);
          }
        };
    withDatabase(
        warnings,
        db -> {
          EventParser parser = new EventParser(warnings);
          StreamState state = new StreamState(sessionId);
          db.readSession(sessionId, -1, warnings, r -> parser.parse(r, state).ifPresent(keep));
          archives.readBlobs(db.database(), new java.util.HashSet<>(), ofThisSession);
        });
    archives.readColdFiles(sessionsDir, new java.util.HashSet<>(), ofThisSession);
    TranscriptFileReader reader = new TranscriptFileReader(warnings);
    for (Listed listed : files(warnings)) {
      TranscriptFile file = listed.file();
      if (sessionId.equals(reader.sessionId(file))) {
        reader.read(file, LineReader.Position.START, TranscriptFileReader.newState(file), keep);
      }
    }
    return inTimeOrder(events);
  }

  /** One summary per session id, over the same deduplicated events as {@link #scan}, sorted by first time then id. */
  public List<TranscriptSummary> summaries(Warnings warnings) {
    SummaryBuilder builder = new SummaryBuilder(agentId);
    DedupKeySet seen = new DedupKeySet();
    readEverything(
        warnings,
        (source, state, e) -> {
          builder.source(e.meta().sessionId(), source);
          if (seen.add(e.meta().dedupKey())) {
            builder.event(e);
          }
        });
    return builder.build();
  }

  private void readEverything(Warnings warnings, RawSink sink) {
    readDatabase(warnings, sink);
    new TranscriptArchives(warnings).readColdFiles(sessionsDir, new java.util.HashSet<>(), sink::event);
    readFiles(warnings, sink);
  }

  private void readDatabase(Warnings warnings, RawSink sink) {
    withDatabase(
        warnings,
        db -> {
          EventParser parser = new EventParser(warnings);
          SourceRef ref = new SourceRef(SourceKind.SQLITE_TRANSCRIPT, agentDatabase.toAbsolutePath().toString());
          for (String id : db.sessionIds(warnings)) {
            StreamState state = new StreamState(id);
            db.readSession(
                id,
                -1,
                warnings,
                r -> parser.parseWithoutContent(r, state).ifPresent(e -> sink.event(ref, state, e)));
          }
          new TranscriptArchives(warnings).readBlobs(db.database(), new java.util.HashSet<>(), sink::event);
        });
  }

  private void readFiles(Warnings warnings, RawSink sink) {
    OrderedWorkers.run(
        files(warnings),
        TranscriptScanner::fitsInMemory,
        listed -> {
          List<TranscriptEvent> events = new ArrayList<>();
          FileRead read = readFile(listed, events::add);
          return new FileEvents(read, events);
        },
        done -> {
          warnings.addAll(done.read().warnings());
          for (TranscriptEvent e : done.events()) {
            sink.event(done.read().source(), done.read().state(), e);
          }
        },
        listed -> {
          SourceRef ref = listed.file().ref();
          StreamState[] state = new StreamState[1];
          FileRead read =
              readFile(listed, e -> sink.event(ref, state[0], e), s -> state[0] = s);
          warnings.addAll(read.warnings());
        });
  }

  /** What reading one file gave besides its events. */
  private record FileRead(SourceRef source, StreamState state, List<Warning> warnings) {}

  /** The events of one file read on a worker thread. */
  private record FileEvents(FileRead read, List<TranscriptEvent> events) {}

  private FileRead readFile(Listed listed, Consumer<TranscriptEvent> sink) {
    return readFile(listed, sink, s -> {});
  }

  private FileRead readFile(Listed listed, Consumer<TranscriptEvent> sink, Consumer<StreamState> stateReady) {
    TranscriptFile file = listed.file();
    StreamState state = TranscriptFileReader.newState(file);
    stateReady.accept(state);
    Warnings own = new Warnings();
    new TranscriptFileReader(own).readWithoutContent(file, LineReader.Position.START, state, sink);
    return new FileRead(file.ref(), state, own.list());
  }

  /** Plain files up to this size (zstd archives up to a quarter of it) are read ahead on worker threads. */
  private static final long READ_AHEAD_LIMIT = 16L * 1024 * 1024;

  private static boolean fitsInMemory(Listed listed) {
    if (listed.size() < 0) {
      return false; // read inline, which reports the problem
    }
    return listed.size() <= (listed.file().compressed() ? READ_AHEAD_LIMIT / 4 : READ_AHEAD_LIMIT);
  }

  /** A counted file with its size when listed (-1 when it could not be read). */
  private record Listed(TranscriptFile file, long size) {}

  /**
   * The counted files, oldest session first (by header time; files without one last, then by path): an entry copied
   * into a fork is then booked to the session that first wrote it, whatever the file names sort like.
   */
  private List<Listed> files(Warnings warnings) {
    List<TranscriptFile> files = new ArrayList<>(TranscriptFiles.list(sessionsDir, warnings));
    if (legacySessionsDir != null && !legacySessionsDir.equals(sessionsDir)) {
      files.addAll(TranscriptFiles.list(legacySessionsDir, warnings));
    }
    TranscriptFileReader reader = new TranscriptFileReader(warnings);
    record Dated(Listed listed, Instant created) {}
    List<Dated> dated = new ArrayList<>(files.size());
    OrderedWorkers.run(
        files,
        f -> true,
        f -> new Dated(new Listed(f, size(f.path())), reader.header(f).timestamp()),
        dated::add,
        f -> {});
    dated.sort(
        Comparator.comparing(Dated::created, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(d -> d.listed().file().path()));
    List<Listed> out = new ArrayList<>(dated.size());
    dated.forEach(d -> out.add(d.listed()));
    return out;
  }

  private static long size(Path p) {
    try {
      return java.nio.file.Files.size(p);
    } catch (java.io.IOException e) {
      return -1;
    }
  }

  private void withDatabase(Warnings warnings, Consumer<AgentDatabaseTranscripts> body) {
    AgentDatabaseTranscripts.with(agentDatabase, warnings, body);
  }


  private static List<TranscriptEvent> inTimeOrder(List<TranscriptEvent> events) {
    record Placed(TranscriptEvent event, Instant time, int index) {}
    List<Placed> placed = new ArrayList<>(events.size());
    Instant last = Instant.EPOCH;
    for (int i = 0; i < events.size(); i++) {
      Instant t = events.get(i).meta().timestamp();
      if (t != null) {
        last = t;
      }
      placed.add(new Placed(events.get(i), last, i));
    }
    placed.sort(Comparator.comparing(Placed::time).thenComparingInt(Placed::index));
    List<TranscriptEvent> out = new ArrayList<>(placed.size());
    placed.forEach(p -> out.add(p.event()));
    return out;
  }
}
