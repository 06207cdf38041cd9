package io.clawmetry.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A plain-text table: columns sized to their content as a terminal draws it ({@link #displayWidth}), numeric columns
 * right-aligned, an optional totals row under a rule. Cells are sanitised so that control characters in data cannot break the layout or the terminal.
 */
final class TextTable {

  private final String[] headers;
  private final boolean[] rightAligned;
  private final List<String[]> rows = new ArrayList<>();
  private String[] totals;

  /** A table with these column headers; a header starting with '>' marks a right-aligned (numeric) column. */
  TextTable(String... headers) {
    this.headers = new String[headers.length];
    this.rightAligned = new boolean[headers.length];
    for (int i = 0; i < headers.length; i++) {
      rightAligned[i] = headers[i].startsWith(">");
      this.headers[i] = rightAligned[i] ? headers[i].substring(1) : headers[i];
    }
  }

  /** Adds a row; nulls print as "-". */
  TextTable row(Object... cells) {
    rows.add(cells(cells));
    return this;
  }

  /** Sets the totals row. */
  TextTable totals(Object... cells) {
    totals = cells(cells);
    return this;
  }

  boolean isEmpty() {
    return rows.isEmpty();
  }

  private String[] cells(Object... cells) {
    if (cells.length != headers.length) {
      throw new IllegalArgumentException("expected " + headers.length + " cells, got " + cells.length);
    }
    String[] out = new String[cells.length];
    for (int i = 0; i < cells.length; i++) {
      out[i] = cells[i] == null ? "-" : sanitize(cells[i].toString());
    }
    return out;
  }

  /** Replaces control characters (including ANSI escapes and newlines) by spaces or '?'. */
  static String sanitize(String s) {
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
        if (b == null) {
          b = new StringBuilder(s.length()).append(s, 0, i);
        }
        b.append(c == '\n' || c == '\t' || c == '\r' ? ' ' : '?');
      } else if (b != null) {
        b.append(c);
      }
    }
    return b == null ? s : b.toString();
  }

  /**
   * The columns {@code s} takes on a terminal: two for East Asian wide and fullwidth characters and for emoji, none
   * for combining marks and format characters (such as a zero-width joiner), one for every other code point.
   */
  static int displayWidth(String s) {
    int w = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      int type = Character.getType(cp);
      if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT) {
        continue;
      }
      w += wide(cp) ? 2 : 1;
    }
    return w;
  }

  /** Whether a terminal draws {@code cp} two columns wide (the East Asian Wide and Fullwidth blocks, emoji). */
  private static boolean wide(int cp) {
    return cp >= 0x1100 && cp <= 0x115F // Hangul Jamo initials
        || cp >= 0x2E80 && cp <= 0x303E // CJK radicals, Kangxi, ideographic description, CJK symbols
        || cp >= 0x3041 && cp <= 0x33FF // Hiragana, Katakana, Bopomofo, Hangul compatibility, CJK compatibility
        || cp >= 0x3400 && cp <= 0x4DBF // CJK extension A
        || cp >= 0x4E00 && cp <= 0x9FFF // CJK unified ideographs
        || cp >= 0xA000 && cp <= 0xA4CF // Yi
        || cp >= 0xAC00 && cp <= 0xD7A3 // Hangul syllables
        || cp >= 0xF900 && cp <= 0xFAFF // CJK compatibility ideographs
        || cp >= 0xFE30 && cp <= 0xFE4F // CJK compatibility forms
        || cp >= 0xFF00 && cp <= 0xFF60 // fullwidth forms
        || cp >= 0xFFE0 && cp <= 0xFFE6
        || cp >= 0x1F300 && cp <= 0x1F64F // pictographs, emoticons
        || cp >= 0x1F680 && cp <= 0x1F6FF // transport and map symbols
        || cp >= 0x1F900 && cp <= 0x1F9FF // supplemental symbols and pictographs
        || cp >= 0x1FA70 && cp <= 0x1FAFF
        || cp >= 0x20000 && cp <= 0x3FFFD; // CJK extensions B and later
  }

  /** Prints the table. */
  void print(PrintWriter out) {
    for (String line : lines()) {
      out.println(line);
    }
  }

  /** The lines of the rows alone, aligned as in the whole table (for a table printed without its header). */
  List<String> rowLines() {
    return lines().subList(1, 1 + rows.size());
  }

  /**
   * Shortens the first column's cells (not its header) with an ellipsis in the middle so that the table is at most
   * {@code maxWidth} columns wide, keeping at least {@code minKeyWidth} columns of each (a compact table on a narrow
   * terminal: long session keys otherwise overflow it). Cells that fit are left as they are.
   */
  void fitFirstColumn(int maxWidth, int minKeyWidth) {
    int over = width() - maxWidth;
    if (over <= 0) {
      return;
    }
    int widest = displayWidth(headers[0]);
    List<String[]> all = new ArrayList<>(rows);
    if (totals != null) {
      all.add(totals);
    }
    for (String[] r : all) {
      widest = Math.max(widest, displayWidth(r[0]));
    }
    int keep = Math.max(Math.max(minKeyWidth, displayWidth(headers[0])), widest - over);
    for (String[] r : all) {
      r[0] = abbreviate(r[0], keep);
    }
  }

  /** {@code s} in at most {@code width} columns: its start and its end around one ellipsis, when it is wider. */
  static String abbreviate(String s, int width) {
    if (displayWidth(s) <= width || width < 3) {
      return s;
    }
    int[] cps = s.codePoints().toArray();
    int budget = width - 1; // the ellipsis takes one column
    int headBudget = (budget + 1) / 2;
    StringBuilder head = new StringBuilder();
    int used = 0;
    int i = 0;
    while (i < cps.length && used + displayWidth(new String(cps, i, 1)) <= headBudget) {
      used += displayWidth(new String(cps, i, 1));
      head.appendCodePoint(cps[i++]);
    }
    int tailBudget = budget - used;
    StringBuilder tail = new StringBuilder();
    int j = cps.length - 1;
    int tailUsed = 0;
    while (j >= i && tailUsed + displayWidth(new String(cps, j, 1)) <= tailBudget) {
      tailUsed += displayWidth(new String(cps, j, 1));
      tail.insert(0, new String(cps, j--, 1));
    }
    return head + "\u2026" + tail;
  }

  /** The width of the widest line. */
  int width() {
    return lines().stream().mapToInt(TextTable::displayWidth).max().orElse(0);
  }

  /** The lines of the table: header, rows, and the rule and totals row when there are totals. */
  List<String> lines() {
    int[] width = new int[headers.length];
    for (int i = 0; i < headers.length; i++) {
      width[i] = displayWidth(headers[i]);
    }
    List<String[]> all = new ArrayList<>(rows);
    if (totals != null) {
      all.add(totals);
    }
    for (String[] r : all) {
      for (int i = 0; i < r.length; i++) {
        width[i] = Math.max(width[i], displayWidth(r[i]));
      }
    }
    List<String> lines = new ArrayList<>();
    lines.add(line(headers, width));
    for (String[] r : rows) {
      lines.add(line(r, width));
    }
    if (totals != null) {
      String[] rule = new String[headers.length];
      for (int i = 0; i < rule.length; i++) {
        char[] dashes = new char[width[i]];
        Arrays.fill(dashes, '-');
        rule[i] = new String(dashes);
      }
      lines.add(line(rule, width));
      lines.add(line(totals, width));
    }
    return lines;
  }

  private String line(String[] cells, int[] width) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        b.append("  ");
      }
      String c = cells[i];
      int pad = width[i] - displayWidth(c);
      if (rightAligned[i]) {
        b.append(" ".repeat(pad)).append(c);
      } else if (i < cells.length - 1) {
        b.append(c).append(" ".repeat(pad));
      } else {
        b.append(c);
      }
    }
    return b.toString().stripTrailing();
  }
}
