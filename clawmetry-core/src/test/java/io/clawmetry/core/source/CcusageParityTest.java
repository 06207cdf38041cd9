package io.clawmetry.core.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.clawmetry.api.ClawMetry;
import io.clawmetry.api.UsageQuery;
import io.clawmetry.api.UsageRow;
import io.clawmetry.core.ClawMetryBuilder;
import io.clawmetry.core.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Per-day tokens (input, output, cacheRead, cacheWrite, total) against {@code ccusage openclaw daily --json --offline}
 * (npm {@code ccusage@20.0.24}) on JSONL homes. Skipped, with the reason printed, when ccusage is not installed: set
 * {@code CCUSAGE} to its binary, or put {@code ccusage} on the PATH, or run bench/compare-ccusage.sh once (it installs
 * it under /tmp/clawmetry-compare/npm).
 */
class CcusageParityTest {

  @TempDir Path tmp;

  private static Path ccusage() {
    String env = System.getenv("CCUSAGE");
    List<Path> candidates =
        Stream.concat(
                env == null ? Stream.empty() : Stream.of(Path.of(env)),
                Stream.concat(
                    Stream.of(Path.of("/tmp/clawmetry-compare/npm/node_modules/@ccusage/ccusage-linux-x64/bin/ccusage"),
                        Path.of("/tmp/clawmetry-bench/npm/node_modules/@ccusage/ccusage-linux-x64/bin/ccusage")),
                    Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                        .filter(s -> !s.isEmpty())
                        .map(d -> Path.of(d, "ccusage"))))
            .toList();
    return candidates.stream().filter(Files::isExecutable).findFirst().orElse(null);
  }

  private static Path requireCcusage() {
    Path c = ccusage();
    if (c == null) {
      System.out.println("CcusageParityTest skipped: ccusage not installed (set CCUSAGE or run bench/compare-ccusage.sh)");
    }
    assumeTrue(c != null, "ccusage not installed (set CCUSAGE, or run bench/compare-ccusage.sh once)");
    return c;
  }

  /** date -> [input, output, cacheRead, cacheWrite, total] from ccusage. */
  private static Map<String, List<Long>> theirs(Path ccusage, Path home) throws Exception {
    Path out = home.resolveSibling(home.getFileName() + ".ccusage.json");
    Process p =
        new ProcessBuilder(
                ccusage.toString(), "openclaw", "daily", "--json", "--offline", "-z", "UTC", "--open-claw-path",
                home.toString())
            .redirectOutput(out.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    assertEquals(true, p.waitFor(60, TimeUnit.SECONDS), "ccusage finished");
    Map<String, List<Long>> days = new TreeMap<>();
    for (JsonNode d : Json.STRICT.readTree(out.toFile()).path("daily")) {
      days.put(
          d.path("date").asText(),
          List.of(
              d.path("inputTokens").asLong(), d.path("outputTokens").asLong(), d.path("cacheReadTokens").asLong(),
              d.path("cacheCreationTokens").asLong(), d.path("totalTokens").asLong()));
    }
    return days;
  }

  private static Map<String, List<Long>> ours(Path home) throws Exception {
    Map<String, List<Long>> days = new TreeMap<>();
    try (ClawMetry cm = ClawMetryBuilder.create().stateDir(home).build()) {
      for (UsageRow r : cm.usage(UsageQuery.daily(ZoneOffset.UTC)).rows()) {
        if (r.tokens().equals(io.clawmetry.api.TokenCounts.ZERO)) {
          continue; // a day with only error rows: ccusage lists no such day
        }
        days.put(
            r.key(),
            List.of(r.tokens().input(), r.tokens().output(), r.tokens().cacheRead(), r.tokens().cacheWrite(),
                r.tokens().total()));
      }
    }
    return days;
  }

  private Path homeWith(String name, Path sessionsSource, boolean jsonlOnly) throws IOException {
    Path sessions = Files.createDirectories(tmp.resolve(name).resolve("agents/main/sessions"));
    try (Stream<Path> s = Files.list(sessionsSource)) {
      for (Path f : s.filter(Files::isRegularFile).toList()) {
        if (!jsonlOnly || f.toString().endsWith(".jsonl")) {
          Files.copy(f, sessions.resolve(f.getFileName()));
        }
      }
    }
    return tmp.resolve(name);
  }

  @Test
  void realTranscriptsGiveTheSameDailyTokens() throws Exception {
    Path cc = requireCcusage();
    try (Stream<Path> dirs = Files.list(TestData.path("real"))) {
      for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
        Path home = homeWith(dir.getFileName().toString(), dir, true);
        assertEquals(theirs(cc, home), ours(home), dir.getFileName().toString());
      }
    }
  }

  /**
   * On examples/home's JSONL agent the two differ on six days, each by exactly what FORMATS and the example README
   * say ccusage gets wrong (BENCHMARKS.md explains them): the .zst archive it cannot read (11-02), the pre-compaction
   * checkpoint copy it counts again (11-05, 11-06), OpenAI-style prompt/completion usage (11-09) and Anthropic
   * snake_case usage (11-12) it does not read, and the fork copies it counts twice (11-10).
   */
  @Test
  void examplesMainDiffersOnlyWhereCcusageIsWrong() throws Exception {
    Path cc = requireCcusage();
    Path home = homeWith("examples-main", TestData.root().getParent().resolve("examples/home/agents/main/sessions"),
        false);
    Map<String, List<Long>> theirs = theirs(cc, home);
    Map<String, List<Long>> ours = ours(home);
    Map<String, List<Long>> explained =
        Map.of(
            "2026-11-02", List.of(6200L, 4000L, 0L, 0L, 10200L), // deleted .zst archive: ccusage reads nothing
            "2026-11-05", List.of(-3960L, -1090L, -42400L, -18000L, -65450L), // .checkpoint copy counted again
            "2026-11-06", List.of(-900L, -210L, -22000L, 0L, -23110L), // the same checkpoint, next day
            "2026-11-09", List.of(1104L, 830L, 4096L, 0L, 6030L), // prompt_tokens/completion_tokens/cached_tokens
            "2026-11-10", List.of(-2520L, -560L, -48300L, 0L, -51380L), // fork copies counted twice
            "2026-11-12", List.of(2200L, 300L, 24000L, 0L, 26500L)); // input_tokens/cache_read_input_tokens
    Map<String, List<Long>> diff = new TreeMap<>();
    for (String day : ours.keySet()) {
      List<Long> a = ours.get(day);
      List<Long> b = theirs.getOrDefault(day, List.of(0L, 0L, 0L, 0L, 0L));
      List<Long> d = List.of(a.get(0) - b.get(0), a.get(1) - b.get(1), a.get(2) - b.get(2), a.get(3) - b.get(3),
          a.get(4) - b.get(4));
      if (!d.equals(List.of(0L, 0L, 0L, 0L, 0L))) {
        diff.put(day, d);
      }
    }
    assertTrue(ours.keySet().containsAll(theirs.keySet()), "ccusage has no day we lack: " + theirs.keySet());
    assertEquals(new TreeMap<>(explained), diff);
  }
}
