package io.clawmetry.core.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Finds the repository's {@code testdata/} directory by walking up from the working directory. */
public final class TestData {

  private TestData() {}

  /** The {@code testdata} directory. */
  public static Path root() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      Path candidate = dir.resolve("testdata");
      if (Files.isDirectory(candidate.resolve("real"))) {
        return candidate;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException("testdata/ not found above " + Path.of("").toAbsolutePath());
  }

  /** A path below {@code testdata/}. */
  public static Path path(String relative) {
    return root().resolve(relative);
  }

  /** Gunzips {@code testdata/<relative>} to {@code target}. */
  public static Path gunzip(String relative, Path target) throws IOException {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(path(relative)));
        OutputStream out = Files.newOutputStream(target)) {
      in.transferTo(out);
    }
    return target;
  }
}
