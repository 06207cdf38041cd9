package io.clawmetry.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checked-in example home is exactly what the generator produces, and its truth file holds the known figures. */
class ExampleHomeGeneratorTest {
  private static final Path CHECKED_IN_HOME = Path.of("home");
  private static final Path CHECKED_IN_TRUTH = Path.of("home-truth.json");

  @Test
  void regeneratedHomeIsIdenticalToTheCheckedInOne(@TempDir Path temp) throws Exception {
    Path home = temp.resolve("home");
    Path truth = temp.resolve("home-truth.json");
    ExampleHomeGenerator.generate(home, truth);

    assertArrayEquals(Files.readAllBytes(CHECKED_IN_TRUTH), Files.readAllBytes(truth), "home-truth.json differs");
    List<String> expected = relativeFiles(CHECKED_IN_HOME);
    assertEquals(expected, relativeFiles(home), "file list");
    for (String file : expected) {
      if (file.endsWith(".sqlite")) {
        assertEquals(dump(CHECKED_IN_HOME.resolve(file)), dump(home.resolve(file)), file);
      } else {
        assertArrayEquals(Files.readAllBytes(CHECKED_IN_HOME.resolve(file)), Files.readAllBytes(home.resolve(file)),
            file);
      }
    }
  }

  @Test
  void generatingTwiceIntoTheSameDirectoryGivesTheSameDatabases(@TempDir Path temp) throws Exception {
    Path home = temp.resolve("home");
    ExampleHomeGenerator.generate(home, temp.resolve("first.json"));
    List<String> first = dump(home.resolve("agents/ops/agent/openclaw-agent.sqlite"));
    ExampleHomeGenerator.generate(home, temp.resolve("second.json"));
    assertEquals(first, dump(home.resolve("agents/ops/agent/openclaw-agent.sqlite")));
    assertArrayEquals(Files.readAllBytes(temp.resolve("first.json")), Files.readAllBytes(temp.resolve("second.json")));
  }

  @Test
  void refusesToOverwriteADirectoryThatIsNotAnExampleHome(@TempDir Path temp) throws IOException {
    Files.writeString(temp.resolve("precious.txt"), "keep me");
    IOException refused = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
        () -> ExampleHomeGenerator.generate(temp, temp.resolve("truth.json")));
    assertTrue(refused.getMessage().contains("refusing"), refused.getMessage());
    assertEquals("keep me", Files.readString(temp.resolve("precious.txt")));
  }

  @Test
  void truthHoldsTheKnownHeadlineFigures() throws IOException {
    JsonNode truth = new ObjectMapper().readTree(CHECKED_IN_TRUTH.toFile());
    JsonNode totals = truth.get("totals");
    assertEquals(50, totals.get("modelCalls").asInt());
    assertEquals(385_584, totals.get("input").asLong());
    assertEquals(24_579, totals.get("output").asLong());
    assertEquals(927_070, totals.get("cacheRead").asLong());
    assertEquals(44_200, totals.get("cacheWrite").asLong());
    assertEquals(1_381_433, totals.get("totalTokens").asLong());
    assertEquals("1.1757395", totals.get("recordedCost").asText());
    assertEquals(1, totals.get("missingCostMessages").asInt());
    assertEquals(29, truth.at("/byAgent/main/modelCalls").asInt());
    assertEquals(12, truth.at("/byAgent/ops/modelCalls").asInt());
    assertEquals(9, truth.at("/byAgent/research/modelCalls").asInt());
    assertEquals(3, truth.at("/errors/count").asInt());
    assertEquals(3, truth.get("deliveryMirrorRows").asInt());
    assertEquals(2, truth.get("malformedLines").size());
    assertEquals(1, truth.get("partialLastLines").size());
    assertEquals(18, truth.at("/byDay/UTC").size());
    assertEquals(16, truth.at("/byDay/America~1New_York").size());
    assertEquals(15, truth.at("/byDay/Asia~1Tokyo").size());
    assertEquals(3, truth.at("/cron/jobCount").asInt());
    assertEquals(7, truth.at("/cron/runCount").asInt());
  }

  @Test
  void databasesCarryTheRealSchemaVersionsAndNoWalFiles() throws Exception {
    assertEquals(23, userVersion(CHECKED_IN_HOME.resolve("agents/ops/agent/openclaw-agent.sqlite")));
    assertEquals(23, userVersion(CHECKED_IN_HOME.resolve("agents/research/agent/openclaw-agent.sqlite")));
    assertEquals(18, userVersion(CHECKED_IN_HOME.resolve("state/openclaw.sqlite")));
    assertTrue(relativeFiles(CHECKED_IN_HOME).stream().noneMatch(f -> f.endsWith("-wal") || f.endsWith("-shm")));
    List<String> zstdRows = query(CHECKED_IN_HOME.resolve("agents/ops/agent/openclaw-agent.sqlite"),
        "SELECT seq FROM transcript_events WHERE event_json IS NULL AND event_zstd IS NOT NULL "
            + "AND event_utf8_bytes > 1024 AND navigation_json IS NOT NULL ORDER BY seq");
    assertEquals(List.of("6", "7"), zstdRows);
  }

  private static List<String> relativeFiles(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/')).sorted()
          .toList();
    }
  }

  private static int userVersion(Path db) throws SQLException {
    return Integer.parseInt(query(db, "PRAGMA user_version").get(0));
  }

  /** Every row of every table, in a stable order, with blobs in hex. */
  private static List<String> dump(Path db) throws SQLException {
    List<String> rows = new ArrayList<>();
    rows.add("user_version=" + userVersion(db));
    for (String table : query(db, "SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")) {
      rows.addAll(query(db, "SELECT * FROM \"" + table + "\" ORDER BY 1, 2").stream().map(r -> table + ": " + r)
          .toList());
    }
    rows.addAll(query(db, "SELECT type || ' ' || name || ' ' || coalesce(sql, '') FROM sqlite_master ORDER BY name"));
    return rows;
  }

  private static List<String> query(Path db, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + db.toAbsolutePath() + "?mode=ro");
        Statement statement = c.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        String[] values = new String[columns];
        for (int i = 0; i < columns; i++) {
          Object value = rs.getObject(i + 1);
          values[i] = value instanceof byte[] bytes ? java.util.HexFormat.of().formatHex(bytes) : String.valueOf(value);
        }
        rows.add(values.length == 1 ? values[0] : Arrays.toString(values));
      }
    }
    return rows;
  }
}
