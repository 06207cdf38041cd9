package io.clawmetry.core.source;

import io.clawmetry.api.WarningKind;
import io.clawmetry.core.warn.Warnings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads a JSONL stream from a byte offset and hands over complete lines with their 1-based number and byte range.
 *
 * <ul>
 *   <li>A last line without {@code '\n'} is held back for live files (it may be half-written) and accepted for closed
 *       archives when it is complete JSON; the returned {@link Position} points after the last line consumed, so the
 *       next call resumes there.
 *   <li>Invalid UTF-8 is decoded with replacement characters and reported once per source ({@link
 *       WarningKind#INVALID_UTF8}, with a count and the first line).
 *   <li>A line longer than {@link #MAX_MATERIALISED_LINE} bytes is never turned into a String: {@code
 *       LongLineExtractor} streams it and hands over a small JSON object with only the usage-relevant fields, and a
 *       {@link WarningKind#LINE_TOO_LONG} warning says that content was dropped.
 *   <li>Blank lines are skipped silently.
 * </ul>
 */
public final class LineReader {

  /** Lines longer than this many bytes are streamed instead of materialised. */
  public static final int MAX_MATERIALISED_LINE = 4 * 1024 * 1024;

  /**
   * Where reading stopped.
   *
   * @param offset the byte offset just after the last complete line consumed
   * @param nextLineNumber the 1-based number the next line will have
   */
  public record Position(long offset, long nextLineNumber) {
    /** The start of a stream. */
    public static final Position START = new Position(0, 1);
  }

  /**
   * One complete line.
   *
   * @param number 1-based line number
   * @param startOffset byte offset of its first byte
   * @param endOffset byte offset just after its {@code '\n'} (or its last byte for a closed archive's final line)
   * @param text the line without its terminator; for a too-long line, the reduced JSON object
   * @param contentDropped whether the line was too long and only its usage-relevant fields are in {@code text}
   */
  public record Line(long number, long startOffset, long endOffset, String text, boolean contentDropped) {}

  /** Receives lines; returns false to stop reading. */
  @FunctionalInterface
  public interface LineSink {
    boolean accept(Line line);
  }

  private final String source;
  private final boolean closed;
  private final Warnings warnings;

  /**
   * @param source the file name used in warnings
   * @param closed true for closed archives (a final line without newline is accepted when it is complete JSON)
   * @param warnings where problems go
   */
  public LineReader(String source, boolean closed, Warnings warnings) {
    this.source = source;
    this.closed = closed;
    this.warnings = warnings;
  }

  /**
   * Reads a regular file from {@code from}. I/O failures propagate as {@link IOException} after every complete line
   * read so far was delivered.
   */
  public Position read(Path file, Position from, LineSink sink) throws IOException {
    try (SeekableByteChannel ch = Files.newByteChannel(file, StandardOpenOption.READ)) {
      if (from.offset() > ch.size()) {
        return from; // the file shrank: the caller decides to re-read from the start
      }
      ch.position(from.offset());
      return read(Channels.newInputStream(ch), from, sink);
    }
  }

  /**
   * Reads {@code in}, which must be positioned at {@code from.offset()}. The stream is not closed. I/O failures
   * propagate as {@link IOException} after every complete line read so far was delivered.
   */
  public Position read(InputStream in, Position from, LineSink sink) throws IOException {
    LineInput input = new LineInput(in);
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    long lineStart = from.offset();
    long lineNo = from.nextLineNumber();
    while (true) {
      line.reset();
      LineInput.Stop stop = input.readLine(line, MAX_MATERIALISED_LINE + 1);
      if (stop == LineInput.Stop.LIMIT) {
        LongLine longLine = readLongLine(input, line.toByteArray());
        long lineEnd = lineStart + longLine.bytes() + (longLine.terminated() ? 1 : 0);
        if (!longLine.terminated() && !closed) {
          return new Position(lineStart, lineNo); // half-written: resume here next time
        }
        warnings.add(
            WarningKind.LINE_TOO_LONG,
            source,
            "line " + lineNo,
            "line longer than " + MAX_MATERIALISED_LINE + " bytes: content dropped, usage kept");
        String text = longLine.reducedJson() == null ? "" : longLine.reducedJson();
        boolean go = sink.accept(new Line(lineNo, lineStart, lineEnd, text, true));
        lineNo++;
        lineStart = lineEnd;
        if (!go || !longLine.terminated()) {
          return new Position(lineStart, lineNo);
        }
        continue;
      }
      byte[] bytes = line.toByteArray();
      if (stop == LineInput.Stop.EOF) {
        if (bytes.length > 0 && closed && (isBlank(bytes) || LongLineExtractor.isCompleteJson(bytes))) {
          long lineEnd = lineStart + bytes.length;
          deliver(bytes, lineNo, lineStart, lineEnd, sink);
          return new Position(lineEnd, lineNo + 1);
        }
        return new Position(lineStart, lineNo); // nothing, or a half-written line held back
      }
      long lineEnd = lineStart + bytes.length + 1;
      boolean go = deliver(bytes, lineNo, lineStart, lineEnd, sink);
      lineNo++;
      lineStart = lineEnd;
      if (!go) {
        return new Position(lineStart, lineNo);
      }
    }
  }

  private record LongLine(long bytes, boolean terminated, String reducedJson) {}

  private static LongLine readLongLine(LineInput input, byte[] prefix) throws IOException {
    LineInput.RestOfLine rest = input.restOfLine();
    String reduced =
        LongLineExtractor.extract(new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(prefix), rest));
    rest.drain();
    return new LongLine(prefix.length + rest.count(), rest.terminated(), reduced);
  }

  private boolean deliver(byte[] bytes, long lineNo, long start, long end, LineSink sink) {
    int n = bytes.length;
    if (n > 0 && bytes[n - 1] == '\r') {
      n--;
    }
    if (isBlank(bytes)) {
      return true;
    }
    String text = decode(bytes, n, lineNo);
    return sink.accept(new Line(lineNo, start, end, text, false));
  }

  private String decode(byte[] bytes, int n, long lineNo) {
    CharsetDecoder strict =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      CharBuffer cb = strict.decode(ByteBuffer.wrap(bytes, 0, n));
      return cb.toString();
    } catch (CharacterCodingException e) {
      warnings.add(
          WarningKind.INVALID_UTF8,
          source,
          "line " + lineNo,
          "bytes that are not valid UTF-8 were replaced by U+FFFD");
      return new String(bytes, 0, n, StandardCharsets.UTF_8);
    }
  }

  private static boolean isBlank(byte[] bytes) {
    for (byte b : bytes) {
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
        return false;
      }
    }
    return true;
  }

  private static int indexOf(byte[] buf, int from, int to, byte b) {
    for (int i = from; i < to; i++) {
      if (buf[i] == b) {
        return i;
      }
    }
    return -1;
  }
}
