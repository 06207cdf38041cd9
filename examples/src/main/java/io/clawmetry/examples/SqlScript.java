package io.clawmetry.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Runs one of the bundled DDL scripts (statements end with {@code ;} at the end of a line). */
final class SqlScript {
  private SqlScript() {}

  /** The statements of resource {@code name} next to this class. */
  static List<String> statements(String name) {
    try (InputStream in = SqlScript.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      List<String> statements = new ArrayList<>();
      StringBuilder current = new StringBuilder();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (current.length() == 0 && line.startsWith("--")) {
          continue;
        }
        current.append(line).append('\n');
        if (line.endsWith(";")) {
          statements.add(current.toString().trim());
          current.setLength(0);
        }
      }
      return statements;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Executes every statement of resource {@code name} on {@code connection}. */
  static void run(Connection connection, String name) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String sql : statements(name)) {
        statement.execute(sql);
      }
    }
  }
}
