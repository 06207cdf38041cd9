package io.clawmetry.core;

import io.clawmetry.api.Home;
import io.clawmetry.api.UsageQuery;
import io.clawmetry.api.UsageReport;
import io.clawmetry.api.Warning;
import io.clawmetry.core.usage.ModelCall;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Everything read from a home at one generation, published atomically so that readers never take a lock: the
 * sessions, every model call already joined with its session (key, origin, channel), the transcripts' warnings, and
 * caches of what was computed from them (usage reports by query, the home description). A refresh that finds nothing
 * new keeps the state, and so its caches.
 */
final class ReadState {

  private static final int REPORTS = 32;

  final long generation;
  final HomeSnapshot snapshot;
  final List<ModelCall> calls;
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

  ReadState(long generation, HomeSnapshot snapshot, List<ModelCall> calls, List<Warning> transcriptWarnings) {
    this.generation = generation;
    this.snapshot = snapshot;
    this.calls = List.copyOf(calls);
    this.transcriptWarnings = List.copyOf(transcriptWarnings);
  }

  /** An overview computed at this generation in the same clock second, by zone. */
  final Map<java.time.ZoneId, io.clawmetry.api.Overview> overviews = new java.util.concurrent.ConcurrentHashMap<>();

  /** A report computed earlier at this generation, or null. */
  UsageReport report(UsageQuery q) {
    return reports.get(q);
  }

  /** Remembers a report of this generation. */
  void remember(UsageQuery q, UsageReport r) {
    reports.put(q, r);
  }
}
