package io.clawmetry.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.clawmetry.api.ClawMetry;
import io.clawmetry.api.UsageQuery;
import io.clawmetry.api.UsageReport;
import io.clawmetry.api.Warning;
import io.clawmetry.api.WarningKind;
import io.clawmetry.core.discovery.Environment;
import io.clawmetry.core.view.UsageViews;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A report over a transcript with usage numbers no call can have: the totals are those of the plausible numbers (they
 * overflowed before: 10^23 input tokens wrapped to 5,277,320,690,825,953,322 and the day's total went below its input),
 * the warning says where, and a call without a model id is shown as {@value UsageViews#UNKNOWN_MODEL}, not null.
 */
class ImplausibleUsageHomeTest {

  @TempDir Path tmp;

  private static String assistant(String id, String model, String usage) {
    return "{\"type\":\"message\",\"id\":\"" + id + "\",\"parentId\":null,\"timestamp\":\"2026-03-03T04:00:01.000Z\","
        + "\"message\":{\"role\":\"assistant\",\"content\":[],\"provider\":\"zai\"," + model + "\"usage\":" + usage
        + "}}\n";
  }

  @Test
  void totalsKeepThePlausibleNumbersAndSayWhatWasLeftOut() throws Exception {
    Path sessions = Files.createDirectories(tmp.resolve("home/agents/main/sessions"));
    Files.writeString(sessions.resolve("s1.jsonl"),
        "{\"type\":\"session\",\"version\":3,\"id\":\"s1\",\"timestamp\":\"2026-03-03T04:00:00.000Z\"}\n"
            + assistant("m1", "\"model\":\"glm-5\",", "{\"input\":99999999999999999999999,\"output\":1,"
                + "\"cost\":{\"total\":0.5}}")
            + assistant("m2", "\"model\":\"glm-5\",", "{\"input\":1e30,\"output\":2,\"cost\":{\"total\":1e400}}")
            + assistant("m3", "\"model\":\"glm-5\",", "{\"input\":40,\"output\":4,\"cost\":{\"total\":0.25}}")
            + assistant("m4", "", "{\"input\":7,\"output\":1,\"cost\":{\"total\":0.125}}"));
    try (ClawMetry cm = ClawMetryBuilder.create().environment(Environment.of(Map.of(), tmp.resolve("u")))
        .stateDir(tmp.resolve("home")).build()) {
      UsageReport r = cm.usage(UsageQuery.daily(ZoneId.of("UTC")));
      assertEquals(1, r.rows().size());
      assertEquals(List.of(47L, 8L, 55L),
          List.of(r.totals().tokens().input(), r.totals().tokens().output(), r.totals().tokens().total()));
      // m2's cost is estimated from its 2 output tokens (glm-5 on zai), the others are recorded
      BigDecimal estimated = r.totals().cost().subtract(new BigDecimal("0.875"));
      assertEquals(1, estimated.signum(), r.totals().cost().toPlainString());
      assertEquals(List.of("glm-5", "unknown"), UsageViews.modelsUsed(r.rows().get(0)));
      Warning w = r.warnings().stream().filter(x -> x.kind() == WarningKind.IMPLAUSIBLE_VALUE).findFirst()
          .orElseThrow();
      assertEquals(3, w.count()); // m1's input, m2's input and m2's cost
      assertEquals("line 2 usage.input", w.firstPosition());
    }
  }
  /**
   * A recorded cost below 10^-20 USD is read as 0 (then estimated, as a recorded 0 for tokens is): before, one line with
   * {@code "total":1e-999999999} failed every usage report (ArithmeticException: BigInteger would overflow, adding it to
   * a cent), {@code 1e-100000} failed {@code --json}, and {@code 1e-400} printed a 400-digit total.
   */
  @Test
  void aRecordedCostTooSmallToSumIsReadAsZero() throws Exception {
    Path sessions = Files.createDirectories(tmp.resolve("home/agents/main/sessions"));
    Files.writeString(sessions.resolve("s1.jsonl"),
        "{\"type\":\"session\",\"version\":3,\"id\":\"s1\",\"timestamp\":\"2026-03-03T04:00:00.000Z\"}\n"
            + assistant("m1", "\"model\":\"glm-5\",", "{\"input\":40,\"output\":4,\"cost\":{\"total\":0.25}}")
            + assistant("m2", "\"model\":\"glm-5\",", "{\"input\":4,\"output\":0,\"cost\":{\"total\":1e-999999999}}")
            + assistant("m3", "\"model\":\"glm-5\",", "{\"input\":4,\"output\":0,\"cost\":1e-100000}")
            + assistant("m4", "\"model\":\"glm-5\",", "{\"input\":4,\"output\":0,\"cost\":{\"total\":1e-400}}")
            + assistant("m5", "\"model\":\"glm-5\",", "{\"input\":4,\"output\":0,\"cost\":{\"total\":1.5e-20}}"));
    try (ClawMetry cm = ClawMetryBuilder.create().environment(Environment.of(Map.of(), tmp.resolve("u")))
        .stateDir(tmp.resolve("home")).build()) {
      UsageReport r = cm.usage(UsageQuery.daily(ZoneId.of("UTC")));
      assertEquals(60L, r.totals().tokens().total());
      // m2, m3 and m4 are estimated (glm-5's input price, 4 tokens each), m5 keeps its 2e-20
      BigDecimal est = r.totals().cost().subtract(new BigDecimal("0.25000000000000000002"));
      assertEquals(1, est.signum(), r.totals().cost().toPlainString());
      assertEquals(true, r.totals().cost().scale() <= 20, r.totals().cost().toPlainString());
    }
  }
}
