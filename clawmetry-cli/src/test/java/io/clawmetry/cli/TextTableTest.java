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

  @Test
  void abbreviateKeepsBothEndsAroundOneEllipsis() {
    assertEquals("agent:main:main", TextTable.abbreviate("agent:main:main", 15));
    assertEquals("agent:\u2026n:main", TextTable.abbreviate("agent:main:main", 13));
    assertEquals(13, TextTable.displayWidth(TextTable.abbreviate("agent:main:cron:8ffb5d42:run:e746288a", 13)));
    // never half a wide character: five columns where a sixth would split one
    assertEquals("モ\u2026-β", TextTable.abbreviate("モデル-β", 6));
  }

  @Test
  void fitFirstColumnShortensOnlyTheKeysAndNeverBelowTheMinimum() {
    TextTable t = new TextTable("SESSIONID", ">COST");
    t.row("agent:main:cron:8ffb5d42-a447-4694-b628-ec66a39b22dd:run:e746288a", "$1");
    t.row("agent:main:main", "$2");
    t.totals("Total", "$3");
    t.fitFirstColumn(40, 16);
    assertEquals(40, t.width());
    assertEquals("agent:main:main", t.lines().get(2).substring(0, 15));
    t.fitFirstColumn(10, 16); // the minimum wins over the width
    assertEquals(16 + 2 + 4, t.width()); // key, gap, "COST"
  }
}
