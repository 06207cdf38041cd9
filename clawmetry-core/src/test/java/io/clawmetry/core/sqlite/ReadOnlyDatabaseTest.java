package io.clawmetry.core.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clawmetry.api.Warning;
import io.clawmetry.api.WarningKind;
import io.clawmetry.core.warn.Warnings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Read-only access: never writes, never hangs on a writer's lock, reads a live WAL database consistently. */
class ReadOnlyDatabaseTest {

  @TempDir Path tmp;

  private Connection writer(Path db) throws Exception {
    return DriverManager.getConnection("jdbc:sqlite:" + db);
  }

  @Test
  void aDatabaseLockedByAWriterIsAWarningNotAHang() throws Exception {
    Path db = tmp.resolve("locked.sqlite");
    try (Connection w = writer(db)) {
      try (Statement s = w.createStatement()) {
        s.execute("PRAGMA journal_mode=DELETE");
        s.execute("CREATE TABLE t(a)");
        s.execute("INSERT INTO t VALUES (1)");
      }
      try (Statement s = w.createStatement()) {
        s.execute("BEGIN EXCLUSIVE"); // a writer in the middle of a rollback-journal transaction
        s.execute("INSERT INTO t VALUES (2)");
      }
      Warnings warnings = new Warnings();
      assertTimeoutPreemptively(
          Duration.ofSeconds(15),
          () -> {
            Optional<ReadOnlyDatabase> r = ReadOnlyDatabase.open(db, warnings);
            r.ifPresent(
                d -> {
                  d.query("SELECT count(*) FROM t", null, rs -> {}, warnings);
                  d.close();
                });
          });
      List<Warning> ws = warnings.list();
      assertEquals(1, ws.size(), ws.toString());
      assertEquals(WarningKind.DATABASE, ws.get(0).kind());
      assertTrue(ws.get(0).message().contains("locked"), ws.get(0).message());
      try (Statement s = w.createStatement()) {
        s.execute("ROLLBACK");
      }
    }
  }

  @Test
  void aLiveWalDatabaseIsReadWhileAWriterIsActiveAndNothingIsWritten() throws Exception {
    Path db = tmp.resolve("live.sqlite");
    try (Connection w = writer(db)) {
      try (Statement s = w.createStatement()) {
        s.execute("PRAGMA journal_mode=WAL");
        s.execute("CREATE TABLE t(a)");
        s.execute("INSERT INTO t VALUES (1)");
      }
      w.setAutoCommit(false);
      try (Statement s = w.createStatement()) {
        s.execute("INSERT INTO t VALUES (2)"); // uncommitted: a reader must not see it
      }
      Warnings warnings = new Warnings();
      long[] n = {-1};
      try (ReadOnlyDatabase d = ReadOnlyDatabase.open(db, warnings).orElseThrow()) {
        d.query("SELECT count(*) FROM t", null, rs -> n[0] = rs.getLong(1), warnings);
        assertFalse(d.query("INSERT INTO t VALUES (3)", null, rs -> {}, warnings), "writes are refused");
      }
      assertEquals(1, n[0], "the committed row only");
      w.commit();
    }
    try (Connection check = writer(db);
        Statement s = check.createStatement();
        var rs = s.executeQuery("SELECT count(*) FROM t")) {
      rs.next();
      assertEquals(2, rs.getLong(1), "our refused insert left nothing behind");
    }
  }

  @Test
  void missingFileIsEmptyWithoutWarningAndGarbageIsAWarning() throws Exception {
    Warnings warnings = new Warnings();
    assertTrue(ReadOnlyDatabase.open(tmp.resolve("none.sqlite"), warnings).isEmpty());
    assertTrue(warnings.isEmpty());
    Path junk = Files.writeString(tmp.resolve("junk.sqlite"), "this is not a database, just text".repeat(100));
    Optional<ReadOnlyDatabase> r = ReadOnlyDatabase.open(junk, warnings);
    r.ifPresent(ReadOnlyDatabase::close);
    assertTrue(r.isEmpty());
    assertEquals(WarningKind.DATABASE, warnings.list().get(0).kind());
    assertFalse(Files.exists(tmp.resolve("none.sqlite")), "opening a missing database must not create it");
  }

  @Test
  void aPathWithUriSpecialCharactersOpensThatFileAndNoOther() throws Exception {
    // '#', '?' and '%' mean fragment, query and escape in the file: URI; a home may hold them in its path
    for (String dir : List.of("a#b", "c?mode=rw", "d%41e", "f g")) {
      Path db = Files.createDirectories(tmp.resolve(dir)).resolve("x.sqlite");
      try (Connection w = writer(db); Statement s = w.createStatement()) {
        s.execute("CREATE TABLE t(a)");
        s.execute("INSERT INTO t VALUES ('" + dir + "')");
      }
      Warnings warnings = new Warnings();
      String[] got = {null};
      try (ReadOnlyDatabase d = ReadOnlyDatabase.open(db, warnings).orElseThrow(() ->
          new AssertionError(dir + ": " + warnings.list()))) {
        d.query("SELECT a FROM t", null, rs -> got[0] = rs.getString(1), warnings);
      }
      assertEquals(dir, got[0], dir);
      assertEquals(List.of(), warnings.list(), dir);
    }
    assertFalse(Files.exists(tmp.resolve("a")), "nothing created at the path cut at '#'");
    assertFalse(Files.exists(tmp.resolve("dAe")), "nothing created at the %-decoded path");
  }
}
