package io.clawmetry.core;

import io.clawmetry.api.AgentInfo;
import io.clawmetry.api.CallCost;
import io.clawmetry.api.ClawMetry;
import io.clawmetry.api.CostMode;
import io.clawmetry.api.CronJob;
import io.clawmetry.api.CronRun;
import io.clawmetry.api.Era;
import io.clawmetry.api.HealthQuery;
import io.clawmetry.api.HealthSnapshot;
import io.clawmetry.api.Home;
import io.clawmetry.api.NamedPort;
import io.clawmetry.api.Overview;
import io.clawmetry.api.RefreshStats;
import io.clawmetry.api.Report;
import io.clawmetry.api.SessionInfo;
import io.clawmetry.api.SourceKind;
import io.clawmetry.api.SourceRef;
import io.clawmetry.api.SubagentNode;
import io.clawmetry.api.SubagentRun;
import io.clawmetry.api.TranscriptEvent;
import io.clawmetry.api.UsagePeriod;
import io.clawmetry.api.UsageQuery;
import io.clawmetry.api.UsageReport;
import io.clawmetry.api.UsageRow;
import io.clawmetry.api.Warning;
import io.clawmetry.api.WarningKind;
import io.clawmetry.api.gateway.Gateway;
import io.clawmetry.core.cron.CronRunReader;
import io.clawmetry.core.cron.CronStoreReader;
import io.clawmetry.core.discovery.AgentLayout;
import io.clawmetry.core.discovery.Environment;
import io.clawmetry.core.discovery.HomeLayout;
import io.clawmetry.core.discovery.HomeLocator;
import io.clawmetry.core.gateway.GatewayConnector;
import io.clawmetry.core.health.HealthCollector;
import io.clawmetry.core.health.HealthSources;
import io.clawmetry.core.pricing.CostFunction;
import io.clawmetry.core.pricing.PricedCost;
import io.clawmetry.core.report.Overviews;
import io.clawmetry.core.report.SubagentTrees;
import io.clawmetry.core.session.SubagentRegistry;
import io.clawmetry.core.source.LedgerCache;
import io.clawmetry.core.source.TranscriptFiles;
import io.clawmetry.core.source.TranscriptLedger;
import io.clawmetry.core.source.TranscriptSummary;
import io.clawmetry.core.sqlite.ReadOnlyDatabase;
import io.clawmetry.core.usage.Call;
import io.clawmetry.core.usage.CallCodec;
import io.clawmetry.core.usage.SessionJoin;
import io.clawmetry.core.usage.UsageAggregator;
import io.clawmetry.core.warn.Warnings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The facade: wires discovery, the transcript scanners, the session index, sub-agents, crons and usage. Session data
 * is read once into an immutable {@link HomeSnapshot} and reused; transcripts and usage are read on demand.
 */
final class DefaultClawMetry implements ClawMetry {

