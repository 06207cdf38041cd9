package io.clawmetry.core.source;

import io.clawmetry.api.SourceKind;
import io.clawmetry.api.SourceRef;
import io.clawmetry.api.TranscriptEvent;
import io.clawmetry.core.event.EventParser;
import io.clawmetry.core.event.StreamState;
import io.clawmetry.core.warn.Warnings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * One agent's transcripts read once and then kept up to date by reading only what changed: per file its size,
 * modification time, identity and last complete line offset (a half-written last line is read when it is complete);
 * per database session the highest {@code seq} read; archive blobs and cold archive files ({@link TranscriptArchives})
 * once each, since they never change. Reading order is rows, blobs, cold files, other files, so that each event is
 * kept from the first of these that holds it (FORMATS §6.5: rows win). Whatever the extractor takes from each
 * distinct event (model calls, for usage) is kept, with the per-session summaries. Events are parsed without their
 * message content (the ledger keeps none), in the same parser's faster mode. A file that shrank, was replaced or vanished makes the
 * next refresh read everything again, which is always correct. Not thread-safe: the owner serialises calls.
 *
 * @param <T> what is kept of an event
 */
public final class TranscriptLedger<T> implements AutoCloseable {

  /**
   * What one refresh read.
   *
   * @param full whether everything was read again
   * @param filesRead transcript files read (from their cursor on)
   * @param bytesRead bytes read from them
   * @param newEvents distinct events added
   * @param archivesRead archive blobs and cold archive files read ({@link TranscriptArchives}; each once per ledger)
   */
  public record Delta(boolean full, int filesRead, long bytesRead, long newEvents, int archivesRead) {}

  private static final class Cursor {
    final TranscriptFile file;
    final StreamState state;
    // the file key; in a ledger restored from a cache file its text (comparable across processes) until the file is
    // seen again, then the key itself (compared without making a string per refresh)
    Object identity;
    long size;
    long modified;
    LineReader.Position position = LineReader.Position.START;

    Cursor(TranscriptFile file) {
      this(file, TranscriptFileReader.newState(file));
    }

    Cursor(TranscriptFile file, StreamState state) {
      this.file = file;
      this.state = state;
    }

    /** Whether {@code a} describes the file this cursor read. */
    boolean sameFile(BasicFileAttributes a) {
      Object k = a.fileKey();
      if (!(identity instanceof String restored)) {
        return Objects.equals(identity, k);
      }
      boolean same = restored.equals(String.valueOf(k));
      if (same) {
        identity = k;
      }
      return same;
    }
  }

  private final String agentId;
  private final Path sessionsDir;
  private final Path legacySessionsDir;
  private final Path agentDatabase;
  private final Function<TranscriptEvent, Optional<T>> extractor;
  private final Supplier<? extends List<T>> store;
  private volatile boolean watchDirectories;

  private final Map<Path, Cursor> cursors = new LinkedHashMap<>();
  private final Map<String, StreamState> dbStates = new HashMap<>();
  private Map<String, SessionRows> dbRead = new LinkedHashMap<>();
  /** Archive blobs and cold files already read: they never change, so each is read once. */
  private Set<String> archivesDone = new HashSet<>();
  /** The agent database's file key when it was last read: another file there (a restored backup) means a full read. */
  private String dbIdentity;
  private int archivesRead;
  private DedupKeySet seen = new DedupKeySet();
  private List<T> items;
  private SummaryBuilder summaries;
  /** Identity changes of the summaries replaced so far (each replacement counting one more). */
  private long replacedIdentityChanges;
  private Warnings warnings = new Warnings(); // what lines, rows and archives read said: each once
  // conditions of the sources, found again by every refresh (unreadable files, a database that cannot be opened):
  // replaced at each listing and each database read instead of adding up, and never kept in a cache file
  private Warnings listingWarnings = new Warnings();
  private Warnings databaseWarnings = new Warnings();
  private boolean loaded;
  private DirectoryWatch watch;
  // whether files read before are still readable is asked again at most every READABLE_RECHECK (a listing otherwise
  // only stats a file unchanged since it was read), and at once when the watch reports a file that is no longer so
  private Predicate<Path> readable = Files::isReadable;
  private LongSupplier nanoClock = System::nanoTime;
  private long readableCheckedAt;
  private boolean readableChecked;

