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

/**
 * Which files of a {@code sessions/} directory count for usage (FORMATS §4.1), as OpenClaw's {@code
 * isUsageCountedSessionTranscriptFileName} decides.
 *
 * <p>Counted: {@code *.jsonl}, {@code *.jsonl.reset.<ts>}, {@code *.jsonl.deleted.<ts>}, and each of them with a
 * {@code .zst} suffix. Excluded: {@code *.trajectory.jsonl}, {@code *.trajectory-path.json}, {@code
 * *.checkpoint.<uuid>.jsonl}, {@code *.lock}, {@code *.bak*}, {@code sessions.json*}, and everything under {@code
 * session-sqlite-import-archive/} (already in SQLite, FORMATS §6.6) and {@code cold/}. Works the same for the flat
 * legacy {@code <stateDir>/sessions/}. Directory symlinks are not followed; unreadable entries become {@link
 * WarningKind#UNREADABLE} warnings.
 *
 * <p>{@code cold/} is counted, but not here: its {@code <sha256>.jsonl.zst} files are OpenClaw's cold storage record
 * format ({@code {"kind":"header"|"event"|...}} lines wrapping each event's JSON), not transcript lines, so {@link
 * TranscriptArchives#readColdFiles} reads them (FORMATS §6.5: their rows were deleted, so they must count; dedup by
 * event keeps a restored session, whose file remains, from counting twice).
 */
public final class TranscriptFiles {

  /** Sub-directories not listed: the import archive is never read; {@link TranscriptArchives} reads {@code cold/}. */
  static final List<String> EXCLUDED_DIRS = List.of("session-sqlite-import-archive", "cold");

  private static final int MAX_DEPTH = 8;

  private TranscriptFiles() {}

  /**
   * How a file name counts: empty when it is not a counted transcript. Plain string tests (no regular expression: this
   * runs once per file before anything is compiled), equal to matching {@code ^(.+)\.jsonl(\.(reset|deleted)\.[^/]+)?$}
   * and excluding stems matching {@code .*\.checkpoint\.[0-9A-Za-z-]+$}.
   */
  public static Optional<SourceKind> classify(String fileName) {
    String name = fileName;
    boolean zst = name.endsWith(".zst");
    if (zst) {
      name = name.substring(0, name.length() - 4);
    }
    if (name.startsWith("sessions.json") || name.endsWith(".lock") || name.contains(".bak")) {
      return Optional.empty();
    }
    // the regular expression's greedy stem: the last ".jsonl" after at least one character whose rest fits
    for (int at = name.lastIndexOf(".jsonl"); at >= 1; at = name.lastIndexOf(".jsonl", at - 1)) {
      String rest = name.substring(at + ".jsonl".length());
      boolean archive = isArchiveSuffix(rest);
      if (!rest.isEmpty() && !archive) {
        continue;
      }
      String stem = name.substring(0, at);
      if (hasLineTerminator(stem)) {
        continue; // the pattern's "." matches no line terminator: no stem can hold one
      }
      if (stem.endsWith(".trajectory") || isCheckpoint(stem) || stem.endsWith(".lock")) {
        return Optional.empty();
      }
      if (zst) {
        return Optional.of(SourceKind.ZSTD_ARCHIVE);
      }
      return Optional.of(archive ? SourceKind.JSONL_ARCHIVE : SourceKind.JSONL_TRANSCRIPT);
    }
    return Optional.empty();
  }

