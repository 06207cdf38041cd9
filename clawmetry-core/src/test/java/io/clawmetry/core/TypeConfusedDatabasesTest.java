package io.clawmetry.core;

import io.clawmetry.api.ClawMetry;
import io.clawmetry.core.testing.EveryReport;
import io.clawmetry.core.testing.TestHomes;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SQLite columns hold any type whatever their declaration: in a copy of the example home, a few cells of the agent
 * and state databases picked by a seed (any table, any column) are set to a value of another type (text in an
 * integer column, a blob, a real, a huge or negative integer, NULL, JSON of the wrong shape). Every facade method then
 * runs without an exception.
 */
class TypeConfusedDatabasesTest {

  private static final int SEEDS = 12;

  private static final List<String> DATABASES =
      List.of(
          "agents/ops/agent/openclaw-agent.sqlite",
          "agents/research/agent/openclaw-agent.sqlite",
          "state/openclaw.sqlite");

  @TempDir Path tmp;

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    for (String db : DATABASES) {
      for (long seed = 1; seed <= SEEDS; seed++) {
        out.add(Arguments.of(db, seed));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} seed {1}")
  @MethodSource("cases")
  void everyReportSurvivesCellsOfTheWrongType(String db, long seed) throws Exception {
    Path home = TestHomes.copyTree(TestHomes.exampleHome(), tmp.resolve("home"));
    List<String> changes = confuse(home.resolve(db), new Random(seed * 31 + db.hashCode()));
    try (ClawMetry cm = EveryReport.open(home, tmp.resolve("user-home"))) {
      EveryReport.run(cm);
    } catch (Throwable t) {
      throw new AssertionError("seed " + seed + ", " + db + ": " + changes, t);
    }
  }

  /** Sets 1–4 random cells of the test's own copy to values of another type; returns what it changed. */
  private static List<String> confuse(Path db, Random r) throws Exception {
    List<String> changes = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
      List<String> tables = new ArrayList<>();
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery(
              "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      int n = 1 + r.nextInt(4);
      int applied = 0;
      for (int attempt = 0; applied < n && attempt < 50 && !tables.isEmpty(); attempt++) {
        String table = tables.get(r.nextInt(tables.size()));
        List<String> columns = new ArrayList<>();
        try (Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("SELECT name FROM pragma_table_info('" + table + "')")) {
          while (rs.next()) {
            columns.add(rs.getString(1));
          }
        }
        long rows;
        try (Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("SELECT count(*) FROM \"" + table + "\"")) {
          rows = rs.next() ? rs.getLong(1) : 0;
        }
        if (rows == 0 || columns.isEmpty()) {
          continue;
        }
        String column = columns.get(r.nextInt(columns.size()));
        long offset = (long) r.nextInt((int) Math.min(rows, Integer.MAX_VALUE));
        String sql = "UPDATE \"" + table + "\" SET \"" + column + "\" = ? WHERE rowid = (SELECT rowid FROM \""
            + table + "\" LIMIT 1 OFFSET " + offset + ")";
        try (PreparedStatement p = c.prepareStatement(sql)) {
          Object v = otherValue(r);
          p.setObject(1, v);
          if (p.executeUpdate() == 1) {
            applied++;
            changes.add(table + "." + column + "#" + offset + " = " + describe(v));
          }
        } catch (java.sql.SQLException e) {
          changes.add(table + "." + column + " refused: " + e.getMessage()); // a constraint; nothing changed
        }
      }
      if (applied == 0) {
        throw new AssertionError("no cell could be changed: " + changes); // the case would test nothing
      }
    }
    return changes;
  }

  private static Object otherValue(Random r) {
    switch (r.nextInt(9)) {
      case 0:
        return null;
      case 1:
        return "not a number";
      case 2:
        return new byte[] {(byte) 0xFF, 0, (byte) 0xC3};
      case 3:
        return 1.5e300;
      case 4:
        return Long.MAX_VALUE;
      case 5:
        return -1L;
      case 6:
        return "{\"role\":[1,2],\"usage\":\"x\",\"timestamp\":{}}";
      case 7:
        return "[]";
      default:
        return "";
    }
  }

  private static String describe(Object v) {
    return v instanceof byte[] b ? "blob(" + b.length + ")" : String.valueOf(v);
  }
}