  /** How long a listing trusts that a file read before, and unchanged since, is still readable. */
  static final Duration READABLE_RECHECK = Duration.ofMinutes(1);

  /** A ledger over the same sources as {@link TranscriptScanner}, keeping its items in an {@link ArrayList}. */
  public TranscriptLedger(
      String agentId,
      Path sessionsDir,
      Path legacySessionsDir,
      Path agentDatabase,
      Function<TranscriptEvent, Optional<T>> extractor) {
    this(agentId, sessionsDir, legacySessionsDir, agentDatabase, extractor, ArrayList::new);
  }

  /**
   * A ledger over the same sources as {@link TranscriptScanner}, keeping its items in lists made by {@code store}: a
   * new one at first and whenever everything is read again (a list handed out earlier is never cleared). A
   * {@link PrefixList} makes {@link #snapshot()} free.
   */
  public TranscriptLedger(
      String agentId,
      Path sessionsDir,
      Path legacySessionsDir,
      Path agentDatabase,
      Function<TranscriptEvent, Optional<T>> extractor,
      Supplier<? extends List<T>> store) {
    this.store = store;
    this.items = store.get();
    this.agentId = agentId;
    this.sessionsDir = sessionsDir;
    this.legacySessionsDir = legacySessionsDir;
    this.agentDatabase = agentDatabase;
    this.extractor = extractor;
    this.summaries = new SummaryBuilder(agentId);
  }

  /**
   * Whether refreshes after the first watch the transcript directories instead of stat-ing every file. For a
   * process that refreshes periodically (the dashboard): the system reports modifications asynchronously, so an
   * append is seen by the refresh after the one that runs right after it. Off by default (a refresh then sees
   * everything written before it started).
   */
  public void watchDirectories(boolean on) {
    watchDirectories = on;
    if (!on) {
      closeWatch();
    }
  }

  /** For tests: how readability is decided, and the clock of {@link #READABLE_RECHECK}. */
  void readabilityCheck(Predicate<Path> readable, LongSupplier nanoClock) {
    this.readable = readable;
    this.nanoClock = nanoClock;
  }

  /** The agent id. */
  public String agentId() {
    return agentId;
  }

  /** What this ledger reads: the agent and its sources as absolute paths (a {@link LedgerCache} file's identity). */
  public String sourcesKey() {
    return agentId + "\n" + absolute(sessionsDir) + "\n" + absolute(legacySessionsDir) + "\n" + absolute(agentDatabase);
  }

  private static String absolute(Path p) {
    return p == null ? "" : p.toAbsolutePath().normalize().toString();
  }

  /**
   * Reads what changed since the last refresh (everything the first time). From the second refresh on, the
   * transcript directories are watched: a refresh then looks only at the files the system reported as modified,
   * and lists and stats everything only when a transcript was created, deleted or renamed, and once every {@link
   * #READABLE_RECHECK} to ask every file whether it is still readable.
   */
  public Delta refresh() {
    // the readability recheck needs a listing: a watch reports nothing when, say, a directory's mode changes
    if (loaded && watch != null && !readableRecheckDue()) {
      Set<Path> changed = watch.changes();
      if (changed != null) {
        Delta d = refreshWatched(changed);
        if (d != null) {
          return d;
        }
      }
    }
    return refreshListed();
  }

  /** Reads the files the watch reported; null when one of them needs the full path (unknown, replaced, shrunk). */
  private Delta refreshWatched(Set<Path> changed) {
    List<Pending> pending = new ArrayList<>();
    for (Path p : changed) {
      Cursor c = cursors.get(p);
      BasicFileAttributes a = attributes(p);
      if (c != null && a != null && !readable.test(p)) { // made unreadable (a mode change is reported like a
        readableChecked = false; // modification): the listing asks every file again, archives included
        return null;
      }
      if (c == null || a == null || !c.sameFile(a) || a.size() < c.position.offset() || c.file.compressed()) {
        return null;
      }
      if (a.size() != c.size || a.lastModifiedTime().toMillis() != c.modified) {
        pending.add(new Pending(c, a));
      }
    }
    if (databaseReplacedOrColdFileGone()) {
      return null; // the full path reads everything again
    }
    long before = seen.size();
    archivesRead = 0;
    if (!readDatabase()) {
      return null; // rows or blobs read before are gone: the full path finds it too and reads everything again
    }
    readColdFiles();
    long bytes = read(pending);
    return new Delta(false, pending.size(), bytes, seen.size() - before, archivesRead);
  }

