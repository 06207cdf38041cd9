package io.clawmetry.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clawmetry.api.ClawMetry;
import io.clawmetry.api.Overview;
import io.clawmetry.api.SubagentNode;
import io.clawmetry.api.TokenCounts;
import io.clawmetry.api.UsagePeriod;
import io.clawmetry.api.UsageQuery;
import io.clawmetry.api.UsageReport;
import io.clawmetry.api.UsageRow;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library as a dependency sees it (public API, found through ServiceLoader): typed usage rows, results that cannot
 * be changed by the caller, the sub-agent tree's roll-up adding up on every node, concurrent reads while another
 * thread refreshes, and close() called twice.
 */
class LibraryContractTest {

  @TempDir Path tmp;

  private static Path repo() {
    Path p = Paths.get("").toAbsolutePath();
    while (p != null && !Files.isDirectory(p.resolve("testdata"))) {
      p = p.getParent();
    }
    return p;
  }

  private static Path copy(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
    return to;
  }

  private static void gunzip(Path gz, Path to) throws IOException {
    Files.createDirectories(to.getParent());
    try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
      Files.copy(in, to);
    }
  }

  private Path sqliteHome() throws IOException {
    Path fx = repo().resolve("testdata/openclaw-2026.9.6");
    Path home = tmp.resolve("sqlite");
    gunzip(fx.resolve("db/agent-main-openclaw-agent.sqlite.gz"), home.resolve("agents/main/agent/openclaw-agent.sqlite"));
    gunzip(fx.resolve("db/state-openclaw.sqlite.gz"), home.resolve("state/openclaw.sqlite"));
    Files.copy(fx.resolve("config/openclaw.json"), home.resolve("openclaw.json"));
    return home;
  }

  @Test
  void resultsAreTypedAndCannotBeChanged() {
    try (ClawMetry cm = ClawMetry.open(repo().resolve("examples/home"))) {
      UsageReport r = cm.usage(UsageQuery.daily(ZoneOffset.UTC));
      assertFalse(r.rows().isEmpty());
      UsageRow row = r.rows().get(0);
      BigDecimal cost = row.cost();
      TokenCounts t = row.tokens();
      assertEquals(t.input() + t.output() + t.cacheRead() + t.cacheWrite(), t.total());
      assertTrue(cost.signum() >= 0);
      assertThrows(UnsupportedOperationException.class, () -> r.rows().add(row));
      assertThrows(UnsupportedOperationException.class, () -> r.rows().clear());
      assertThrows(UnsupportedOperationException.class, () -> row.models().remove(0));
      assertThrows(UnsupportedOperationException.class, () -> r.warnings().clear());
      assertThrows(UnsupportedOperationException.class, () -> r.sources().clear());
      assertThrows(UnsupportedOperationException.class, () -> cm.sessions().items().clear());
      List<SubagentNode> tree = cm.subagentTree();
      assertThrows(UnsupportedOperationException.class, () -> tree.clear());
      assertThrows(UnsupportedOperationException.class, () -> tree.get(0).children().clear());
      Overview o = cm.overview(ZoneOffset.UTC);
      assertThrows(UnsupportedOperationException.class, () -> o.topModels().clear());
      assertThrows(UnsupportedOperationException.class, () -> o.failingCrons().clear());
      assertThrows(UnsupportedOperationException.class, () -> o.warnings().clear());
      // a second call is not affected by anything the caller tried
      assertEquals(r.rows(), cm.usage(UsageQuery.daily(ZoneOffset.UTC)).rows());
    }
  }

  /** Own + children's rolled-up = rolled-up, on every node; every session once; roots add up to every own figure. */
  private static void checkRollUp(List<SubagentNode> roots) {
    Set<String> seen = new HashSet<>();
    TokenCounts own = TokenCounts.ZERO;
    BigDecimal ownCost = BigDecimal.ZERO;
    List<SubagentNode> todo = new ArrayList<>(roots);
    while (!todo.isEmpty()) {
      SubagentNode n = todo.remove(todo.size() - 1);
      assertTrue(seen.add(n.sessionKey()), "once: " + n.sessionKey());
      TokenCounts sum = n.ownTokens();
      BigDecimal sumCost = n.ownCost();
      for (SubagentNode c : n.children()) {
        sum = sum.plus(c.totalTokens());
        sumCost = sumCost.add(c.totalCost());
      }
      assertEquals(sum, n.totalTokens(), n.sessionKey());
      assertEquals(0, sumCost.compareTo(n.totalCost()), n.sessionKey());
      own = own.plus(n.ownTokens());
      ownCost = ownCost.add(n.ownCost());
      todo.addAll(n.children());
    }
    TokenCounts rootsTotal = TokenCounts.ZERO;
    BigDecimal rootsCost = BigDecimal.ZERO;
    for (SubagentNode r : roots) {
      rootsTotal = rootsTotal.plus(r.totalTokens());
      rootsCost = rootsCost.add(r.totalCost());
    }
    assertEquals(own, rootsTotal);
    assertEquals(0, ownCost.compareTo(rootsCost));
  }

  @Test
  void subagentTreesRollUpOnEveryNode() throws IOException {
    for (Path home : List.of(repo().resolve("examples/home"), sqliteHome())) {
      try (ClawMetry cm = ClawMetry.open(home)) {
        List<SubagentNode> tree = cm.subagentTree();
        assertFalse(tree.isEmpty(), home.toString());
        checkRollUp(tree);
        // each node's own figures are its session's row of the session report
        UsageReport bySession = cm.usage(UsageQuery.daily(ZoneOffset.UTC).withPeriod(UsagePeriod.SESSION));
        List<SubagentNode> todo = new ArrayList<>(tree);
        while (!todo.isEmpty()) {
          SubagentNode n = todo.remove(0);
          UsageRow row = bySession.rows().stream().filter(x -> x.key().equals(n.sessionKey())).findFirst()
              .orElse(null);
          assertEquals(row == null ? TokenCounts.ZERO : row.tokens(), n.ownTokens(), n.sessionKey());
          todo.addAll(n.children());
        }
      }
    }
  }

  /** Many threads' first calls on a fresh instance (nothing read yet) see what one thread alone sees. */
  @Test
  void firstCallsFromManyThreadsAtOnce() throws Exception {
    Path home = repo().resolve("examples/home");
    List<UsageQuery> queries = List.of(UsageQuery.daily(ZoneOffset.UTC),
        UsageQuery.daily(ZoneOffset.ofHours(-8)).withPeriod(UsagePeriod.MONTHLY),
        UsageQuery.daily(ZoneOffset.UTC).withPeriod(UsagePeriod.SESSION),
        UsageQuery.daily(ZoneOffset.UTC).withPeriod(UsagePeriod.MODEL).forAgent("ops"));
    List<List<UsageRow>> alone = new ArrayList<>();
    List<SubagentNode> aloneTree;
    try (ClawMetry cm = ClawMetry.open(home)) {
      for (UsageQuery q : queries) {
        alone.add(cm.usage(q).rows());
      }
      aloneTree = cm.subagentTree();
    }
    for (int round = 0; round < 3; round++) {
      ExecutorService pool = Executors.newFixedThreadPool(8);
      try (ClawMetry cm = ClawMetry.open(home)) {
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        List<Future<Object>> fs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
          int k = i;
          fs.add(pool.submit(() -> {
            go.await();
            if (k == queries.size()) {
              return cm.subagentTree();
            }
            if (k > queries.size()) {
              cm.refresh();
              return null;
            }
            return cm.usage(queries.get(k % queries.size())).rows();
          }));
        }
        go.countDown();
        for (int i = 0; i < 8; i++) {
          Object got = fs.get(i).get();
          if (i < queries.size()) {
            assertEquals(alone.get(i), got, "query " + i);
          } else if (i == queries.size()) {
            assertEquals(aloneTree, got);
          }
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  void concurrentQueriesWhileAnotherThreadRefreshesAndCloseTwice() throws Exception {
    Path home = copy(repo().resolve("examples/home"), tmp.resolve("home"));
    Path live = home.resolve("agents/main/sessions/45a53c73-86e3-43f0-8592-70a3c00ff81c.jsonl");
    Files.writeString(live, "\n", StandardOpenOption.APPEND); // completes the example's half-written last line
    UsageQuery q = UsageQuery.daily(ZoneOffset.UTC);
    ClawMetry cm = ClawMetry.open(home);
    long start = cm.usage(q).totals().tokens().total();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> fs = new ArrayList<>();
      fs.add(pool.submit((Callable<Void>) () -> {
        for (int i = 0; i < 40; i++) {
          String line = "{\"type\":\"message\",\"id\":\"acc" + i + "\",\"parentId\":null,\"timestamp\":"
              + "\"2026-11-22T11:00:" + String.format("%02d", i) + ".000Z\",\"message\":{\"role\":\"assistant\","
              + "\"content\":[],\"provider\":\"openai\",\"model\":\"gpt-5\",\"usage\":{\"input\":100,\"output\":"
              + i + ",\"cacheRead\":0,\"cacheWrite\":0,\"totalTokens\":" + (100 + i)
              + ",\"cost\":{\"total\":0.01}},\"stopReason\":\"stop\"}}\n";
          Files.writeString(live, line, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
          cm.refresh();
        }
        return null;
      }));
      for (int k = 0; k < 3; k++) {
        fs.add(pool.submit((Callable<Void>) () -> {
          long last = start;
          for (int i = 0; i < 40; i++) {
            long now = cm.usage(q).totals().tokens().total();
            assertTrue(now >= last, "never goes back: " + now + " < " + last);
            last = now;
            checkRollUp(cm.subagentTree());
            cm.overview(ZoneOffset.UTC);
            cm.usage(q.withPeriod(UsagePeriod.MODEL));
          }
          return null;
        }));
      }
      for (Future<?> f : fs) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    cm.refresh();
    long expected = start + 40 * 100 + (39 * 40 / 2);
    assertEquals(expected, cm.usage(q).totals().tokens().total());
    try (ClawMetry fresh = ClawMetry.open(home)) {
      assertEquals(fresh.usage(q).rows(), cm.usage(q).rows());
    }
    cm.close();
    cm.close(); // twice: no exception
  }
}
