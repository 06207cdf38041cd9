package io.clawmetry.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.util.OSInfo;

/** The launcher's training helper: library extraction (the training runs themselves go through bin/clawmetry). */
class CdsTrainingTest {

  @TempDir Path tmp;

  @Test
  void extractsTheSqliteLibraryByteForByteAndReplacesAnOldCopy() throws IOException {
    String name = System.mapLibraryName("sqlitejdbc");
    String resource = "/org/sqlite/native/" + OSInfo.getNativeLibFolderPathForCurrentOS() + "/" + name;
    Path dir = tmp.resolve("native");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(name), "stale");

    Path lib = CdsTraining.extract(resource, dir, name);

    byte[] expected;
    try (InputStream in = CdsTraining.class.getResourceAsStream(resource)) {
      expected = in.readAllBytes();
    }
    assertEquals(dir.resolve(name), lib);
    assertArrayEquals(expected, Files.readAllBytes(lib));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(lib), files.toList(), "no temporary file left");
    }
  }

  @Test
  void aMissingResourceIsAnErrorAndWritesNothing() {
    assertThrows(IOException.class, () -> CdsTraining.extract("/no/such/library.so", tmp.resolve("n"), "x.so"));
    assertEquals(false, Files.exists(tmp.resolve("n")));
  }
}
