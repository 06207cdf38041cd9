package io.clawmetry.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.clawmetry.api.ClawMetry;
import io.clawmetry.core.testing.EveryReport;
import io.clawmetry.core.testing.TestHomes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing ClawMetry runs writes into an OpenClaw home: every file of three homes (JSONL era, SQLite era, the example
 * home with a migrated agent) is made read-only, every facade method is called, and every file's checksum, size and
 * modification time and the listing itself are compared before and after. SQLite's {@code -shm} wal-index is the one
 * exception a WAL reader may touch (FORMATS §6.1); none of these databases is in WAL mode, so none may appear.
 */
class ReadOnlyGuaranteeTest {

  @TempDir Path tmp;

  @Test
  void jsonlEraHome() throws Exception {
    check(TestHomes.realJsonlHome(tmp));
  }

  @Test
  void sqliteEraHome() throws Exception {
    check(TestHomes.realSqliteHome(tmp));
  }

  @Test
  void exampleHome() throws Exception {
    check(TestHomes.exampleHomeCopy(tmp));
  }

  private void check(Path home) throws Exception {
    makeReadOnly(home);
    Map<String, String> before = snapshot(home);
    try (ClawMetry cm = EveryReport.open(home, tmp.resolve("user-home"))) {
      EveryReport.run(cm);
      assertFalse(cm.sessions().items().isEmpty(), "the home has sessions");
    }
    assertEquals(before, snapshot(home));
  }

  private static void makeReadOnly(Path home) throws IOException {
    try (Stream<Path> s = Files.walk(home)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        Set<PosixFilePermission> perms =
            Files.isDirectory(p)
                ? EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_EXECUTE)
                : EnumSet.of(PosixFilePermission.OWNER_READ);
        Files.setPosixFilePermissions(p, perms);
      }
    }
  }

  private static Map<String, String> snapshot(Path home) throws IOException, NoSuchAlgorithmException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(home)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        String rel = home.relativize(p).toString();
        if (Files.isDirectory(p)) {
          out.put(rel + "/", "dir " + Files.getLastModifiedTime(p));
          continue;
        }
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(p)) {
          byte[] buf = new byte[65536];
          int n;
          while ((n = in.read(buf)) > 0) {
            md.update(buf, 0, n);
          }
        }
        out.put(rel, HexFormat.of().formatHex(md.digest()) + " " + Files.size(p) + " " + Files.getLastModifiedTime(p));
      }
    }
    return out;
  }
}
