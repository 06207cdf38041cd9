package io.clawmetry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Columns line up on a terminal also when cells hold wide (CJK, emoji) or combining characters. */
class TextTableTest {

  @Test
  void wideAndCombiningCharactersTakeTheirTerminalWidth() {
    TextTable t = new TextTable("MODEL", ">COST");
    t.row("gpt-5", "$1");
    t.row("モデル-β", "$2"); // three wide katakana: 3 × 2 + 2 = 8 columns on a terminal, 5 chars
    t.row("claude 🚀", "$3"); // an emoji (two UTF-16 units, two columns)
    t.row("cafe\u0301", "$4"); // 'e' and a combining acute accent: four columns
    List<String> lines = t.lines();
    int costEnd = TextTable.displayWidth(lines.get(0));
    for (String line : lines) {
      assertEquals(costEnd, TextTable.displayWidth(line), line);
    }
    assertEquals("モデル-β     $2", lines.get(2));
    assertEquals("cafe\u0301         $4", lines.get(4));
    assertEquals(TextTable.displayWidth(lines.get(0)), t.width());
  }

  @Test
  void displayWidthCountsColumns() {
    assertEquals(5, TextTable.displayWidth("gpt-5"));
    assertEquals(8, TextTable.displayWidth("モデル-β"));
    assertEquals(4, TextTable.displayWidth("中文"));
    assertEquals(2, TextTable.displayWidth("🚀"));
    assertEquals(4, TextTable.displayWidth("cafe\u0301"));
    assertEquals(6, TextTable.displayWidth("örtlich".substring(0, 6)));
  }
}
