package io.clawmetry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clawmetry.core.discovery.Environment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The usage table's layout: on a terminal, the full table only when it fits the terminal's width (COLUMNS when set,
 * else what the terminal says, else 120) and never below 100 columns; piped or written with -o, today's rule (compact
 * only when COLUMNS is below 100), so that scripts and golden files do not depend on a terminal.
 */
class TableWidthTest {

  @TempDir Path tmp;

  /** A terminal of a given width (or of unknown width) that counts how often it was asked. */
  static final class FakeTerminal implements Terminal {
    final OptionalInt columns;
    int asked;

    FakeTerminal(OptionalInt columns) {
      this.columns = columns;
    }

    @Override
    public boolean isTerminal() {
      return true;
    }

    @Override
    public OptionalInt columns() {
      asked++;
      return columns;
    }
  }

  private CliRun usage(Map<String, String> vars, Terminal terminal, String... extra) {
    String[] args = new String[extra.length + 5];
    args[0] = "usage";
    args[1] = "-z";
    args[2] = "UTC";
    System.arraycopy(extra, 0, args, 3, extra.length);
    args[extra.length + 3] = "--home";
    args[extra.length + 4] = CliRun.exampleHome().toString();
    CliRun r = CliRun.run(Environment.of(vars, tmp), terminal, null, args);
    assertEquals(Main.OK, r.exitCode, r.err);
    return r;
  }

  private static boolean full(String table) {
    return table.lines().findFirst().orElseThrow().contains("CACHE READ");
  }

  private static int widest(String table) {
    return table.lines().takeWhile(l -> !l.isEmpty()).mapToInt(String::length).max().orElse(0);
  }

  @Test
  void theFullTableOfTheExampleHomeIsWiderThan120() {
    String t = usage(Map.of(), Terminal.NONE).out;
    assertTrue(full(t));
    assertTrue(widest(t) > 120, "the premise of the tests below: " + widest(t));
  }

  @Test
  void pipedKeepsTodaysRule() {
    assertTrue(full(usage(Map.of(), Terminal.NONE).out));
    assertTrue(full(usage(Map.of("COLUMNS", "100"), Terminal.NONE).out));
    assertTrue(!full(usage(Map.of("COLUMNS", "99"), Terminal.NONE).out));
  }

  @Test
  void aTerminalWithoutColumnsIsAskedItsWidth() {
    FakeTerminal narrow = new FakeTerminal(OptionalInt.of(90));
    String t = usage(Map.of(), narrow).out;
    assertEquals(1, narrow.asked);
    assertTrue(!full(t), t);
    assertTrue(widest(t) <= 90, t);

    FakeTerminal wide = new FakeTerminal(OptionalInt.of(200));
    assertTrue(full(usage(Map.of(), wide).out));
  }

  @Test
  void onATerminalTheFullTableIsUsedOnlyWhenItFits() {
    FakeTerminal t = new FakeTerminal(OptionalInt.of(90));
    assertTrue(!full(usage(Map.of("COLUMNS", "120"), t).out), "147 characters do not fit in 120");
    assertTrue(full(usage(Map.of("COLUMNS", "200"), t).out), "COLUMNS wins over the terminal");
    assertTrue(!full(usage(Map.of("COLUMNS", "99"), new FakeTerminal(OptionalInt.of(300))).out));
    assertEquals(0, t.asked, "COLUMNS set: the terminal is not asked");
  }

  @Test
  void aTerminalOfUnknownWidthCountsAs120() {
    FakeTerminal unknown = new FakeTerminal(OptionalInt.empty());
    assertTrue(!full(usage(Map.of(), unknown).out));
    assertEquals(1, unknown.asked);
    assertTrue(!full(usage(Map.of("COLUMNS", "wide"), unknown).out), "not numeric: asked, unknown, 120");
    assertEquals(2, unknown.asked);
  }

  @Test
  void machineFormatsAndFilesNeverAskTheTerminal() throws Exception {
    FakeTerminal t = new FakeTerminal(OptionalInt.of(90));
    Path file = tmp.resolve("u.txt");
    assertEquals("", usage(Map.of(), t, "-o", file.toString()).out);
    assertTrue(full(Files.readString(file, StandardCharsets.UTF_8)), "a file gets the full table");
    usage(Map.of(), t, "--json");
    usage(Map.of(), t, "--csv");
    assertEquals(0, t.asked);
  }

  @Test
  void sttySizeAnswers() {
    assertEquals(OptionalInt.of(90), Terminal.parseSttySize("24 90\n"));
    assertEquals(OptionalInt.empty(), Terminal.parseSttySize("stty: 'standard input': Inappropriate ioctl\n"));
    assertEquals(OptionalInt.empty(), Terminal.parseSttySize("24 0\n"));
    assertEquals(OptionalInt.empty(), Terminal.parseSttySize(""));
  }

  /**
   * A compact table still wider than the screen (the example home's session keys reach 91 columns) has its keys
   * shortened in the middle to fit; keys that fit and every number stay as they are.
   */
  @Test
  void compactSessionKeysAreShortenedToFitTheWidth() {
    for (int columns : new int[] {80, 60}) {
      String t = usage(Map.of("COLUMNS", Integer.toString(columns)), Terminal.NONE, "session").out;
      assertTrue(!full(t));
      assertTrue(t.lines().takeWhile(l -> !l.isEmpty()).allMatch(l -> TextTable.displayWidth(l) <= columns), t);
      assertTrue(t.contains("agent:main:main "), t);
      assertTrue(t.contains("\u2026"), t);
      assertTrue(t.contains("Total"), t);
      String unshortened = usage(Map.of("COLUMNS", "99"), Terminal.NONE, "session").out;
      for (String number : new String[] {"1,381,433", "$1.1773"}) {
        assertTrue(t.contains(number) && unshortened.contains(number), number);
      }
    }
  }
}