  /** Lists and stats every transcript file, reads what grew, and (re)starts the directory watch. */
  private Delta refreshListed() {
    boolean watchAfter = watchDirectories && loaded; // a first full read (a one-shot report) does not watch
    closeWatch();
    Set<Path> dirs = new LinkedHashSet<>();
    if (watchAfter) {
      dirs.add(sessionsDir);
      if (legacySessionsDir != null) {
        dirs.add(legacySessionsDir);
      }
      cursors.keySet().forEach(p -> dirs.add(p.getParent()));
      dirs.removeIf(d -> d == null || !Files.isDirectory(d));
      watch = DirectoryWatch.start(dirs).orElse(null); // before listing: nothing appended from now on is missed
    }
    Map<Path, BasicFileAttributes> listed = new HashMap<>();
    List<TranscriptFile> files = files(listed);
    if (watch != null && !files.stream().allMatch(f -> dirs.contains(f.path().getParent()))) {
      closeWatch(); // a transcript in a directory not watched yet: stat loop this time, watched from the next listing
    }
    Map<Path, BasicFileAttributes> stats = new HashMap<>();
    for (TranscriptFile f : files) {
      BasicFileAttributes a = listed.get(f.path()); // one stat per file and refresh: the listing's
      if (a == null) {
        a = attributes(f.path()); // a symbolic link: what it points to
      }
      if (a != null) {
        stats.put(f.path(), a);
      }
    }
    if (loaded && needsFullRead(files, stats)) {
      reset();
    }
    boolean full = !loaded;
    long before = seen.size();
    archivesRead = 0;
    if (!readDatabase()) {
      reset(); // rows or blobs read before are gone: a read from scratch would not count them
      full = true;
      before = 0;
      archivesRead = 0;
      readDatabase();
    }
    readColdFiles();
    List<Pending> pending = new ArrayList<>();
    for (TranscriptFile f : order(files, new TranscriptFileReader(warnings))) {
      Cursor c = cursors.computeIfAbsent(f.path(), p -> new Cursor(f));
      BasicFileAttributes a = stats.get(f.path());
      if (a != null && (a.size() != c.size || a.lastModifiedTime().toMillis() != c.modified)) {
        pending.add(new Pending(c, a));
      }
    }
    long bytes = read(pending);
    loaded = true;
    return new Delta(full, pending.size(), bytes, seen.size() - before, archivesRead);
  }

  /** Reads the pending files, in order; returns the bytes read. */
  private long read(List<Pending> pending) {
    long[] bytes = {0};
    // files are parsed on a small pool and their events taken in file order, so dedup sees what one thread would
    OrderedWorkers.run(
        pending,
        p -> p.attributes().size() - p.cursor().position.offset() <= (p.cursor().file.compressed()
            ? READ_AHEAD_LIMIT / 4 : READ_AHEAD_LIMIT),
        p -> {
          List<TranscriptEvent> events = new ArrayList<>();
          TranscriptFileReader reader = new TranscriptFileReader(new Warnings());
          LineReader.Position to = read(reader, p, events::add);
          return new Read(p, to, events, reader);
        },
        r -> {
          SourceRef ref = r.pending().cursor().file.ref();
          r.events().forEach(e -> accept(e, ref));
          takeWarnings(r.reader(), r.pending());
          bytes[0] += advance(r.pending(), r.to());
        },
        p -> {
          SourceRef ref = p.cursor().file.ref();
          TranscriptFileReader reader = new TranscriptFileReader(new Warnings());
          bytes[0] += advance(p, read(reader, p, e -> accept(e, ref)));
          takeWarnings(reader, p);
        });
    return bytes[0];
  }

  /**
   * Adds what the read of one file reported, in file order (the pool finishes files in any order; the warnings come
   * out the same every time). An incomplete last line is the file's current state: it replaces or clears the one
   * reported before.
   */
  private void takeWarnings(TranscriptFileReader reader, Pending p) {
    io.clawmetry.api.Warning tail = null; // the reader read this one file: its incomplete line, if any, is the end's
    for (io.clawmetry.api.Warning w : reader.warnings().list()) {
      if (w.kind() == io.clawmetry.api.WarningKind.INCOMPLETE_LINE) {
        tail = w;
      } else {
        warnings.add(w.kind(), w.source(), w.count(), w.firstPosition(), w.message());
      }
    }
    if (tail != null) {
      warnings.set(tail.kind(), tail.source(), tail.firstPosition(), tail.message());
    } else if (!p.cursor().file.compressed()) {
      warnings.remove(io.clawmetry.api.WarningKind.INCOMPLETE_LINE, p.cursor().file.path().toString());
    }
  }

