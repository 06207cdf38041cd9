import io.clawmetry.api.ClawMetry;
import io.clawmetry.api.UsageQuery;
import io.clawmetry.api.UsageReport;
import io.clawmetry.core.ClawMetryBuilder;
import java.nio.file.Path;
import java.time.ZoneOffset;

/**
 * The heap a loaded home retains: opens the facade on a corpus, runs {@code usage(daily)} (every transcript read,
 * every call kept), then after full collections prints the heap still in use, with and without the facade. With
 * {@code --hold SECONDS} it then waits, facade open, for a {@code jcmd <pid> GC.class_histogram}.
 *
 * <p>Usage: {@code javac -cp clawmetry.jar -d /tmp/mb bench/MemoryBench.java && java -Xmx256m -cp
 * clawmetry.jar:/tmp/mb MemoryBench HOME_DIR [--hold SECONDS]}. Prints {@code key=value} lines.
 */
public final class MemoryBench {

  public static void main(String[] args) throws Exception {
    Path home = Path.of(args[0]);
    long hold = args.length > 2 && args[1].equals("--hold") ? Long.parseLong(args[2]) : 0;
    long base = retained();
    long t0 = System.nanoTime();
    try (ClawMetry cm = ClawMetryBuilder.create().stateDir(home).build()) {
      UsageReport r = cm.usage(UsageQuery.daily(ZoneOffset.UTC));
      long t1 = System.nanoTime();
      long loaded = retained();
      long calls = r.totals().calls() + r.totals().errors();
      System.out.printf("calls=%d%ntotal_tokens=%d%ntotal_cost=%s%n", calls, r.totals().tokens().total(),
          r.totals().cost().toPlainString());
      System.out.printf("load_and_usage_s=%.2f%n", (t1 - t0) / 1e9);
      System.out.printf("retained_mb=%.1f%n", (loaded - base) / 1048576.0);
      System.out.printf("retained_bytes_per_call=%.0f%n", (loaded - base) / (double) Math.max(1, calls));
      if (hold > 0) {
        System.out.printf("pid=%d (holding %d s)%n", ProcessHandle.current().pid(), hold);
        System.out.flush();
        Thread.sleep(hold * 1000);
      }
    }
  }

  /** Heap in use after full collections. */
  private static long retained() throws InterruptedException {
    Runtime rt = Runtime.getRuntime();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 4; i++) {
      System.gc();
      Thread.sleep(100);
      used = Math.min(used, rt.totalMemory() - rt.freeMemory());
    }
    return used;
  }
}
