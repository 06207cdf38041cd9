package io.clawmetry.core.sqlite;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Set;

/** Null-safe column access for rows of tables whose columns were discovered on open (schema churn). */
public final class SqlRows {

  private SqlRows() {}

  /** The column as text, or null when the column is absent or NULL. */
  public static String text(ResultSet rs, Set<String> columns, String name) throws SQLException {
    if (!columns.contains(name)) {
      return null;
    }
    Object v = rs.getObject(name);
    if (v == null) {
      return null;
    }
    String s = v instanceof byte[] b ? new String(b, java.nio.charset.StandardCharsets.UTF_8) : v.toString();
    return s.isEmpty() ? null : s;
  }

  /** The column as a long, or null when absent, NULL or not a number. */
  public static Long number(ResultSet rs, Set<String> columns, String name) throws SQLException {
    if (!columns.contains(name)) {
      return null;
    }
    Object v = rs.getObject(name);
    if (v instanceof Number n) {
      return n.longValue();
    }
    if (v instanceof String s) {
      try {
        return Long.parseLong(s.trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  /** The column as epoch ms, or null. */
  public static Instant instant(ResultSet rs, Set<String> columns, String name) throws SQLException {
    Long ms = number(rs, columns, name);
    return ms == null ? null : Instant.ofEpochMilli(ms);
  }
}
