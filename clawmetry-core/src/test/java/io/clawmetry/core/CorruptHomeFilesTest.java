package io.clawmetry.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.clawmetry.api.ClawMetry;
import io.clawmetry.api.TokenCounts;
import io.clawmetry.core.testing.EveryReport;
import io.clawmetry.core.testing.TestHomes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input never breaks a report: one file of the example home at a time (configuration, model catalog, session
 * indexes, cron jobs and runs, sub-agent runs, logs, memory files, transcripts and archives, the databases) is
 * corrupted by a seeded random change (truncated, cut short in a multi-byte character, stray bytes, bytes overwritten,
 * emptied, a page of zeros), and then every facade method runs without an exception. Files that hold no transcript
 * leave the token totals exactly as they are on the intact home: a broken index or configuration may lose labels,
 * prices or crons, never a model call.
 */
class CorruptHomeFilesTest {

  private static final int SEEDS = 6;

  /** The example home's files, relative, and whether a model call may live in them. */
  private static final Map<String, Boolean> FILES =
      Map.ofEntries(
          Map.entry("openclaw.json", false),
          Map.entry("models.json5", false),
          Map.entry("agents/main/sessions/sessions.json", false),
          Map.entry("agents/main/sessions/sessions.json.bak.1", false),
          Map.entry("agents/research/sessions/session-sqlite-import-archive/sessions.json", false),
          Map.entry("cron/jobs.json", false),
          Map.entry("cron/runs/e8c01ef2-8018-4477-aca3-c86a5940bf70.jsonl", false),
          Map.entry("subagents/runs.json", false),
          Map.entry("logs/config-audit.jsonl", false),
          Map.entry("workspace/MEMORY.md", false),
          Map.entry("state/openclaw.sqlite", false),
          Map.entry("agents/main/sessions/45a53c73-86e3-43f0-8592-70a3c00ff81c.jsonl", true),
          Map.entry(
              "agents/main/sessions/0479ff19-bfdc-4570-b4c2-c96f079eff51.jsonl.deleted.2026-11-08T12-00-00.000Z.zst",
              true),
          Map.entry("agents/main/sessions/be61d715-168c-4536-b9f5-b096592bfdf6.jsonl.reset.2026-11-05T08-00-00.000Z",
              true),
          Map.entry("agents/ops/agent/openclaw-agent.sqlite", true),
          Map.entry("agents/research/agent/openclaw-agent.sqlite", true));

  @TempDir Path tmp;

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    FILES.keySet().stream().sorted().forEach(f -> {
      for (long seed = 1; seed <= SEEDS; seed++) {
        out.add(Arguments.of(f, seed));
      }
    });
    return out.stream();
  }

  private static TokenCounts intactTotals;

  private TokenCounts everyReport(Path home) throws Exception {
    try (ClawMetry cm = EveryReport.open(home, tmp.resolve("user-home"))) {
      return EveryReport.run(cm);
    }
  }


  private TokenCounts intact() throws Exception {
    if (intactTotals == null) {
      intactTotals = everyReport(TestHomes.copyTree(TestHomes.exampleHome(), tmp.resolve("intact")));
      assertFalse(intactTotals.total() == 0, "the example home has usage");
    }
    return intactTotals;
  }

  @ParameterizedTest(name = "{0} seed {1}")
  @MethodSource("cases")
  void everyReportSurvivesOneCorruptFile(String file, long seed) throws Exception {
    TokenCounts expected = intact();
    Path home = TestHomes.copyTree(TestHomes.exampleHome(), tmp.resolve("home"));
    Path target = home.resolve(file);
    byte[] corrupt = corrupt(Files.readAllBytes(target), new Random(seed * 7_919 + file.hashCode()));
    Files.write(target, corrupt);
    TokenCounts got;
    try {
      got = everyReport(home);
    } catch (Throwable t) {
      throw new AssertionError("seed " + seed + ", " + file + ": " + describe(corrupt), t);
    }
    if (!FILES.get(file)) {
      assertEquals(expected, got, () -> "seed " + seed + ", " + file + ": " + describe(corrupt));
    }
  }

  private static String describe(byte[] b) {
    return b.length + " bytes";
  }

  /** One seeded change: the kinds of damage a crash, a bad copy or a bad editor leave. */
  static byte[] corrupt(byte[] in, Random r) {
    int n = in.length;
    switch (r.nextInt(6)) {
      case 0: // truncated anywhere
        return java.util.Arrays.copyOf(in, n == 0 ? 0 : r.nextInt(n));
      case 1: { // cut short inside a multi-byte character, when there is one
        for (int i = n / 3; i < n; i++) {
          if ((in[i] & 0xC0) == 0xC0) {
            return java.util.Arrays.copyOf(in, i + 1);
          }
        }
        return java.util.Arrays.copyOf(in, n / 2);
      }
      case 2: { // stray bytes inserted
        byte[] stray = {'"', '{', '}', ',', '\\', 0, (byte) 0xFF, (byte) 0xC3, '\n', ']'};
        int at = n == 0 ? 0 : r.nextInt(n);
        int k = 1 + r.nextInt(4);
        byte[] out = new byte[n + k];
        System.arraycopy(in, 0, out, 0, at);
        for (int i = 0; i < k; i++) {
          out[at + i] = stray[r.nextInt(stray.length)];
        }
        System.arraycopy(in, at, out, at + k, n - at);
        return out;
      }
      case 3: { // a run of bytes overwritten with noise
        byte[] out = in.clone();
        if (n > 0) {
          int at = r.nextInt(n);
          for (int i = at; i < Math.min(n, at + 1 + r.nextInt(64)); i++) {
            out[i] = (byte) r.nextInt(256);
          }
        }
        return out;
      }
      case 4: // emptied
        return new byte[0];
      default: { // a page of zeros in the middle (a crash during write)
        byte[] out = in.clone();
        int at = n == 0 ? 0 : r.nextInt(n);
        java.util.Arrays.fill(out, at, Math.min(n, at + 4096), (byte) 0);
        return out;
      }
    }
  }
}