  /** Whether {@code s} holds a character {@code Pattern}'s "." does not match (without DOTALL). */
  private static boolean hasLineTerminator(String s) {
    for (int k = 0; k < s.length(); k++) {
      char c = s.charAt(k);
      if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
        return true;
      }
    }
    return false;
  }

  /** {@code \.(reset|deleted)\.[^/]+}. */
  private static boolean isArchiveSuffix(String rest) {
    String tail;
    if (rest.startsWith(".reset.")) {
      tail = rest.substring(".reset.".length());
    } else if (rest.startsWith(".deleted.")) {
      tail = rest.substring(".deleted.".length());
    } else {
      return false;
    }
    return !tail.isEmpty() && tail.indexOf('/') < 0;
  }

  /** {@code .*\.checkpoint\.[0-9A-Za-z-]+}: only the last ".checkpoint." can be followed by such characters alone. */
  private static boolean isCheckpoint(String stem) {
    int at = stem.lastIndexOf(".checkpoint.");
    if (at < 0 || at + ".checkpoint.".length() == stem.length()) {
      return false;
    }
    for (int k = at + ".checkpoint.".length(); k < stem.length(); k++) {
      char c = stem.charAt(k);
      if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '-')) {
        return false;
      }
    }
    return true;
  }

  /**
   * The counted transcript files under {@code sessionsDir}, sorted by path. A missing directory gives an empty list
   * without a warning.
   */
  public static List<TranscriptFile> list(Path sessionsDir, Warnings warnings) {
    return list(sessionsDir, warnings, new java.util.HashMap<>());
  }

  /**
   * {@link #list(Path, Warnings)}, also putting into {@code attributes} what the listing read of each listed regular
   * file (not of symbolic links), so that a caller needs no second stat per file.
   */
  public static List<TranscriptFile> list(
      Path sessionsDir, Warnings warnings, java.util.Map<Path, BasicFileAttributes> attributes) {
    return list(sessionsDir, warnings, attributes, (file, attrs) -> false);
  }

  /**
   * {@link #list(Path, Warnings, java.util.Map)}, without asking whether a regular file is readable when {@code
   * unchanged} says it was read before as it is now (same size and time): a refresh costs one system call per such
   * file instead of two. A file that was read and then made unreadable while unchanged stays listed (what was read of
   * it is complete) until the caller stops saying it is unchanged ({@link TranscriptLedger} asks again every minute).
   */
  public static List<TranscriptFile> list(
      Path sessionsDir,
      Warnings warnings,
      java.util.Map<Path, BasicFileAttributes> attributes,
      java.util.function.BiPredicate<Path, BasicFileAttributes> unchanged) {
    return list(sessionsDir, warnings, attributes, unchanged, Files::isReadable);
  }

  /** The listing above, deciding whether a file is readable by {@code readable}. */
  static List<TranscriptFile> list(
      Path sessionsDir,
      Warnings warnings,
      java.util.Map<Path, BasicFileAttributes> attributes,
      java.util.function.BiPredicate<Path, BasicFileAttributes> unchanged,
      java.util.function.Predicate<Path> readable) {
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
              if (!(attrs.isRegularFile() && unchanged.test(file, attrs)) && !readable.test(file)) {
                warnings.add(WarningKind.UNREADABLE, file.toString(), "", "transcript file is not readable");
                return FileVisitResult.CONTINUE;
              }
              out.add(new TranscriptFile(file, kind.get()));
              if (!attrs.isSymbolicLink()) {
                attributes.put(file, attrs);
              }
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
    return sortedByPath(out, sessionsDir.toString().length());
  }

  /**
   * Sorted by path string. Every path starts with the same directory, so its rest decides: comparing names only skips
   * the long common prefix in each of the n log n comparisons.
   */
  private static List<TranscriptFile> sortedByPath(List<TranscriptFile> files, int commonPrefix) {
    record Keyed(String rest, TranscriptFile file) {}
    List<Keyed> keyed = new ArrayList<>(files.size());
    for (TranscriptFile f : files) {
      keyed.add(new Keyed(f.path().toString().substring(commonPrefix), f));
    }
    keyed.sort(Comparator.comparing(Keyed::rest));
    List<TranscriptFile> out = new ArrayList<>(files.size());
    keyed.forEach(k -> out.add(k.file()));
    return out;
  }
}
