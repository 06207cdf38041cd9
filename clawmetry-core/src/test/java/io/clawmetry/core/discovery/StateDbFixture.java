package io.clawmetry.core.discovery;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** Builds small state databases for tests (written by the test, never by the code under test). */
final class StateDbFixture {

  private StateDbFixture() {}

  /** A state DB whose {@code agent_databases} holds the given (agent_id, path) rows. */
  static void create(Path db, List<String[]> rows) throws Exception {
    Files.createDirectories(db.getParent());
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
      try (Statement s = c.createStatement()) {
        s.execute(
            "CREATE TABLE agent_databases(agent_id TEXT NOT NULL, path TEXT NOT NULL, schema_version INTEGER,"
                + " last_seen_at INTEGER, size_bytes INTEGER, PRIMARY KEY(agent_id, path)) STRICT");
        s.execute("PRAGMA user_version = 18");
      }
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO agent_databases(agent_id, path) VALUES (?, ?)")) {
        for (String[] r : rows) {
          ps.setString(1, r[0]);
          ps.setString(2, r[1]);
          ps.executeUpdate();
        }
      }
    }
  }

  /** Decompresses a {@code .gz} fixture to {@code target}. */
  static void gunzip(Path gz, Path target) throws IOException {
    Files.createDirectories(target.getParent());
    try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
