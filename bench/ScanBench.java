import io.clawmetry.api.ClawMetry;
import io.clawmetry.api.UsageQuery;
import io.clawmetry.api.UsageReport;
import io.clawmetry.core.ClawMetryBuilder;
import io.clawmetry.core.source.TranscriptLedger;
import io.clawmetry.core.usage.Call;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.stream.Stream;

/**
 * In-process figures for bench/run.sh, on a generated corpus (never a real home: it appends one line to a transcript
 * and truncates it back):
 *
 * <ol>
 *   <li>scan throughput: corpus bytes / wall time of one full pass of the transcript ledger (what a cold
 *       {@code usage} or {@code sessions} costs: every line validated, summaries and calls kept);
 *   <li>refresh: the wall time of {@code ClawMetry.refresh()} after appending one assistant line (stat loop, and with
 *       {@code watchFiles(true)}), and of the {@code usage(daily)} that follows; the same after adding a new session
 *       file, and after the session index is written again (both merge the sessions again).
 * </ol>
 *
 * <p>Usage: {@code java -cp clawmetry.jar:<classes> ScanBench HOME_DIR}. Prints {@code key=value} lines.
 */
public final class ScanBench {

  public static void main(String[] args) throws Exception {
    Path home = Path.of(args[0]);
    Path sessions = home.resolve("agents/main/sessions");
    long bytes;
    try (Stream<Path> s = Files.list(sessions)) {
      bytes = s.filter(p -> p.getFileName().toString().contains(".jsonl")).mapToLong(ScanBench::size).sum();
    }
    long t0 = System.nanoTime();
    int sessionsSeen;
    int calls;
    try (TranscriptLedger<Call> ledger = new TranscriptLedger<>("main", sessions, null, null, Call::of)) {
      ledger.refresh();
      sessionsSeen = ledger.summaries().size();
      calls = ledger.items().size();
    }
    long t1 = System.nanoTime();
    System.out.printf("corpus_mb=%.1f%n", bytes / 1048576.0);
    System.out.printf("sessions=%d%nassistant_messages=%d%n", sessionsSeen, calls);
    System.out.printf("full_pass_s=%.3f%nfull_pass_mb_s=%.0f%n", (t1 - t0) / 1e9, bytes / 1048576.0 / ((t1 - t0) / 1e9));
    measureRefresh(home, sessions, false);
    measureRefresh(home, sessions, true);
  }

  private static void measureRefresh(Path home, Path sessions, boolean watch) throws Exception {
    try (ClawMetry cm = ClawMetryBuilder.create().stateDir(home).watchFiles(watch).build()) {
      UsageQuery q = UsageQuery.daily(ZoneOffset.UTC);
      long u0 = System.nanoTime();
      UsageReport first = cm.usage(q);
      long u1 = System.nanoTime();
      Path target;
      try (Stream<Path> s = Files.list(sessions)) {
        target = s.filter(p -> p.toString().endsWith(".jsonl")).sorted().reduce((a, b) -> b).orElseThrow();
      }
      long before = Files.size(target);
      String line =
          "{\"type\":\"message\",\"id\":\"bench001\",\"parentId\":null,\"timestamp\":\"2026-03-01T12:00:00.000Z\","
              + "\"message\":{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"ok\"}],"
              + "\"provider\":\"anthropic\",\"model\":\"claude-sonnet-4-5\",\"usage\":{\"input\":7,\"output\":3,"
              + "\"cacheRead\":0,\"cacheWrite\":0,\"totalTokens\":10,\"cost\":{\"total\":0.000066}},"
              + "\"stopReason\":\"stop\",\"timestamp\":1772366400000}}\n";
      cm.refresh(); // lists everything once more (and starts watching when asked)
      String tag = watch ? "watched_" : "";
      try {
        Files.write(target, line.getBytes(StandardCharsets.UTF_8), java.nio.file.StandardOpenOption.APPEND);
        Thread.sleep(watch ? 50 : 0); // directory events arrive asynchronously
        long r0 = System.nanoTime();
        cm.refresh();
        long r1 = System.nanoTime();
        UsageReport second = cm.usage(q);
        long r2 = System.nanoTime();
        System.out.printf("%sfacade_first_usage_s=%.3f%n", tag, (u1 - u0) / 1e9);
        System.out.printf("%srefresh_after_append_ms=%.1f%n", tag, (r1 - r0) / 1e6);
        System.out.printf("%susage_after_refresh_ms=%.1f%n", tag, (r2 - r1) / 1e6);
        System.out.printf("%scalls_before=%d%n%scalls_after=%d%n", tag, first.totals().calls(), tag,
            second.totals().calls());
      } finally {
        try (RandomAccessFile f = new RandomAccessFile(target.toFile(), "rw")) {
          f.setLength(before);
        }
      }
      // a new session file (a session OpenClaw just started): the refresh reads it and merges the sessions again. First
      // the truncation above is read (a shrunk file is read again from the start); a watch reports it asynchronously
      Thread.sleep(watch ? 300 : 0);
      cm.refresh();
      Path fresh = sessions.resolve("00000000-bench-4000-8000-000000000001.jsonl");
      try {
        Files.writeString(fresh,
            "{\"type\":\"session\",\"version\":3,\"id\":\"00000000-bench-4000-8000-000000000001\","
                + "\"timestamp\":\"2026-03-01T12:00:00.000Z\",\"cwd\":\"/w\"}\n"
                + line.replace("bench001", "bench002"));
        Thread.sleep(watch ? 50 : 0);
        long n0 = System.nanoTime();
        cm.refresh();
        long n1 = System.nanoTime();
        cm.usage(q);
        long n2 = System.nanoTime();
        System.out.printf("%srefresh_after_new_session_ms=%.1f%n", tag, (n1 - n0) / 1e6);
        System.out.printf("%susage_after_new_session_ms=%.1f%n", tag, (n2 - n1) / 1e6);
      } finally {
        Files.deleteIfExists(fresh);
      }
      // the session index written again (OpenClaw rewrites sessions.json at every turn): read and merged again. First
      // the deletion above is read (a vanished file makes the ledger read everything again)
      Thread.sleep(watch ? 300 : 0);
      cm.refresh();
      Path index = sessions.resolve("sessions.json");
      if (Files.isRegularFile(index)) {
        Files.setLastModifiedTime(index, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()));
        Thread.sleep(watch ? 50 : 0);
        long i0 = System.nanoTime();
        cm.refresh();
        long i1 = System.nanoTime();
        System.out.printf("%srefresh_after_index_rewrite_ms=%.1f%n", tag, (i1 - i0) / 1e6);
      }
    }
  }

  private static long size(Path p) {
    try {
      return Files.size(p);
    } catch (java.io.IOException e) {
      return 0;
    }
  }
}
