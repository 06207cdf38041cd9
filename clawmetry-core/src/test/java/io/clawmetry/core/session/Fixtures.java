package io.clawmetry.core.session;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.zip.GZIPInputStream;

/** Finds the repository's {@code testdata/} directory (walking up from the working directory) and unpacks fixtures. */
final class Fixtures {

  private Fixtures() {}

  /** {@code testdata/<relative>}. */
  static Path testdata(String relative) {
    for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("testdata");
      if (Files.isDirectory(candidate.resolve("real"))) {
        return candidate.resolve(relative);
      }
    }
    throw new IllegalStateException("testdata/ not found above " + Paths.get("").toAbsolutePath());
  }

  /** Gunzips {@code testdata/<relativeGz>} into {@code dir} under {@code name}. */
  static Path gunzip(String relativeGz, Path dir, String name) {
    Path out = dir.resolve(name);
    try (InputStream in = new GZIPInputStream(Files.newInputStream(testdata(relativeGz)))) {
      Files.copy(in, out);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
