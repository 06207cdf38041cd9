package io.clawmetry.core.source;

import io.clawmetry.api.SourceKind;
import io.clawmetry.api.WarningKind;
import io.clawmetry.core.warn.Warnings;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which files of a {@code sessions/} directory count for usage (FORMATS §4.1), as OpenClaw's {@code
 * isUsageCountedSessionTranscriptFileName} decides.
 *
 * <p>Counted: {@code *.jsonl}, {@code *.jsonl.reset.<ts>}, {@code *.jsonl.deleted.<ts>}, and each of them with a
 * {@code .zst} suffix. Excluded: {@code *.trajectory.jsonl}, {@code *.trajectory-path.json}, {@code
 * *.checkpoint.<uuid>.jsonl}, {@code *.lock}, {@code *.bak*}, {@code sessions.json*}, and everything under {@code
 * session-sqlite-import-archive/} (already in SQLite) and {@code cold/}. Works the same for the flat legacy {@code
 * <stateDir>/sessions/}. Directory symlinks are not followed; unreadable entries become {@link
 * WarningKind#UNREADABLE} warnings.
 */
public final class TranscriptFiles {

  /** Sub-directories never read. */
  static final List<String> EXCLUDED_DIRS = List.of("session-sqlite-import-archive", "cold");

  private static final Pattern COUNTED = Pattern.compile("^(.+)\\.jsonl(\\.(reset|deleted)\\.[^/]+)?$");
  private static final Pattern CHECKPOINT = Pattern.compile(".*\\.checkpoint\\.[0-9A-Za-z-]+$");
  private static final int MAX_DEPTH = 8;

  private TranscriptFiles() {}

  /** How a file name counts: empty when it is not a counted transcript. */
  public static Optional<SourceKind> classify(String fileName) {
    String name = fileName;
    boolean zst = name.endsWith(".zst");
    if (zst) {
      name = name.substring(0, name.length() - 4);
    }
    if (name.startsWith("sessions.json") || name.endsWith(".lock") || name.contains(".bak")) {
      return Optional.empty();
    }
    var m = COUNTED.matcher(name);
    if (!m.matches()) {
      return Optional.empty();
    }
    String stem = m.group(1);
    if (stem.endsWith(".trajectory") || CHECKPOINT.matcher(stem).matches() || stem.endsWith(".lock")) {
      return Optional.empty();
    }
    if (zst) {
      return Optional.of(SourceKind.ZSTD_ARCHIVE);
    }
    return Optional.of(m.group(2) == null ? SourceKind.JSONL_TRANSCRIPT : SourceKind.JSONL_ARCHIVE);
  }

  /**
   * The counted transcript files under {@code sessionsDir}, sorted by path. A missing directory gives an empty list
   * without a warning.
   */
  public static List<TranscriptFile> list(Path sessionsDir, Warnings warnings) {
    List<TranscriptFile> out = new ArrayList<>();
    if (sessionsDir == null || !Files.isDirectory(sessionsDir)) {
      return out;
    }
    try {
      Files.walkFileTree(
          sessionsDir,
          EnumSet.noneOf(java.nio.file.FileVisitOption.class),
          MAX_DEPTH,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              if (!dir.equals(sessionsDir) && EXCLUDED_DIRS.contains(dir.getFileName().toString())) {
                return FileVisitResult.SKIP_SUBTREE;
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              Optional<SourceKind> kind = classify(file.getFileName().toString());
              if (kind.isEmpty()) {
                return FileVisitResult.CONTINUE;
              }
              if (attrs.isSymbolicLink() && !Files.isRegularFile(file)) {
                return FileVisitResult.CONTINUE; // a link to a directory or nothing: not followed
              }
              if (!attrs.isSymbolicLink() && !attrs.isRegularFile()) {
                return FileVisitResult.CONTINUE;
              }
              if (!Files.isReadable(file)) {
                warnings.add(WarningKind.UNREADABLE, file.toString(), "", "transcript file is not readable");
                return FileVisitResult.CONTINUE;
              }
              out.add(new TranscriptFile(file, kind.get()));
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              warnings.add(WarningKind.UNREADABLE, file.toString(), "", "cannot read: " + e.getMessage());
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      warnings.add(WarningKind.UNREADABLE, sessionsDir.toString(), "", "cannot list: " + e.getMessage());
    }
    out.sort(Comparator.comparing(f -> f.path().toString()));
    return out;
  }
}
