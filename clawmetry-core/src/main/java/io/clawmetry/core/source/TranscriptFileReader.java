package io.clawmetry.core.source;

import io.clawmetry.api.EventOrigin;
import io.clawmetry.api.TranscriptEvent;
import io.clawmetry.api.WarningKind;
import io.clawmetry.core.event.EventParser;
import io.clawmetry.core.event.StreamState;
import io.clawmetry.core.warn.Warnings;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads the events of one transcript file (plain or zstd), from the start or incrementally from a {@link
 * LineReader.Position}. Failures never escape: an unreadable file is an {@link WarningKind#UNREADABLE} warning, a
 * corrupt zstd frame a {@link WarningKind#BAD_ARCHIVE} warning, and the lines read before the failure are kept.
 */
public final class TranscriptFileReader {

  private final Warnings warnings;
  private final EventParser parser;

  /** @param warnings where problems go */
  public TranscriptFileReader(Warnings warnings) {
    this.warnings = warnings;
    this.parser = new EventParser(warnings);
  }

  /** Where this reader's problems go. */
  public Warnings warnings() {
    return warnings;
  }

  /** A fresh parsing state for {@code file} (its name gives the fallback session id until the header is read). */
  public static StreamState newState(TranscriptFile file) {
    return new StreamState(file.sessionIdFromName());
  }

  /**
   * Reads {@code file} from {@code from} and hands every event to {@code sink}. Keep {@code state} and the returned
   * position to continue with the lines appended later. A live file's half-written last line is left for the next
   * call.
   */
  public LineReader.Position read(
      TranscriptFile file, LineReader.Position from, StreamState state, Consumer<TranscriptEvent> sink) {
    return read(file, from, state, sink, Mode.FULL);
  }

  /**
   * {@link #read} for readers that need no message content (usage, summaries): lines are parsed from their bytes with
   * {@link EventParser#parseWithoutContent}, so message events come with empty content; every other field, the dedup
   * keys and the warnings are the same as {@link #read} gives.
   */
  public LineReader.Position readWithoutContent(
      TranscriptFile file, LineReader.Position from, StreamState state, Consumer<TranscriptEvent> sink) {
    return read(file, from, state, sink, Mode.WITHOUT_CONTENT);
  }

  private enum Mode {
    FULL,
    WITHOUT_CONTENT
  }

  private LineReader.Position read(
      TranscriptFile file,
      LineReader.Position from,
      StreamState state,
      Consumer<TranscriptEvent> sink,
      Mode mode) {
    String source = file.path().toString();
    LineReader reader = new LineReader(source, file.closed(), warnings);
    if (mode == Mode.WITHOUT_CONTENT) {
      reader.findingLineEndsWhileParsing();
    }
    LineReader.Position[] reached = {from};
    LineReader.RawLineSink lines =
        line -> {
          EventOrigin origin = new EventOrigin(file.kind(), source, line.number());
          parse(parser, line, origin, state, null, mode == Mode.FULL).ifPresent(sink);
          reached[0] = new LineReader.Position(line.endOffset(), line.number() + 1);
          return true;
        };
    try {
      if (!file.compressed()) {
        LineReader.Position end = reader.readRaw(file.path(), from, lines);
        reportTail(file, end, reader.heldBack());
        return end;
      }
      try (InputStream in = zstd(file)) {
        in.skipNBytes(from.offset());
        return reader.readRaw(in, from, lines);
      }
    } catch (IOException | RuntimeException e) {
      report(file, reached[0], e);
      return reached[0];
    }
  }

  /**
   * A live file's last line without newline that is not complete JSON is held back until it is. Say so (OpenClaw
   * writes a line in one append, so a reader seldom meets one mid-write; a file that ends in one was cut short): the
   * warning describes the file's end as it is now, and the next read of the file replaces or clears it.
   */
  private void reportTail(TranscriptFile file, LineReader.Position end, long bytes) {
    String source = file.path().toString();
    if (bytes <= 0) {
      warnings.remove(WarningKind.INCOMPLETE_LINE, source);
      return;
    }
    warnings.set(
        WarningKind.INCOMPLETE_LINE,
        source,
        "line " + end.nextLineNumber(),
        "the last line (" + bytes + " bytes) has no newline and is not complete JSON (yet): not counted until it is"
            + " complete");
  }

  /**
   * One line of a transcript through {@code parser}: from its bytes without message content, unless content is
   * wanted or the line was too long to keep its bytes (then from its text, with {@code sessionIdHint}).
   */
  static Optional<TranscriptEvent> parse(
      EventParser parser,
      LineReader.RawLine line,
      EventOrigin origin,
      StreamState state,
      String sessionIdHint,
      boolean withContent) {
    return withContent || line.contentDropped()
        ? parser.parse(new RawRecord(line.text(), origin, sessionIdHint), state)
        : parser.parseWithoutContent(line.buffer(), line.offset(), line.length(), origin, state, line::text);
  }

  /**
   * What the first line of a file says: its session id (the header {@code id}; the file name when there is no
   * header), the session it was forked from, and when it was created (null when unknown).
   */
  public record FileHeader(String sessionId, String parentSession, java.time.Instant timestamp) {}

  /** The session id from the header only (the first line); the file name when there is none. */
  public String sessionId(TranscriptFile file) {
    return header(file).sessionId();
  }

  /** Reads the first line only. Problems are left to the full read, which reports them. */
  public FileHeader header(TranscriptFile file) {
    StreamState state = newState(file);
    String source = file.path().toString();
    Warnings ignored = new Warnings(); // the full read reports problems
    LineReader reader = new LineReader(source, file.closed(), ignored).firstLinesOnly();
    EventParser quiet = new EventParser(ignored);
    java.time.Instant[] created = new java.time.Instant[1];
    // the same byte-level parse as the full read (no String, no second parser): it also warms that code up early
    LineReader.RawLineSink first =
        line -> {
          EventOrigin origin = new EventOrigin(file.kind(), source, line.number());
          parse(quiet, line, origin, state, null, false).ifPresent(e -> created[0] = e.meta().timestamp());
          return false;
        };
    try {
      if (file.compressed()) {
        try (InputStream in = zstd(file)) {
          reader.readRaw(in, LineReader.Position.START, first);
        }
      } else {
        reader.readRaw(file.path(), LineReader.Position.START, first);
      }
    } catch (IOException | RuntimeException e) {
      // the full read reports it; the name decides meanwhile
    }
    return new FileHeader(state.sessionId(), state.parentSession(), created[0]);
  }

  private static InputStream zstd(TranscriptFile file) throws IOException {
    InputStream raw = Files.newInputStream(file.path());
    try {
      return ZstdStreams.open(new BufferedInputStream(raw));
    } catch (IOException | RuntimeException e) {
      raw.close();
      throw e;
    }
  }

  private void report(TranscriptFile file, LineReader.Position reached, Exception e) {
    String at = "line " + reached.nextLineNumber();
    if (file.compressed() && Files.isReadable(file.path())) {
      warnings.add(
          WarningKind.BAD_ARCHIVE,
          file.path().toString(),
          at,
          "zstd frame could not be decoded (" + e.getMessage() + "); the "
              + (reached.nextLineNumber() - 1)
              + " lines before it were kept");
    } else {
      warnings.add(WarningKind.UNREADABLE, file.path().toString(), at, "cannot read: " + e.getMessage());
    }
  }
}
