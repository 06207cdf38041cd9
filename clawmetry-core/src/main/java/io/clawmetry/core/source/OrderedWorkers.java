package io.clawmetry.core.source;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Runs independent work items (one transcript file each) on a small pool and hands the results to one consumer in
 * item order, so that whatever depends on order (deduplication: the first copy wins) sees exactly the sequence a
 * single thread would. At most {@code 2 × threads} results wait at a time, and items too big to hold in memory are
 * handled by the consumer's thread itself, streaming, at their turn: memory stays bounded.
 */
final class OrderedWorkers {

  /** Worker threads: the available processors, at most 4 (0 or 1 means: no pool). */
  static final int THREADS = Math.min(4, Runtime.getRuntime().availableProcessors());

  private OrderedWorkers() {}

  /**
   * @param items the items, in the order results must be consumed
   * @param offload whether an item may be worked on by the pool (small enough to hold its result)
   * @param work computes an item's result (on a pool thread)
   * @param consume receives results in item order (on the calling thread)
   * @param inline handles an item that is not offloaded, in order (on the calling thread)
   */
  static <I, R> void run(
      List<I> items, Predicate<I> offload, Function<I, R> work, Consumer<R> consume, Consumer<I> inline) {
    if (THREADS <= 1 || items.size() < 2) {
      for (I item : items) {
        if (offload.test(item)) {
          consume.accept(work.apply(item));
        } else {
          inline.accept(item);
        }
      }
      return;
    }
    ExecutorService pool = Executors.newFixedThreadPool(THREADS, OrderedWorkers::daemon);
    try {
      int window = THREADS * 2;
      record Slot<I, R>(I item, Future<R> result) {}
      ArrayDeque<Slot<I, R>> pending = new ArrayDeque<>();
      int next = 0;
      while (next < items.size() || !pending.isEmpty()) {
        while (next < items.size() && pending.size() < window) {
          I item = items.get(next++);
          pending.add(new Slot<>(item, offload.test(item) ? pool.submit(() -> work.apply(item)) : null));
        }
        Slot<I, R> slot = pending.poll();
        if (slot.result() == null) {
          inline.accept(slot.item());
        } else {
          consume.accept(get(slot.result()));
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * {@code work} applied to every item on the pool (small, independent items such as reading one line of each file),
   * the results in item order.
   */
  static <I, R> List<R> map(List<I> items, Function<I, R> work) {
    List<R> out = new java.util.ArrayList<>(items.size());
    if (THREADS <= 1 || items.size() < 64) {
      items.forEach(i -> out.add(work.apply(i)));
      return out;
    }
    ExecutorService pool = Executors.newFixedThreadPool(THREADS, OrderedWorkers::daemon);
    try {
      int chunk = (items.size() + THREADS - 1) / THREADS;
      List<Future<List<R>>> parts = new java.util.ArrayList<>();
      for (int from = 0; from < items.size(); from += chunk) {
        List<I> part = items.subList(from, Math.min(items.size(), from + chunk));
        parts.add(pool.submit(() -> part.stream().map(work).toList()));
      }
      for (Future<List<R>> f : parts) {
        out.addAll(get(f));
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  private static Thread daemon(Runnable r) {
    Thread t = new Thread(r, "clawmetry-scan");
    t.setDaemon(true);
    return t;
  }

  private static <R> R get(Future<R> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while scanning transcripts", e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof RuntimeException r) {
        throw r;
      }
      if (c instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(c);
    }
  }
}
