package io.clawmetry.core.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Finds the repository's {@code testdata/} by walking up from the working directory. */
public final class TestDataDir {

  private TestDataDir() {}

  /** The {@code testdata} directory; fails the test when absent. */
  public static Path root() {
    for (Path p = Paths.get("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path candidate = p.resolve("testdata");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("testdata/ not found above " + Paths.get("").toAbsolutePath());
  }
}
