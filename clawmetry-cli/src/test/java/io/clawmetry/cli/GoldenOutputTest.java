package io.clawmetry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI's output on the bundled example home, byte for byte against golden files in
 * {@code src/test/resources/golden} (paths replaced by {@code <home>}). Regenerate deliberately with
 * {@code mvn -pl clawmetry-cli test -Dgolden.update=true} and review the diff.
 */
class GoldenOutputTest {

  @TempDir Path tmp;

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "sessions.txt         | sessions",
        "sessions.json        | sessions --json",
        "sessions-ops.txt     | sessions --agent ops --kind cron",
        "transcript-main.txt  | transcript agent:main:main",
        "transcript-estimated.txt | transcript e2902a36-e80c-4b15-b7cb-22ff67544994",
        "transcript-calculate.txt | transcript e2902a36-e80c-4b15-b7cb-22ff67544994 --mode calculate",
        "transcript-tools.json| transcript agent:ops:main --type toolCall,toolResult --json",
        "usage-daily.txt      | usage -z UTC",
        "usage-daily-ny.txt   | usage daily -z America/New_York --since 2026-11-05 --until 2026-11-09 --breakdown",
        "usage-daily.json     | usage daily -z UTC --json",
        "usage-monthly.json   | usage monthly -z Asia/Tokyo --json --mode calculate",
        "usage-session.txt    | usage session -z UTC",
        "usage-session.json   | usage session -z UTC --json",
        "usage-model.csv      | usage model -z UTC --csv",
        "usage-daily.csv      | usage daily -z UTC --csv --breakdown",
        "usage-agent-compact.txt | usage agent -z UTC",
        "usage-agent.csv      | usage agent -z UTC --csv",
        "usage-research.json  | usage -z UTC --agent research --json",
        "usage-monthly-display.txt | usage monthly -z UTC --mode display --breakdown",
        "subagents.txt        | subagents",
        "subagents.json       | subagents --json",
        "usage-origin.txt     | usage origin -z UTC --mode calculate",
        "overview.txt         | overview -z UTC",
      })
  void matchesGolden(String golden, String args) throws Exception {
    Path home = CliRun.exampleHome();
    String[] argv = (args + " --home " + home).trim().split("\\s+");
    CliRun r =
        CliRun.run(
            io.clawmetry.core.discovery.Environment.of(
                golden.contains("compact") ? java.util.Map.of("COLUMNS", "80") : java.util.Map.of(),
                tmp),
            Terminal.NONE,
            golden.startsWith("overview") ? CliRun.fixedClock(TextLayoutTest.NOW) : null, // "today" in the data
            argv);
    assertEquals(Main.OK, r.exitCode, r.err);
    CliRun.assertGolden(golden, r.normalizedOut(home));
  }
}
