import io.clawmetry.api.ClawMetry;
import io.clawmetry.api.UsageQuery;
import io.clawmetry.core.ClawMetryBuilder;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Arrays;

/**
 * Steady-state cost of a stat-loop refresh (the library default, no file watching) when nothing changed: opens the
 * facade on HOME, runs one usage report (the full read), then times REFRESHES refreshes and prints each one, the
 * median and the minimum. Reads only; writes nothing anywhere.
 *
 * <p>Usage: {@code javac -cp clawmetry.jar -d OUT bench/RefreshBench.java && java -XX:TieredStopAtLevel=1 -cp
 * clawmetry.jar:OUT RefreshBench HOME [REFRESHES]} (default 30).
 */
public final class RefreshBench {

  public static void main(String[] args) throws Exception {
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    double[] ms = new double[n];
    try (ClawMetry cm = ClawMetryBuilder.create().stateDir(Path.of(args[0])).build()) {
      cm.usage(UsageQuery.daily(ZoneOffset.UTC));
      for (int i = 0; i < n; i++) {
        long t0 = System.nanoTime();
        cm.refresh();
        ms[i] = (System.nanoTime() - t0) / 1e6;
        System.out.printf("refresh %d: %.1f ms%n", i, ms[i]);
      }
    }
    double[] sorted = ms.clone();
    Arrays.sort(sorted);
    System.out.printf("refresh_median_ms=%.1f%nrefresh_min_ms=%.1f%n", sorted[n / 2], sorted[0]);
  }
}
