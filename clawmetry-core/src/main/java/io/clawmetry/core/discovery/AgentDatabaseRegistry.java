package io.clawmetry.core.discovery;

import io.clawmetry.api.WarningKind;
import io.clawmetry.core.sqlite.ReadOnlyDatabase;
import io.clawmetry.core.warn.Warnings;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the agent registry {@code agent_databases(agent_id, path)} of the state database {@code
 * state/openclaw.sqlite}. Paths are relative to the state dir since state schema 9 and absolute before; an absolute
 * path that does not exist on this host (written by a container or a Windows gateway) is resolved by its file name
 * under {@code <stateDir>/agents/<id>/agent/}.
 */
final class AgentDatabaseRegistry {

  /**
   * One registered agent database.
   *
   * @param agentId the agent id, lower-cased
   * @param registeredPath the path as stored
   * @param path where the database is on this host
   */
  record Entry(String agentId, String registeredPath, Path path) {}

  private static final Pattern WINDOWS_ABSOLUTE = Pattern.compile("^([A-Za-z]:[\\\\/]|\\\\\\\\).*");

  private AgentDatabaseRegistry() {}

  /** The registered databases; empty (with a warning when the DB is unusable) when the table is absent. */
  static List<Entry> read(Path stateDb, Path stateDir, Warnings warnings) {
    List<Entry> out = new ArrayList<>();
    Optional<ReadOnlyDatabase> opened = ReadOnlyDatabase.open(stateDb, warnings);
    if (opened.isEmpty()) {
      return out;
    }
    try (ReadOnlyDatabase db = opened.get()) {
      if (!db.hasColumns("agent_databases", "agent_id", "path")) {
        if (db.hasTable("agent_databases")) {
          warnings.add(
              WarningKind.UNKNOWN_SCHEMA,
              stateDb + "#agent_databases",
              "",
              "agent_databases lacks agent_id/path columns; agent registry not read");
        } else if (!db.hasTable("schema_meta") && !db.hasTable("cron_jobs")) {
          // none of OpenClaw's state tables (an older schema may lack the registry, not all of them): an empty file,
          // another program's database or a damaged one
          warnings.add(
              WarningKind.UNKNOWN_SCHEMA,
              stateDb.toString(),
              "",
              "not OpenClaw's state database (none of its tables); agent databases looked for in the agent"
                  + " directories");
        }
        return out;
      }
      db.query(
          "SELECT agent_id, path FROM agent_databases ORDER BY agent_id, path",
          null,
          rs -> {
            String id = rs.getString(1);
            String raw = rs.getString(2);
            if (id == null || id.isBlank() || raw == null || raw.isBlank()) {
              warnings.add(
                  WarningKind.DATABASE, stateDb + "#agent_databases", "", "row with an empty agent_id or path skipped");
              return;
            }
            String agentId = id.strip().toLowerCase(Locale.ROOT);
            Path p = AgentIds.isSafe(agentId) ? locate(agentId, raw.strip(), stateDir) : null;
            if (p == null) {
              warnings.add(
                  WarningKind.PATH, stateDb + "#agent_databases", "", "unusable path for agent " + agentId + "; skipped");
              return;
            }
            out.add(new Entry(agentId, raw, p));
          },
          warnings);
    }
    return out;
  }

  /** Where a registered path is on this host. */
  static Path locate(String agentId, String raw, Path stateDir) {
    boolean foreignAbsolute = WINDOWS_ABSOLUTE.matcher(raw).matches() && !isNativeAbsolute(raw);
    if (!foreignAbsolute && isNativeAbsolute(raw)) {
      Path p = Paths.get(raw).normalize();
      if (Files.exists(p)) {
        return p;
      }
      foreignAbsolute = true;
    }
    if (foreignAbsolute) {
      String name = raw.substring(Math.max(raw.lastIndexOf('/'), raw.lastIndexOf('\\')) + 1);
      if (name.isEmpty() || name.equals("..") || name.equals(".")) {
        return null;
      }
      return stateDir.resolve("agents").resolve(agentId).resolve("agent").resolve(name).normalize();
    }
    try {
      Path p = stateDir.resolve(raw).normalize();
      return p.startsWith(stateDir) ? p : null;
    } catch (InvalidPathException e) {
      return null;
    }
  }

  private static boolean isNativeAbsolute(String raw) {
    try {
      return Paths.get(raw).isAbsolute();
    } catch (InvalidPathException e) {
      return false;
    }
  }
}
