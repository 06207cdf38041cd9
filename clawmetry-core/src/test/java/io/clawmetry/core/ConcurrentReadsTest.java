package io.clawmetry.core;

import static io.clawmetry.core.testing.TranscriptLines.assistant;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clawmetry.api.ClawMetry;
import io.clawmetry.api.UsageQuery;
import io.clawmetry.core.testing.EveryReport;
import io.clawmetry.core.testing.TestHomes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard's use of the facade: one thread refreshes while a transcript grows in random pieces (lines cut
 * anywhere) and two threads read usage, sessions, the overview and the sub-agent tree all along. No call fails, each
 * reader sees the token total only grow (every state it is handed is complete, never a half-built one), and the end
 * equals a fresh read. Bounded: 300 appended lines, at most 60 s.
 */
class ConcurrentReadsTest {

  private static final String LIVE = "agents/main/sessions/45a53c73-86e3-43f0-8592-70a3c00ff81c.jsonl";
  private static final UsageQuery Q = UsageQuery.daily(ZoneOffset.UTC);

  @TempDir Path tmp;

  private ClawMetry open(Path home) {
    return EveryReport.open(home, tmp.resolve("u"));
  }

  @Test
  void readersSeeOnlyCompleteGrowingStatesWhileOneThreadRefreshes() throws Exception {
    Path home = TestHomes.exampleHomeCopy(tmp);
    Path live = home.resolve(LIVE);
    Files.writeString(live, "\n", StandardOpenOption.APPEND); // ends the example's half-written last line
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 300; i++) {
      text.append(assistant(String.format("c0c0%04x", i), String.format("2026-11-22T10:%02d:%02d.000Z", i / 60, i % 60),
          100 + i, 10, "0.01")).append('\n');
    }
    byte[] all = text.toString().getBytes(StandardCharsets.UTF_8);
    AtomicLong reads = new AtomicLong();
    Workers workers = new Workers();
    try (ClawMetry cm = open(home)) {
      long start = cm.usage(Q).totals().tokens().total();
      workers.repeat(cm::refresh);
      for (int k = 0; k < 2; k++) {
        workers.repeat(reader(cm, start, () -> {
          cm.sessions();
          cm.overview(ZoneOffset.UTC);
          cm.subagentTree();
          reads.incrementAndGet();
        }));
      }
      Random r = new Random(42);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      int at = 0;
      while (at < all.length && System.nanoTime() < deadline && !workers.failed()) {
        int n = Math.min(all.length - at, 1 + r.nextInt(400));
        Files.write(live, java.util.Arrays.copyOfRange(all, at, at + n), StandardOpenOption.APPEND);
        at += n;
        Thread.sleep(r.nextInt(3));
      }
      workers.stop();
      assertEquals(all.length, at, "everything written within the time bound");
      cm.refresh();
      try (ClawMetry fresh = open(home)) {
        assertEquals(fresh.usage(Q).rows(), cm.usage(Q).rows());
        assertEquals(start + 300 * 110 + (299 * 300 / 2), cm.usage(Q).totals().tokens().total());
      }
      assertTrue(reads.get() > 0, "the readers ran");
    }
  }

  /**
   * The same with a live SQLite-era agent: a writer connection in WAL mode (as OpenClaw's) inserts 200 transcript rows,
   * one transaction each, while one thread refreshes and two read; the read-only reader never blocks the writer for
   * long, no call fails, totals only grow, and the end equals a fresh read.
   */
  @Test
  void aDatabaseWrittenInWalModeWhileOneThreadRefreshes() throws Exception {
    Path home = TestHomes.exampleHomeCopy(tmp);
    Path db = home.resolve("agents/ops/agent/openclaw-agent.sqlite");
    Workers workers = new Workers();
    try (java.sql.Connection w = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db)) {
      try (java.sql.Statement st = w.createStatement()) {
        st.execute("PRAGMA journal_mode=WAL"); // closed: an open statement would keep the writer from committing
        st.execute("PRAGMA busy_timeout=10000");
      }
      String sessionId;
      long seq;
      try (var rs = w.createStatement().executeQuery("SELECT session_id, max(seq) FROM transcript_events LIMIT 1")) {
        rs.next();
        sessionId = rs.getString(1);
        seq = rs.getLong(2);
      }
      try (ClawMetry cm = open(home)) {
        long start = cm.usage(Q).totals().tokens().total();
        workers.repeat(cm::refresh);
        workers.repeat(reader(cm, start, () -> {
          cm.sessions();
          cm.overview(ZoneOffset.UTC);
        }));
        try (java.sql.PreparedStatement ps = w.prepareStatement(
            "INSERT INTO transcript_events(session_id, seq, event_json, created_at) VALUES (?,?,?,?)")) {
          for (int i = 0; i < 200 && !workers.failed(); i++) {
            ps.setString(1, sessionId);
            ps.setLong(2, ++seq);
            ps.setString(3, assistant(String.format("0b1e7c1a-0000-4000-8000-%012d", i),
                String.format("2026-11-22T11:%02d:%02d.000Z", i / 60, i % 60), 100 + i, 10, "0.01"));
            ps.setLong(4, 1795000000000L + i);
            ps.executeUpdate();
          }
        }
        workers.stop();
        cm.refresh();
        try (ClawMetry fresh = open(home)) {
          assertEquals(fresh.usage(Q).rows(), cm.usage(Q).rows());
        }
        assertEquals(start + 200 * 110 + (199 * 200 / 2), cm.usage(Q).totals().tokens().total());
      }
    }
  }

  /** A reader's step: the token total it sees only grows; then {@code more}. */
  private static Runnable reader(ClawMetry cm, long start, Runnable more) {
    long[] last = {start};
    return () -> {
      long total = cm.usage(Q).totals().tokens().total();
      assertTrue(total >= last[0], "went back from " + last[0] + " to " + total);
      last[0] = total;
      more.run();
    };
  }

  /** Threads that repeat a step until stopped; {@link #stop} throws what any of them threw. */
  private static final class Workers {
    private final AtomicBoolean done = new AtomicBoolean();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new java.util.ArrayList<>();

    void repeat(Runnable step) {
      Thread t = new Thread(() -> {
        try {
          while (!done.get()) {
            step.run();
          }
        } catch (Throwable e) {
          failures.add(e);
        }
      });
      threads.add(t);
      t.start();
    }

    boolean failed() {
      return !failures.isEmpty();
    }

    void stop() throws InterruptedException {
      done.set(true);
      for (Thread t : threads) {
        t.join(30_000);
      }
      if (failed()) {
        AssertionError e = new AssertionError(failures.size() + " thread(s) failed");
        failures.forEach(e::addSuppressed);
        throw e;
      }
    }
  }
}
