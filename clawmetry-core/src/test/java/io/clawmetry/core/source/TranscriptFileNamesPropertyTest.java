package io.clawmetry.core.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.clawmetry.api.SourceKind;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link TranscriptFiles#classify} (plain string tests) decides every name exactly as the regular expressions of
 * FORMATS §4.1 it replaced: seeded random names assembled from the pieces that matter (".jsonl", ".reset.",
 * ".deleted.", ".checkpoint.", ".trajectory", ".zst", ".lock", ".bak", "sessions.json", separators, line
 * terminators and stray characters), several of them repeated in one name.
 */
class TranscriptFileNamesPropertyTest {

  private static final Pattern COUNTED = Pattern.compile("^(.+)\\.jsonl(\\.(reset|deleted)\\.[^/]+)?$");
  private static final Pattern CHECKPOINT = Pattern.compile(".*\\.checkpoint\\.[0-9A-Za-z-]+$");

  /** The regular-expression classification, as it was written before. */
  private static Optional<SourceKind> oracle(String fileName) {
    String name = fileName;
    boolean zst = name.endsWith(".zst");
    if (zst) {
      name = name.substring(0, name.length() - 4);
    }
    if (name.startsWith("sessions.json") || name.endsWith(".lock") || name.contains(".bak")) {
      return Optional.empty();
    }
    Matcher m = COUNTED.matcher(name);
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

  private static final String[] PIECES = {
    ".jsonl", ".jsonl", ".jsonl", ".reset.", ".deleted.", ".checkpoint.", ".trajectory", ".zst", ".lock", ".bak",
    "sessions.json", "a", "0b1c", "2026-11-05T10-00-00.000Z", "-", "_", ".", "/", "x.y", "Z9", "é", "", " ", "\n",
    "\r", "\u0085", "\u2028", "\u2029"
  };

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 40);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void classifiesAsTheRegularExpressions(long seed) {
    Random r = new Random(seed);
    for (int k = 0; k < 2_000; k++) {
      StringBuilder name = new StringBuilder();
      int parts = 1 + r.nextInt(7);
      for (int p = 0; p < parts; p++) {
        name.append(PIECES[r.nextInt(PIECES.length)]);
      }
      String n = name.toString();
      assertEquals(oracle(n), TranscriptFiles.classify(n), "seed " + seed + ": \"" + n + "\"");
    }
  }
}