  /** Stops watching the directories (a ledger no longer refreshed should be closed). */
  @Override
  public void close() {
    closeWatch();
  }

  private synchronized void closeWatch() {
    if (watch != null) {
      watch.close();
      watch = null;
    }
  }

  /** Files this large (left to read) are streamed on the calling thread instead of buffered on the pool. */
  private static final long READ_AHEAD_LIMIT = 16L * 1024 * 1024;

  /** A file with bytes not read yet. */
  private record Pending(Cursor cursor, BasicFileAttributes attributes) {}

  /** What a pool thread read of a file (the reader holds what it reported). */
  private record Read(Pending pending, LineReader.Position to, List<TranscriptEvent> events, TranscriptFileReader reader) {}

  /** Reads a file from its cursor on (any thread: each file has its own cursor, parsing state and reader). */
  private static LineReader.Position read(
      TranscriptFileReader reader, Pending p, java.util.function.Consumer<TranscriptEvent> sink) {
    Cursor c = p.cursor();
    return reader.readWithoutContent(c.file, c.position, c.state, sink);
  }

  /** Moves a file's cursor past what was read; returns the bytes read. */
  private static long advance(Pending p, LineReader.Position to) {
    Cursor c = p.cursor();
    long from = c.position.offset();
    c.position = to;
    c.identity = p.attributes().fileKey();
    c.size = p.attributes().size();
    c.modified = p.attributes().lastModifiedTime().toMillis();
    return c.file.compressed() ? p.attributes().size() : Math.max(0, to.offset() - from);
  }

  /** Whether a first refresh has run. */
  public boolean loaded() {
    return loaded;
  }

  /** Everything kept so far, in reading order: a live view, for the thread that refreshes. */
  public List<T> items() {
    return Collections.unmodifiableList(items);
  }

  /**
   * Everything kept so far, in reading order, as an immutable list that later refreshes leave as it is (a prefix
   * view of a {@link PrefixList} store, else a copy): what may be published to other threads.
   */
  public List<T> snapshot() {
    return items instanceof PrefixList<T> p ? p.prefix(p.size()) : List.copyOf(items);
  }

  /**
   * A count that grows whenever a refresh changes what the summaries say about which sessions there are and what they
   * are (a new session id, a parent session or cron job found, the summaries read again): equal counts mean that
   * only figures changed, so calls can be joined with a session list merged earlier.
   */
  public long sessionIdentityChanges() {
    return replacedIdentityChanges + summaries.identityChanges();
  }

  /** One summary per session id, as of the last refresh. */
  public List<TranscriptSummary> summaries() {
    return summaries.build();
  }

  /**
   * The warnings of everything read (each line once), with those of the sources' current state (the last listing and
   * database read): a new collection, for the thread that refreshes. Those of what was read come by source, then
   * kind: the same order however the reading went (one cold read, or pieces over many refreshes and runs).
   */
  public Warnings warnings() {
    Warnings all = new Warnings();
    all.addAll(
        warnings.list().stream()
            .sorted(java.util.Comparator.comparing(io.clawmetry.api.Warning::source)
                .thenComparing(io.clawmetry.api.Warning::kind))
            .toList());
    all.addAll(listingWarnings);
    all.addAll(databaseWarnings);
    return all;
  }

  private void accept(TranscriptEvent e, SourceRef ref) {
    summaries.source(e.meta().sessionId(), ref);
    if (seen.add(e.meta().dedupKey())) {
      summaries.event(e);
      extractor.apply(e).ifPresent(items::add);
    }
  }