  /** Job ids name files ({@code runs/<jobId>.jsonl}): anything that could leave the directory is refused. */
  private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@-]{0,199}");

  /** The home as discovered; found again when agents or agent databases appear (under the refresh lock). */
  private volatile HomeLayout layout;
  /** The state dir the facade was opened with (null: discovered), to discover the home again. */
  private final Path stateDirOverride;
  private final boolean watchFiles;
  private final Environment env;
  private final Clock clock;
  /** What opening the home said (configuration, price files): it does not change while the facade is open. */
  private final Warnings warnings = new Warnings();
  /**
   * The warnings of the latest read of each part of the home (the session index, the home's files, the cron store,
   * each job's run log, the sub-agent registry, the sub-agent lineage), in the order first read (jobs' run logs: the
   * {@link #MAX_JOB_PARTS} read last, in the order last read): a part read again replaces what it said, so a file
   * written whole again leaves no warning behind it.
   */
  private final Map<String, List<Warning>> latest = new LinkedHashMap<>();
  private volatile Agents agents;
  private final CostFunction costs;
  private final SessionIndexCache indexCache = new SessionIndexCache();
  private final Object refreshLock = new Object();
  private volatile ReadState state;
  private Gateway gateway;
  private final LedgerCache cache;
  private boolean cacheStale; // something was read that the cache files do not hold yet
  /** The ledgers' session identity changes when the published state last merged the sessions. Under the refresh lock. */
  private long joinedIdentities = -1;

  private DefaultClawMetry(
      HomeLayout layout, Path stateDirOverride, Environment env, Clock clock, PricingFiles pricing,
      boolean watchFiles, Path cacheDir) {
    this.layout = layout;
    this.stateDirOverride = stateDirOverride;
    this.watchFiles = watchFiles;
    // never inside the OpenClaw home: nothing we run writes there
    boolean inHome = cacheDir != null && real(cacheDir).startsWith(real(layout.stateDirPath()));
    this.cache = cacheDir == null || inHome ? null : new LedgerCache(cacheDir);
    this.env = env;
    this.clock = clock;
    this.agents = new Agents(layout);
    agents.ledgers().forEach(l -> l.watchDirectories(watchFiles));
    this.costs = Prices.costs(layout, pricing, warnings);
    warnings.absorb(layout.warnings());
  }

  /** {@code p} with every symbolic link of its longest existing part resolved (the rest appended as it is). */
  private static Path real(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    Path existing = abs;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    try {
      return existing == null ? abs : existing.toRealPath().resolve(existing.relativize(abs));
    } catch (java.io.IOException e) {
      return abs;
    }
  }

  static ClawMetry open(
      Environment env, Path stateDir, Clock clock, PricingFiles pricing, boolean watchFiles, Path cacheDir) {
    HomeLayout layout = new HomeLocator(env).locate(stateDir);
    if (!layout.stateDirExists()) {
      throw new HomeNotFoundException(
          "no OpenClaw home found at "
              + layout.stateDir().value()
              + " ("
              + layout.stateDir().origin()
              + "); pass --home DIR or set OPENCLAW_STATE_DIR");
    }
    if (!layout.hasOpenClawData()) {
      throw new HomeNotFoundException(
          "no OpenClaw data in "
              + layout.stateDir().value()
              + " ("
              + layout.stateDir().origin()
              + "): no openclaw.json, no agent in agents/, no sessions/, state/openclaw.sqlite or cron/jobs.json;"
              + " pass the OpenClaw state dir with --home DIR or set OPENCLAW_STATE_DIR");
    }
    return new DefaultClawMetry(layout, stateDir, env, clock, pricing, watchFiles, cacheDir);
  }

  /** The clock reports use for "now". */
  Clock clock() {
    return clock;
  }

  private HomeSnapshot snapshot() {
    return state().snapshot();
  }

  /** The published state; the first call reads everything. */
  private ReadState state() {
    ReadState s = state;
    if (s == null) {
      refresh();
      s = state;
    }
    return s;
  }

  @Override
  public RefreshStats refresh() {
    synchronized (refreshLock) {
      long start = System.nanoTime();
      boolean full = false;
      int files = 0;
      long bytes = 0;
      long events = 0;
      if (state != null && agents.outdated()) {
        full |= rediscover();
      }
      Thread index = state == null ? indexCache.prefetch(layout) : null; // the first read: beside the transcripts
      try {
        for (TranscriptLedger<Call> l : agents.ledgers()) {
          if (cache != null && !l.loaded()) {
            cache.load(l, CallCodec.INSTANCE); // where an earlier run left off, when its file checks
          }
          TranscriptLedger.Delta d = l.refresh();
          cacheStale |= d.full() || d.filesRead() > 0 || d.newEvents() > 0 || d.archivesRead() > 0;
          full |= d.full();
          files += d.filesRead();
          bytes += d.bytesRead();
          events += d.newEvents();
        }
      } finally {
        joinUninterruptibly(index); // never two threads on the index cache
      }
      ReadState old = state;
      long identities = sessionIdentityChanges();
      // a session no merged list knows yet, or one whose transcript now names its cron job: merge again, so that its
      // calls are joined with it as a fresh read joins them (not as a transcript-only session of origin other)
      boolean sessionsChanged = identities != joinedIdentities;
      joinedIdentities = identities;
      if (old == null || full || sessionsChanged || !indexCache.upToDate(layout)) {
        state = readState(old == null ? 1 : old.generation + 1);
      } else if (events > 0 || !transcriptWarnings().equals(old.transcriptWarnings)) {
        // new calls, or the sources say something new: a malformed or half-written line read, a file now unreadable
        state = appended(old);
      }
      return new RefreshStats(full, files, bytes, events, Duration.ofNanos(System.nanoTime() - start));
    }
  }

  /**
   * Discovers the home again after an agent or an agent database appeared, keeping the ledgers of the agents that
   * read the same places. Caller holds the refresh lock.
   *
   * @return whether the agents changed (the published state is then merged again)
   */
  private boolean rediscover() {
    HomeLayout now = new HomeLocator(env).locate(stateDirOverride);
    if (!now.stateDirExists()) {
      return false;
    }
    Agents next = new Agents(now, agents);
    next.ledgers().forEach(l -> l.watchDirectories(watchFiles));
    layout = now;
    agents = next;
    return true;
  }

  private static void joinUninterruptibly(Thread t) {
    if (t == null) {
      return;
    }
    boolean interrupted = false;
    while (true) {
      try {
        t.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Merges the session index with the ledgers' summaries and takes each ledger's calls as they are now, to be joined
   * with these sessions when first read. Caller holds the refresh lock.
   */
  private ReadState readState(long generation) {
    HomeSnapshot s = readSnapshot();
    List<List<Call>> calls = new ArrayList<>();
    List<SessionJoins> joins = new ArrayList<>();
    for (TranscriptLedger<Call> l : agents.ledgers()) {
      calls.add(l.snapshot());
      joins.add(new SessionJoins(l.agentId(), s));
    }
    return new ReadState(generation, s, s, this::lockedSnapshot, calls, joins, transcriptWarnings());
  }

  /**
   * Only lines were appended (no file rewritten, no session index changed): the calls, now more of them, are joined
   * with the sessions already known; the session list itself is merged again only when someone asks for it. Caller
   * holds the refresh lock.
   */
  private ReadState appended(ReadState old) {
    List<List<Call>> calls = new ArrayList<>();
    for (TranscriptLedger<Call> l : agents.ledgers()) {
      calls.add(l.snapshot());
    }
    return new ReadState(
        old.generation + 1, old.joinedWith, null, this::lockedSnapshot, calls, old.joins, transcriptWarnings());
  }

  /** The sessions merged from the index and the ledgers' summaries. Caller holds the refresh lock. */
  private HomeSnapshot readSnapshot() {
    List<TranscriptSummary> summaries = new ArrayList<>();
    for (TranscriptLedger<Call> l : agents.ledgers()) {
      summaries.addAll(l.summaries());
    }
    List<Warning> transcripts = transcriptWarnings();
    HomeSnapshot s = HomeSnapshot.read(layout, indexCache, summaries, transcripts);
    // the transcripts' warnings describe their current state: warnings() takes them from the published state
    met("sessions", s.warnings().stream().filter(w -> !transcripts.contains(w)).toList());
    return s;
  }

  private HomeSnapshot lockedSnapshot() {
    synchronized (refreshLock) {
      return readSnapshot();
    }
  }

  /** The sum of the ledgers' {@link TranscriptLedger#sessionIdentityChanges()}. Caller holds the refresh lock. */
  private long sessionIdentityChanges() {
    long n = 0;
    for (TranscriptLedger<Call> l : agents.ledgers()) {
      n += l.sessionIdentityChanges();
    }
    return n;
  }

  /** How many jobs' run-log reads {@link #latest} keeps: the most recently read (job ids come from callers). */
  static final int MAX_JOB_PARTS = 256;

  private static final String JOB_PART = "cronRuns ";

  /**
   * Records what the latest read of {@code part} said, replacing what an earlier read of it said. Of the jobs' run
   * logs only the {@link #MAX_JOB_PARTS} read last are kept, so that asking for many job ids cannot grow it.
   */
  private void met(String part, List<Warning> said) {
    synchronized (latest) {
      if (said.isEmpty() || part.startsWith(JOB_PART)) {
        latest.remove(part); // a job's run log read again is the most recent
      }
      if (said.isEmpty()) {
        return;
      }
      latest.put(part, said);
      if (part.startsWith(JOB_PART)) {
        long jobs = latest.keySet().stream().filter(k -> k.startsWith(JOB_PART)).count();
        for (var it = latest.keySet().iterator(); jobs > MAX_JOB_PARTS && it.hasNext(); ) {
          if (it.next().startsWith(JOB_PART)) {
            it.remove();
            jobs--;
          }
        }
      }
    }
  }

  private List<Warning> transcriptWarnings() {
    Warnings w = new Warnings();
    for (TranscriptLedger<Call> l : agents.ledgers()) {
      w.addAll(l.warnings());
    }
    return w.list();
  }

  @Override
  public Home home() {
    ReadState st = state();
    Home h = st.home.get();
    if (h == null) {
      h = readHome(); // counts every agent's files: once per generation
      st.home.compareAndSet(null, h);
    }
    return h;
  }

  private Home readHome() {
    List<AgentInfo> infos = new ArrayList<>();
    Warnings w = new Warnings();
    for (AgentLayout a : layout.agents()) {
      infos.add(agentInfo(a, w));
    }
    met("home", w.list());
    List<Warning> all = new ArrayList<>(layout.warnings());
    all.addAll(w.list());
    return new Home(
        layout.stateDir(),
        layout.configPath(),
        layout.configFound(),
        layout.versionHint(),
        layout.gateway(),
        infos,
        layout.logDir(),
        layout.cronDir(),
        layout.notFound(),
        all);
  }

  private AgentInfo agentInfo(AgentLayout a, Warnings w) {
    int files = TranscriptFiles.list(a.sessionsDir(), w).size();
    if (a.isDefault() && layout.legacySessionsDir() != null) {
      files += TranscriptFiles.list(layout.legacySessionsDir(), w).size();
    }
    Integer schema = null;
    long events = 0;
    boolean transcriptTable = false;
    if (a.database() != null) {
      Optional<ReadOnlyDatabase> db = ReadOnlyDatabase.open(a.database(), w);
      if (db.isPresent()) {
        try (ReadOnlyDatabase d = db.get()) {
          schema = d.userVersion();
          transcriptTable = d.hasTable("transcript_events");
          if (transcriptTable) {
            long[] n = new long[1];
            d.query("SELECT count(*) FROM transcript_events", null, rs -> n[0] = rs.getLong(1), w);
            events = n[0];
          }
        }
      }
    }
    boolean importArchive = Files.isDirectory(a.sessionsDir().resolve("session-sqlite-import-archive"));
    Era era;
    if (transcriptTable) {
      era = files > 0 || importArchive ? Era.MIGRATED : Era.SQLITE;
    } else {
      era = files > 0 ? Era.JSONL : Era.EMPTY;
    }
    return new AgentInfo(
        a.id(),
        era,
        a.agentDir().toString(),
        a.sessionsDir().toString(),
        a.database() == null ? null : a.database().toString(),
        schema,
        a.workspace() == null ? null : a.workspace().toString(),
        files,
        events);
  }

  @Override
  public Report<SessionInfo> sessions() {
    HomeSnapshot s = snapshot();
    return new Report<>(s.sessions(), s.sources(), s.warnings());
  }

  @Override
  public Optional<SessionInfo> session(String keyOrSessionId) {
    return snapshot().find(keyOrSessionId);
  }

  @Override
  public Report<TranscriptEvent> transcript(String keyOrSessionId) {
    HomeSnapshot s = snapshot();
    Optional<SessionInfo> info = s.find(keyOrSessionId);
    if (info.isEmpty()) {
      return new Report<>(List.of(), List.of(), List.of());
    }
    SessionInfo si = info.get();
    List<String> ids = new ArrayList<>();
    if (si.key().equals(keyOrSessionId)) {
      ids.addAll(si.previousSessionIds());
      if (si.sessionId() != null) {
        ids.add(si.sessionId());
      }
    } else {
      ids.add(keyOrSessionId);
    }
    Warnings w = new Warnings();
    List<TranscriptEvent> events = new ArrayList<>();
    for (String id : ids) {
      events.addAll(agents.scanner(si.agentId()).session(id, w));
    }
    Set<SourceRef> sources = new LinkedHashSet<>();
    for (TranscriptEvent e : events) {
      sources.add(new SourceRef(e.meta().origin().kind(), e.meta().origin().source()));
    }
    // what these files say now is in this report; warnings() has it from the ledgers, which read the same files and
    // forget a warning whose cause is gone (a half-written line completed): kept here, it would stay for good
    return new Report<>(events, new ArrayList<>(sources), w.list());
  }

  @Override
  public Report<SubagentRun> subagents() {
    HomeSnapshot s = snapshot();
    Warnings w = new Warnings();
    List<SubagentRun> runs =
        withStateDb(
            w, db -> SubagentRegistry.read(layout.stateDirPath(), db, s.sessions(), layout.defaultAgentId(), w));
    met("subagents", w.list());
    return new Report<>(runs, stateSources(SourceKind.SUBAGENT_REGISTRY_JSON, layout.subagentRunsFile()), w.list());
  }

  @Override
  public Report<CronJob> crons() {
    Warnings w = new Warnings();
    Path cronDir = Path.of(layout.cronDir().value());
    List<CronJob> jobs = withStateDb(w, db -> CronStoreReader.read(cronDir, db, w));
    met("crons", w.list());
    return new Report<>(jobs, stateSources(SourceKind.CRON_STORE_JSON, layout.cronStoreFile()), w.list());
  }

  @Override
  public Report<CronRun> cronRuns(String jobId) {
    if (jobId == null || !SAFE_ID.matcher(jobId).matches() || jobId.contains("..")) {
      Warning bad = new Warning(WarningKind.PATH, String.valueOf(jobId), 1, "", "not a valid cron job id");
      return new Report<>(List.of(), List.of(), List.of(bad));
    }
    Warnings w = new Warnings();
    Path cronDir = Path.of(layout.cronDir().value());
    List<CronRun> runs = withStateDb(w, db -> CronRunReader.read(jobId, cronDir, db, w));
    met(JOB_PART + jobId, w.list());
    return new Report<>(
        runs, stateSources(SourceKind.CRON_RUN_LOG, cronDir.resolve("runs").resolve(jobId + ".jsonl")), w.list());
  }

  @Override
  public Optional<CallCost> cost(TranscriptEvent event, CostMode mode) {
    return Call.of(event)
        .filter(c -> !c.error())
        .map(c -> {
          PricedCost p = costs.cost(c.usage(), c.provider(), c.model(), mode,
              event.meta().origin() == null ? null : agentOf(event.meta().origin().source()));
          return new CallCost(p.amount(), p.source());
        });
  }

  /**
   * The warnings about files of agent {@code id}: its sessions dir, agent dir and database (the default agent's also
   * the flat pre-agent sessions dir). A report of one agent does not list another's malformed lines.
   */
  private List<Warning> ofAgent(List<Warning> all, String id) {
    return all.stream().filter(w -> id.equals(agentOf(w.source()))).toList();
  }

  /**
   * The agent whose files hold {@code source} (a path, or a database path with {@code #table}): under its sessions
   * dir, agent dir or database (the default agent's also the flat pre-agent sessions dir); null when none.
   */
  private String agentOf(String source) {
    if (source == null) {
      return null;
    }
    for (AgentLayout a : layout.agents()) {
      for (Path p : new Path[] {a.sessionsDir(), a.agentDir(), a.database(),
          a.isDefault() ? layout.legacySessionsDir() : null}) {
        String r = p == null ? null : p.toString();
        if (r != null && (source.equals(r) || source.startsWith(r + java.io.File.separator)
            || source.startsWith(r + "#"))) {
          return a.id();
        }
      }
    }
    return null;
  }

  @Override
  public UsageReport usage(UsageQuery query) {
    ReadState st = state();
    UsageReport cached = st.report(query);
    if (cached != null) {
      return cached;
    }
    Warnings w = new Warnings();
    w.addAll(query.agentId() == null ? st.transcriptWarnings : ofAgent(st.transcriptWarnings, query.agentId()));
    UsageAggregator agg = new UsageAggregator(query, costs);
    for (int l = 0; l < st.calls.size(); l++) {
      SessionJoins joins = st.joins.get(l);
      String lastId = null;
      SessionJoin join = null;
      for (Call c : st.calls.get(l)) { // decoded one at a time: garbage that dies young
        if (join == null || !java.util.Objects.equals(c.sessionId(), lastId)) {
          lastId = c.sessionId();
          join = joins.of(lastId);
        }
        agg.add(join, c);
      }
    }
    Set<SourceRef> sources = new LinkedHashSet<>();
    for (SessionInfo si : st.joinedWith.sessions()) {
      if (query.agentId() == null || query.agentId().equals(si.agentId())) {
        sources.addAll(si.transcripts());
      }
    }
    List<UsageRow> rows = agg.rows();
    if (agg.undated() > 0) {
      w.add(WarningKind.MISSING, "usage", agg.undated(), "",
          "model calls without a timestamp left out of date-based buckets");
    }
    Prices.unpricedWarnings(rows, query.costMode(), w, costs);
    Prices.partlyPricedWarnings(agg.partlyPriced(), w);
    // what the files hold belongs to the home (warnings() takes it from the state); what this query made of them (no
    // price, undated) to its report only
    UsageReport r = new UsageReport(query, rows, UsageAggregator.totals(rows), new ArrayList<>(sources), w.list());
    st.remember(query, r);
    return r;
  }

  @Override
  public List<SubagentNode> subagentTree() {
    return subagentReport().items();
  }

  @Override
  public Report<SubagentNode> subagentReport() {
    Map<String, UsageRow> own = new HashMap<>();
    UsageQuery q = UsageQuery.daily(ZoneId.of("UTC")).withPeriod(UsagePeriod.SESSION);
    UsageReport usage = usage(q);
    for (UsageRow r : usage.rows()) {
      own.put(r.key(), r);
    }
    Report<SubagentRun> runs = subagents();
    Warnings w = new Warnings();
    w.addAll(runs.warnings());
    w.addAll(usage.warnings());
    Warnings lineage = new Warnings();
    List<SubagentNode> tree = SubagentTrees.build(snapshot().sessions(), runs.items(), own, lineage);
    met("lineage", lineage.list());
    w.addAll(lineage);
    Set<SourceRef> sources = new LinkedHashSet<>(runs.sources());
    sources.addAll(usage.sources());
    return new Report<>(tree, new ArrayList<>(sources), w.list());
  }

  @Override
  public Overview overview(ZoneId zone) {
    // crons are read from their files on each call: an overview is reused only within the same second
    ReadState st = state();
    Overview o = st.overviews.get(zone);
    java.time.Instant now = clock.instant();
    if (o != null && o.asOf().getEpochSecond() == now.getEpochSecond()) {
      return o;
    }
    o = computeOverview(zone, now);
    st.overviews.put(zone, o);
    return o;
  }

  private Overview computeOverview(ZoneId zone, java.time.Instant now) {
    LocalDate today = now.atZone(zone).toLocalDate();
    UsageQuery daily =
        UsageQuery.daily(zone).between(Overviews.firstDayNeeded(today), today);
    UsageQuery models =
        UsageQuery.daily(zone).withPeriod(UsagePeriod.MODEL).between(today.withDayOfMonth(1), today);
    UsageReport d = usage(daily);
    UsageReport m = usage(models);
    List<CronJob> jobs = crons().items();
    Warnings w = new Warnings(); // the home's warnings and those of the overview's own queries, never another's
    w.addAll(warnings());
    w.absorb(d.warnings());
    w.absorb(m.warnings());
    return Overviews.build(now, zone, d, m, snapshot().sessions(), jobs, w.list());
  }

  private <T> List<T> withStateDb(Warnings w, Function<ReadOnlyDatabase, List<T>> body) {
    if (layout.stateDatabase() == null) {
      return body.apply(null);
    }
    Optional<ReadOnlyDatabase> db = ReadOnlyDatabase.open(layout.stateDatabase(), w);
    if (db.isEmpty()) {
      return body.apply(null);
    }
    try (ReadOnlyDatabase d = db.get()) {
      return body.apply(d);
    }
  }

  private List<SourceRef> stateSources(SourceKind fileKind, Path file) {
    List<SourceRef> out = new ArrayList<>();
    if (layout.stateDatabase() != null) {
      out.add(new SourceRef(SourceKind.STATE_DATABASE, layout.stateDatabase().toString()));
    }
    if (file != null && Files.exists(file)) {
      out.add(new SourceRef(fileKind, file.toString()));
    }
    return out;
  }

  /**
   * Checks the gateway port on loopback unless the gateway is remote (or its port is not a number), then the
   * query's extra ports.
   */
  @Override
  public HealthSnapshot health(HealthQuery query) {
    List<NamedPort> ports = new ArrayList<>();
    String port = layout.gateway().port() == null ? null : layout.gateway().port().value();
    if (!"remote".equals(layout.gateway().mode()) && port != null && port.matches("[0-9]{1,5}")) {
      int p = Integer.parseInt(port);
      if (p >= 1 && p <= 65535) {
        ports.add(new NamedPort("gateway", p));
      }
    }
    ports.addAll(query.extraPorts());
    return new HealthCollector(HealthSources.system(clock))
        .collect(layout.stateDirPath(), ports, query.diskWarnPercent());
  }

  @Override
  public List<Warning> warnings() {
    snapshot();
    Warnings all = new Warnings();
    all.addAll(warnings.list());
    synchronized (latest) {
      latest.values().forEach(all::absorb);
    }
    all.absorb(state().transcriptWarnings); // as the sources are now: a completed line's warning is gone
    return all.list();
  }

  @Override
  public synchronized Gateway gateway() {
    if (gateway == null) {
      gateway = GatewayConnector.forFacade(layout, env, version());
    }
    return gateway;
  }

  /** This library's version from its jar manifest, or "development". */
  static String version() {
    String v = DefaultClawMetry.class.getPackage().getImplementationVersion();
    return v == null ? "development" : v;
  }

  @Override
  public synchronized void close() {
    // databases are opened per call and closed at once; a gateway connection and directory watches may be open
    if (cache != null && cacheStale) {
      synchronized (refreshLock) {
        agents.ledgers().forEach(l -> cache.save(l, CallCodec.INSTANCE)); // a failure only means a slower next run
        cacheStale = false;
      }
    }
    agents.close();
    if (gateway != null) {
      gateway.close();
      gateway = null;
    }
  }
}
