package io.clawmetry.core.source;

import io.clawmetry.api.SourceKind;
import io.clawmetry.api.SourceRef;
import java.nio.file.Path;

/**
 * A transcript file that counts for usage.
 *
 * @param path the file
 * @param kind {@link SourceKind#JSONL_TRANSCRIPT} (live, append-only), {@link SourceKind#JSONL_ARCHIVE} ({@code
 *     .reset.<ts>} / {@code .deleted.<ts>}) or {@link SourceKind#ZSTD_ARCHIVE} (any of them with {@code .zst})
 */
public record TranscriptFile(Path path, SourceKind kind) {

  /** Whether the file is closed (an archive): a final line without newline is then complete, not half-written. */
  public boolean closed() {
    return kind != SourceKind.JSONL_TRANSCRIPT;
  }

  /** Whether the file is one zstd frame. */
  public boolean compressed() {
    return kind == SourceKind.ZSTD_ARCHIVE;
  }

  /** This file as a {@link SourceRef}. */
  public SourceRef ref() {
    return new SourceRef(kind, path.toAbsolutePath().toString());
  }

  /**
   * The session id suggested by the name, used only when the file has no header: the name without {@code .jsonl} and
   * what follows it, and without a fork's {@code <ts>_} prefix.
   */
  public String sessionIdFromName() {
    String name = path.getFileName().toString();
    int i = name.indexOf(".jsonl");
    String stem = i < 0 ? name : name.substring(0, i);
    int u = stem.lastIndexOf('_');
    return u >= 0 && u < stem.length() - 1 ? stem.substring(u + 1) : stem;
  }
}