  /**
   * Reads the database's new rows and blobs; false when rows or blobs read before are gone (what was read of them
   * stays in this ledger until it reads everything again).
   */
  private boolean readDatabase() {
    dbIdentity = databaseIdentity();
    Warnings opening = new Warnings();
    boolean[] complete = {true};
    AgentDatabaseTranscripts.with(
        agentDatabase,
        opening,
        t -> {
          EventParser parser = new EventParser(warnings);
          SourceRef ref = new SourceRef(SourceKind.SQLITE_TRANSCRIPT, agentDatabase.toAbsolutePath().toString());
          Map<String, SessionRows> next =
              t.readAfter(
                  dbRead,
                  warnings,
                  r -> {
                    StreamState s = dbStates.computeIfAbsent(r.sessionIdHint(), StreamState::new);
                    parser.parseWithoutContent(r, s).ifPresent(e -> accept(e, ref));
                  });
          if (next == null) {
            complete[0] = false;
            return;
          }
          dbRead = next;
          // archive blobs after the rows, before any file: published archive files and cold files dedupe against
          // them; each blob is read once per ledger (they never change)
          archivesRead +=
              new TranscriptArchives(warnings)
                  .readBlobs(t.database(), archivesDone, (blobRef, state, e) -> accept(e, blobRef),
                      () -> complete[0] = false);
        });
    databaseWarnings = opening;
    return complete[0];
  }

  /**
   * The cold archives of {@code sessions/cold/} (FORMATS §6.5), after the database so that rows win; each file once
   * (they are named by their hash and never change).
   */
  private void readColdFiles() {
    archivesRead +=
        new TranscriptArchives(warnings).readColdFiles(sessionsDir, archivesDone, (ref, state, e) -> accept(e, ref));
  }


  private static String identity(BasicFileAttributes a) {
    return String.valueOf(a.fileKey());
  }

  /**
   * Whether the database read before is another file now or gone (its seq numbers say nothing about what was read),
   * or a cold archive file read before is gone: cheap checks (file attributes) that need a read from scratch.
   */
  private boolean databaseReplacedOrColdFileGone() {
    return dbIdentity != null && !dbIdentity.equals(databaseIdentity())
        || TranscriptArchives.coldFileGone(archivesDone);
  }

  private String databaseIdentity() {
    if (agentDatabase == null) {
      return null;
    }
    BasicFileAttributes a = attributes(agentDatabase);
    return a == null ? null : identity(a);
  }

  /**
   * Writes everything a ledger over the same sources needs to go on from here in another process ({@link
   * LedgerCache}): per file its cursor and parsing state, the database positions, the archives read, the dedup keys,
   * the items, the session summaries and the warnings. Only after a first refresh.
   */
  public void writeTo(java.io.DataOutput out, ItemCodec<T> codec) throws IOException {
    if (!loaded) {
      throw new IllegalStateException("nothing read yet");
    }
    Binary.writeLong(out, cursors.size());
    for (Cursor c : cursors.values()) {
      Binary.writeString(out, c.file.path().toString());
      Binary.writeString(out, c.file.kind().name());
      Binary.writeString(out, c.identity == null ? null : String.valueOf(c.identity));
      Binary.writeLong(out, c.size);
      Binary.writeLong(out, c.modified);
      Binary.writeLong(out, c.position.offset());
      Binary.writeLong(out, c.position.nextLineNumber());
      writeState(out, c.state);
    }
    Binary.writeLong(out, dbStates.size());
    for (Map.Entry<String, StreamState> e : dbStates.entrySet()) {
      Binary.writeString(out, e.getKey());
      writeState(out, e.getValue());
    }
    Binary.writeString(out, dbIdentity);
    Binary.writeLong(out, dbRead.size());
    for (Map.Entry<String, SessionRows> e : dbRead.entrySet()) {
      Binary.writeString(out, e.getKey());
      Binary.writeLong(out, e.getValue().lastSeq());
      Binary.writeLong(out, e.getValue().rows());
    }
    Binary.writeLong(out, archivesDone.size());
    for (String a : archivesDone) {
      Binary.writeString(out, a);
    }
    seen.writeTo(out);
    Binary.writeLong(out, items.size());
    Binary.Strings strings = new Binary.Strings();
    for (T item : items) {
      codec.write(out, item, strings);
    }
    summaries.writeTo(out);
    List<io.clawmetry.api.Warning> ws = warnings.list();
    Binary.writeLong(out, ws.size());
    for (io.clawmetry.api.Warning w : ws) {
      Binary.writeString(out, w.kind().name());
      Binary.writeString(out, w.source());
      Binary.writeLong(out, w.count());
      Binary.writeString(out, w.firstPosition());
      Binary.writeString(out, w.message());
    }
  }

