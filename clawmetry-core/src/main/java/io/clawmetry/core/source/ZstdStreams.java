package io.clawmetry.core.source;

import com.github.luben.zstd.ZstdInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Opens zstd streams, turning a native library that cannot be loaded (a {@link LinkageError}, e.g. a temp directory
 * mounted {@code noexec}) into an {@link IOException}: the archive or row is then reported as not decodable and the
 * report goes on, instead of the whole run failing.
 */
final class ZstdStreams {

  private ZstdStreams() {}

  /** A decompressing stream over {@code compressed}; on failure {@code compressed} is left for the caller to close. */
  static InputStream open(InputStream compressed) throws IOException {
    try {
      return new ZstdInputStream(compressed);
    } catch (LinkageError e) {
      throw new IOException("zstd native library unavailable (" + e.getMessage() + ")", e);
    }
  }
}
