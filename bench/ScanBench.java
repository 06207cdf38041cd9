import io.clawmetry.api.ClawMetry;
import io.clawmetry.api.UsageQuery;
import io.clawmetry.api.UsageReport;
import io.clawmetry.core.ClawMetryBuilder;
import io.clawmetry.core.source.TranscriptScanner;
import io.clawmetry.core.warn.Warnings;
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
 *   <li>scan throughput: corpus bytes / wall time of one full validating pass ({@code TranscriptScanner.summaries})
 *       and of one usage pass over unchanged files ({@code scanAssistantMessages}, remembered line ranges);
 *   <li>"refresh": there is no refresh() API, so this is the wall time of a second {@code usage(daily)} call on the
 *       same facade after appending one assistant line (the session snapshot is reused; every file is scanned again).
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
    TranscriptScanner scanner = new TranscriptScanner("main", sessions, null, null);
    long t0 = System.nanoTime();
    int sessionsSeen = scanner.summaries(new Warnings()).size();
    long t1 = System.nanoTime();
    long[] calls = {0};
    scanner.scanAssistantMessages(new Warnings(), m -> calls[0]++);
    long t2 = System.nanoTime();
    System.out.printf("corpus_mb=%.1f%n", bytes / 1048576.0);
    System.out.printf("sessions=%d%nassistant_messages=%d%n", sessionsSeen, calls[0]);
    System.out.printf("full_pass_s=%.3f%nfull_pass_mb_s=%.0f%n", (t1 - t0) / 1e9, bytes / 1048576.0 / ((t1 - t0) / 1e9));
    System.out.printf("usage_pass_s=%.3f%nusage_pass_mb_s=%.0f%n", (t2 - t1) / 1e9, bytes / 1048576.0 / ((t2 - t1) / 1e9));

    try (ClawMetry cm = ClawMetryBuilder.create().stateDir(home).build()) {
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
      try {
        Files.write(target, line.getBytes(StandardCharsets.UTF_8), java.nio.file.StandardOpenOption.APPEND);
        long r0 = System.nanoTime();
        UsageReport second = cm.usage(q);
        long r1 = System.nanoTime();
        System.out.printf("facade_first_usage_s=%.3f%n", (u1 - u0) / 1e9);
        System.out.printf("rerun_after_append_s=%.3f%n", (r1 - r0) / 1e9);
        System.out.printf("calls_before=%d%ncalls_after=%d%n", first.totals().calls(), second.totals().calls());
      } finally {
        try (RandomAccessFile f = new RandomAccessFile(target.toFile(), "rw")) {
          f.setLength(before);
        }
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