  /**
   * Takes over what {@link #writeTo} wrote, as if this ledger had read it itself; the next {@link #refresh} reads only
   * what changed since. Only on a ledger that has read nothing yet; on an {@link IOException} it stays that way.
   */
  public void readFrom(java.io.DataInput in, ItemCodec<T> codec) throws IOException {
    if (loaded) {
      throw new IllegalStateException("already read");
    }
    Map<Path, Cursor> cs = new LinkedHashMap<>();
    for (int n = Binary.readCount(in, Integer.MAX_VALUE / 2), k = 0; k < n; k++) {
      Path path = Path.of(Binary.readString(in));
      SourceKind kind = LedgerCache.sourceKind(Binary.readString(in));
      String identity = Binary.readString(in);
      long size = Binary.readLong(in);
      long modified = Binary.readLong(in);
      LineReader.Position position = new LineReader.Position(Binary.readLong(in), Binary.readLong(in));
      Cursor c = new Cursor(new TranscriptFile(path, kind), readState(in));
      c.identity = identity;
      c.size = size;
      c.modified = modified;
      c.position = position;
      cs.put(path, c);
    }
    Map<String, StreamState> states = new HashMap<>();
    for (int n = Binary.readCount(in, Integer.MAX_VALUE / 2), k = 0; k < n; k++) {
      states.put(Binary.readString(in), readState(in));
    }
    String database = Binary.readString(in);
    Map<String, SessionRows> seqs = new LinkedHashMap<>();
    for (int n = Binary.readCount(in, Integer.MAX_VALUE / 2), k = 0; k < n; k++) {
      seqs.put(Binary.readString(in), new SessionRows(Binary.readLong(in), Binary.readLong(in)));
    }
    Set<String> archives = new HashSet<>();
    for (int n = Binary.readCount(in, Integer.MAX_VALUE / 2), k = 0; k < n; k++) {
      archives.add(Binary.readString(in));
    }
    DedupKeySet keys = DedupKeySet.readFrom(in);
    List<T> kept = store.get();
    Binary.Strings strings = new Binary.Strings();
    for (int n = Binary.readCount(in, Integer.MAX_VALUE / 2), k = 0; k < n; k++) {
      kept.add(codec.read(in, strings));
    }
    SummaryBuilder sums = SummaryBuilder.readFrom(agentId, in);
    Warnings ws = new Warnings();
    for (int n = Binary.readCount(in, 1 << 20), k = 0; k < n; k++) {
      io.clawmetry.api.WarningKind kind;
      try {
        kind = io.clawmetry.api.WarningKind.valueOf(Binary.readString(in));
      } catch (RuntimeException e) {
        throw new IOException("unknown warning kind", e);
      }
      ws.add(kind, Binary.readString(in), Binary.readLong(in), Binary.readString(in), Binary.readString(in));
    }
    cursors.clear();
    cursors.putAll(cs);
    dbStates.clear();
    dbStates.putAll(states);
    dbRead = seqs;
    dbIdentity = database;
    archivesDone = archives;
    seen = keys;
    items = kept;
    replacedIdentityChanges += summaries.identityChanges() + 1;
    summaries = sums;
    warnings = ws;
    loaded = true;
  }

  private static void writeState(java.io.DataOutput out, StreamState s) throws IOException {
    Binary.writeString(out, s.fallbackSessionId());
    Binary.writeString(out, s.headerSessionId());
    Binary.writeString(out, s.parentSession());
    Binary.writeLong(out, s.version());
    Binary.writeLong(out, s.contentSeen().size());
    for (Map.Entry<String, Integer> e : s.contentSeen().entrySet()) {
      Binary.writeString(out, e.getKey());
      Binary.writeLong(out, e.getValue());
    }
    out.writeBoolean(s.heartbeatTurn());
    Binary.writeString(out, s.heartbeatRun());
  }

  private static StreamState readState(java.io.DataInput in) throws IOException {
    String fallback = Binary.readString(in);
    String header = Binary.readString(in);
    String parent = Binary.readString(in);
    int version = (int) Binary.readLong(in);
    Map<String, Integer> seen = new HashMap<>();
    for (int n = Binary.readCount(in, Integer.MAX_VALUE / 2), k = 0; k < n; k++) {
      seen.put(Binary.readString(in), (int) Binary.readLong(in));
    }
    boolean heartbeatTurn = in.readBoolean();
    return StreamState.restore(fallback, header, parent, version, seen, heartbeatTurn, Binary.readString(in));
  }

