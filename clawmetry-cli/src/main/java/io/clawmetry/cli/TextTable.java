package io.clawmetry.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A plain-text table: columns sized to their content, numeric columns right-aligned, an optional totals row under a
 * rule. Cells are sanitised so that control characters in data cannot break the layout or the terminal.
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

  /** The width of the widest line. */
  int width() {
    return lines().stream().mapToInt(String::length).max().orElse(0);
  }

  /** The lines of the table: header, rows, and the rule and totals row when there are totals. */
  List<String> lines() {
    int[] width = new int[headers.length];
    for (int i = 0; i < headers.length; i++) {
      width[i] = headers[i].length();
    }
    List<String[]> all = new ArrayList<>(rows);
    if (totals != null) {
      all.add(totals);
    }
    for (String[] r : all) {
      for (int i = 0; i < r.length; i++) {
        width[i] = Math.max(width[i], r[i].length());
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
      int pad = width[i] - c.length();
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
