package io.clawmetry.core.warn;

import io.clawmetry.api.Warning;
import io.clawmetry.api.WarningKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects warnings, folding repeats of one kind in one source into a single {@link Warning} with a count and the
 * first position. Thread-safe.
 */
public final class Warnings {

  private record Key(WarningKind kind, String source) {}

  private static final class Entry {
    long count;
    final String firstPosition;
    final String message;

    Entry(String firstPosition, String message) {
      this.firstPosition = firstPosition;
      this.message = message;
    }
  }

  private final Map<Key, Entry> entries = new LinkedHashMap<>();

  /** Records one occurrence. */
  public synchronized void add(WarningKind kind, String source, String position, String message) {
    entries.computeIfAbsent(new Key(kind, source), k -> new Entry(position == null ? "" : position, message)).count++;
  }

  /** Records {@code count} occurrences at once. */
  public synchronized void add(WarningKind kind, String source, long count, String firstPosition, String message) {
    if (count <= 0) {
      return;
    }
    entries.computeIfAbsent(
            new Key(kind, source), k -> new Entry(firstPosition == null ? "" : firstPosition, message))
        .count += count;
  }

  /** Adds everything another collector holds. */
  public void addAll(Warnings other) {
    for (Warning w : other.list()) {
      add(w.kind(), w.source(), w.count(), w.firstPosition(), w.message());
    }
  }

  /**
   * Takes in what another read of the same sources reported: a warning already held keeps the larger count instead of
   * adding up, so reading a file twice does not double its malformed lines.
   */
  public synchronized void absorb(List<Warning> warnings) {
    for (Warning w : warnings) {
      Entry e = entries.get(new Key(w.kind(), w.source()));
      if (e == null) {
        add(w.kind(), w.source(), w.count(), w.firstPosition(), w.message());
      } else if (w.count() > e.count) {
        e.count = w.count();
      }
    }
  }

  /** See {@link #absorb(List)}. */
  public void absorb(Warnings other) {
    absorb(other.list());
  }

  /** Adds already-built warnings. */
  public void addAll(List<Warning> warnings) {
    for (Warning w : warnings) {
      add(w.kind(), w.source(), w.count(), w.firstPosition(), w.message());
    }
  }

  /**
   * Records a warning about the current state of {@code source}: it replaces what was recorded of {@code kind} there,
   * in the same place of the order, as one occurrence.
   */
  public synchronized void set(WarningKind kind, String source, String position, String message) {
    Entry e = new Entry(position == null ? "" : position, message);
    e.count = 1;
    entries.put(new Key(kind, source), e);
  }

  /** Forgets what was recorded of {@code kind} in {@code source} (a warning about a state that is gone). */
  public synchronized void remove(WarningKind kind, String source) {
    entries.remove(new Key(kind, source));
  }

  /** Whether nothing was recorded. */
  public synchronized boolean isEmpty() {
    return entries.isEmpty();
  }

  /** A snapshot, in the order first met. */
  public synchronized List<Warning> list() {
    List<Warning> out = new ArrayList<>(entries.size());
    entries.forEach((k, e) -> out.add(new Warning(k.kind(), k.source(), e.count, e.firstPosition, e.message)));
    return List.copyOf(out);
  }
}