  /** A known file vanished, shrank below what was read, or is another file now: read everything again. */
  private boolean needsFullRead(List<TranscriptFile> files, Map<Path, BasicFileAttributes> stats) {
    int present = 0; // files with a cursor: all cursors' files are there when it reaches their count (paths differ)
    for (TranscriptFile f : files) {
      Cursor c = cursors.get(f.path());
      if (c == null) {
        continue;
      }
      present++;
      BasicFileAttributes a = stats.get(f.path());
      if (a == null || !c.sameFile(a)) {
        return true;
      }
      boolean changed =
          c.file.compressed()
              ? a.size() != c.size // positions count decompressed bytes; an archive never grows
              : a.size() < c.position.offset();
      if (changed) {
        return true;
      }
    }
    return databaseReplacedOrColdFileGone() || present != cursors.size();
  }

  private void reset() {
    cursors.clear();
    dbStates.clear();
    dbRead = new LinkedHashMap<>();
    dbIdentity = null;
    archivesDone = new HashSet<>();
    seen = new DedupKeySet();
    items = store.get(); // a snapshot handed out earlier may still be read
    replacedIdentityChanges += summaries.identityChanges() + 1;
    summaries = new SummaryBuilder(agentId);
    warnings = new Warnings();
    // listingWarnings stay: every reset follows the listing that made them (an unreadable file found by it is still so)
    databaseWarnings = new Warnings();
    loaded = false;
  }

  /** Whether the next listing must ask every file again whether it is readable ({@link #READABLE_RECHECK}). */
  private boolean readableRecheckDue() {
    return !readableChecked || nanoClock.getAsLong() - readableCheckedAt >= READABLE_RECHECK.toNanos();
  }

  private List<TranscriptFile> files(Map<Path, BasicFileAttributes> attributes) {
    Warnings listing = new Warnings();
    boolean recheck = readableRecheckDue();
    if (recheck) {
      readableChecked = true;
      readableCheckedAt = nanoClock.getAsLong();
    }
    java.util.function.BiPredicate<Path, BasicFileAttributes> unchanged = (path, a) -> {
      Cursor c = cursors.get(path);
      return !recheck && c != null && c.size == a.size() && c.modified == a.lastModifiedTime().toMillis();
    };
    List<TranscriptFile> files =
        new ArrayList<>(TranscriptFiles.list(sessionsDir, listing, attributes, unchanged, readable));
    if (legacySessionsDir != null && !legacySessionsDir.equals(sessionsDir)) {
      files.addAll(TranscriptFiles.list(legacySessionsDir, listing, attributes, unchanged, readable));
    }
    listingWarnings = listing;
    return files;
  }

  /**
   * Known files first (in the order they were first read), then new files oldest session first by header time, so an
   * entry copied into a fork is booked to the session that wrote it.
   */
  private List<TranscriptFile> order(List<TranscriptFile> files, TranscriptFileReader reader) {
    if (files.size() == cursors.size() && files.stream().allMatch(f -> cursors.containsKey(f.path()))) {
      // no new file (the usual refresh): the files in the order they were first read
      List<TranscriptFile> out = new ArrayList<>(files.size());
      cursors.values().forEach(c -> out.add(c.file));
      return out;
    }
    Map<Path, TranscriptFile> byPath = new LinkedHashMap<>();
    files.forEach(f -> byPath.put(f.path(), f));
    List<TranscriptFile> out = new ArrayList<>(files.size());
    for (Path known : cursors.keySet()) {
      TranscriptFile f = byPath.remove(known);
      if (f != null) {
        out.add(f);
      }
    }
    record Dated(TranscriptFile file, Instant created) {}
    // first lines read on the pool: opening thousands of files one by one would keep the other cores idle
    List<Dated> fresh =
        new ArrayList<>(
            OrderedWorkers.map(List.copyOf(byPath.values()), f -> new Dated(f, reader.header(f).timestamp())));
    fresh.sort(
        Comparator.comparing(Dated::created, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(d -> d.file().path()));
    fresh.forEach(d -> out.add(d.file()));
    return out;
  }

  private BasicFileAttributes attributes(Path p) {
    try {
      return Files.readAttributes(p, BasicFileAttributes.class);
    } catch (IOException e) {
      return null;
    }
  }
}
