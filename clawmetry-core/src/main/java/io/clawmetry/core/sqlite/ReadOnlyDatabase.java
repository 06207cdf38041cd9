package io.clawmetry.core.sqlite;

import io.clawmetry.api.WarningKind;
import io.clawmetry.core.warn.Warnings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * An OpenClaw SQLite database opened strictly read-only ({@code mode=ro}, {@code query_only}, never {@code
 * immutable}), with its tables and columns discovered on open so that schema churn degrades to "feature unavailable".
 * Every query runs in its own short statement; no transaction is held open between calls.
 */
public final class ReadOnlyDatabase implements AutoCloseable {

  /** Handles one result row. */
  @FunctionalInterface
  public interface RowHandler {
    void row(ResultSet rs) throws SQLException;
  }

  private static final int BUSY_TIMEOUT_MS = 3000;

  private final Path path;
  private final Connection connection;
  private final int userVersion;
  private final Map<String, Set<String>> columns;

  private ReadOnlyDatabase(Path path, Connection connection, int userVersion, Map<String, Set<String>> columns) {
    this.path = path;
    this.connection = connection;
    this.userVersion = userVersion;
    this.columns = columns;
  }

  /**
   * Opens {@code path} read-only. A missing, unreadable, locked or corrupt database gives an empty result and one
   * warning in {@code warnings}; it never throws.
   */
  public static Optional<ReadOnlyDatabase> open(Path path, Warnings warnings) {
    if (!Files.isRegularFile(path)) {
      return Optional.empty();
    }
    if (!Files.isReadable(path)) {
      warnings.add(WarningKind.UNREADABLE, path.toString(), "", "database is not readable by this user");
      return Optional.empty();
    }
    Connection c = null;
    try {
      Properties p = new Properties();
      p.setProperty("open_mode", "1"); // SQLITE_OPEN_READONLY
      p.setProperty("busy_timeout", Integer.toString(BUSY_TIMEOUT_MS));
      c = DriverManager.getConnection("jdbc:sqlite:file:" + uriPath(path) + "?mode=ro", p);
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA query_only = 1");
        s.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
      }
      int version;
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("PRAGMA user_version")) {
        version = rs.next() ? rs.getInt(1) : 0;
      }
      Map<String, Set<String>> cols = new LinkedHashMap<>();
      try (Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery("SELECT name FROM sqlite_master WHERE type IN ('table','view') ORDER BY name")) {
        while (rs.next()) {
          cols.put(rs.getString(1), new LinkedHashSet<>());
        }
      }
      for (Map.Entry<String, Set<String>> e : cols.entrySet()) {
        if (e.getKey().endsWith("_vec") || e.getKey().contains("_fts")) {
          continue; // virtual tables need extensions we do not load
        }
        try (Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("PRAGMA table_info(\"" + e.getKey().replace("\"", "\"\"") + "\")")) {
          while (rs.next()) {
            e.getValue().add(rs.getString("name"));
          }
        } catch (SQLException ignored) {
          // a table we cannot describe is simply unavailable
        }
      }
      Map<String, Set<String>> frozen = new LinkedHashMap<>();
      cols.forEach((k, v) -> frozen.put(k, Collections.unmodifiableSet(v)));
      return Optional.of(new ReadOnlyDatabase(path, c, version, Collections.unmodifiableMap(frozen)));
    } catch (SQLException e) {
      closeQuietly(c);
      warnings.add(WarningKind.DATABASE, path.toString(), "", "cannot open database read-only: " + describe(e));
      return Optional.empty();
    }
  }

  /**
   * {@code path} made absolute for a {@code file:} URI: {@code %}, {@code ?} and {@code #} escaped, since SQLite reads
   * them as an escape, the start of the query and the fragment (unescaped, a home under {@code /x#y/} opened {@code
   * /x}, and {@code %41} another file).
   */
  static String uriPath(Path path) {
    String p = path.toAbsolutePath().toString();
    StringBuilder b = new StringBuilder(p.length() + 8);
    for (int i = 0; i < p.length(); i++) {
      char c = p.charAt(i);
      switch (c) {
        case '%' -> b.append("%25");
        case '?' -> b.append("%3F");
        case '#' -> b.append("%23");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /** The database file. */
  public Path path() {
    return path;
  }

  /** {@code PRAGMA user_version}: the schema version OpenClaw wrote. */
  public int userVersion() {
    return userVersion;
  }

  /** Whether a table (or view) exists. */
  public boolean hasTable(String table) {
    return columns.containsKey(table);
  }

  /** The columns of a table, empty when the table is absent. */
  public Set<String> columns(String table) {
    return columns.getOrDefault(table, Set.of());
  }

  /** Whether a table has every given column. */
  public boolean hasColumns(String table, String... names) {
    Set<String> cols = columns(table);
    for (String n : names) {
      if (!cols.contains(n)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Runs a query and hands each row to {@code handler}. Errors (locked, corrupt, missing column) become a warning and
   * return false.
   */
  public boolean query(String sql, Object[] params, RowHandler handler, Warnings warnings) {
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      for (int i = 0; params != null && i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          handler.row(rs);
        }
      }
      return true;
    } catch (SQLException e) {
      warnings.add(WarningKind.DATABASE, path.toString(), "", "query failed: " + describe(e));
      return false;
    }
  }

  /** Describes an SQL error in one line, naming a lock when it is one. */
  private static String describe(SQLException e) {
    String m = String.valueOf(e.getMessage());
    if (m.contains("SQLITE_BUSY") || m.contains("locked")) {
      return "database is locked by a writer (" + m + ")";
    }
    return m;
  }

  private static void closeQuietly(Connection c) {
    if (c != null) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // nothing to do
      }
    }
  }

  @Override
  public void close() {
    closeQuietly(connection);
  }
}
