package io.clawmetry.core;

import io.clawmetry.api.Home;
import io.clawmetry.api.UsageQuery;
import io.clawmetry.api.UsageReport;
import io.clawmetry.api.Warning;
import io.clawmetry.core.usage.Call;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Everything read from a home at one generation, published atomically so that readers never take a lock: the
 * sessions, every model call (per agent: an immutable prefix of its ledger, with the session each call belongs to), the
 * transcripts' warnings, and
 * caches of what was computed from them (usage reports by query, the home description). A refresh that finds nothing
 * new keeps the state, and so its caches.
 */
final class ReadState {

  private static final int REPORTS = 32;

  final long generation;
  /** The sessions the calls were joined with (for appended calls: those of an earlier generation). */
  final HomeSnapshot joinedWith;
  private final Supplier<HomeSnapshot> rebuild;
  private volatile HomeSnapshot current;
  /** Per ledger, in ledger order: its calls as of this generation (decoded when read, never copied). */
  final List<List<Call>> calls;
  /** Per ledger, in ledger order: the session each of its calls belongs to. */
  final List<SessionJoins> joins;
  final List<Warning> transcriptWarnings;
  final AtomicReference<Home> home = new AtomicReference<>();
  private final Map<UsageQuery, UsageReport> reports =
      Collections.synchronizedMap(
          new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<UsageQuery, UsageReport> eldest) {
              return size() > REPORTS;
            }
          });

  /**
   * @param joinedWith the sessions the calls were joined with
   * @param current the sessions as of this generation, or null to build them with {@code rebuild} when first asked
   */
  ReadState(
      long generation,
      HomeSnapshot joinedWith,
      HomeSnapshot current,
      Supplier<HomeSnapshot> rebuild,
      List<List<Call>> calls,
      List<SessionJoins> joins,
      List<Warning> transcriptWarnings) {
    this.generation = generation;
    this.joinedWith = joinedWith;
    this.current = current;
    this.rebuild = rebuild;
    this.calls = List.copyOf(calls);
    this.joins = List.copyOf(joins);
    this.transcriptWarnings = List.copyOf(transcriptWarnings);
  }

  /** An overview computed at this generation in the same clock second, by zone. */
  final Map<java.time.ZoneId, io.clawmetry.api.Overview> overviews = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * The sessions as of this generation. After appends only, they are merged again when first asked (a refresh that
   * read a few appended lines stays cheap; session lists are asked for far less often than usage).
   */
  HomeSnapshot snapshot() {
    HomeSnapshot s = current;
    if (s == null) {
      synchronized (this) {
        s = current;
        if (s == null) {
          s = rebuild.get();
          current = s;
        }
      }
    }
    return s;
  }

  /** A report computed earlier at this generation, or null. */
  UsageReport report(UsageQuery q) {
    return reports.get(q);
  }

  /** Remembers a report of this generation. */
  void remember(UsageQuery q, UsageReport r) {
    reports.put(q, r);
  }
}
