package io.clawmetry.core.source;

import io.clawmetry.api.WarningKind;
import io.clawmetry.core.event.EventParser;
import io.clawmetry.core.warn.Warnings;
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
import java.util.Arrays;

/**
 * Reads a JSONL stream from a byte offset and hands over complete lines with their 1-based number and byte range.
 *
 * <ul>
 *   <li>A last line without {@code '\n'} is accepted when it is complete JSON (a file whose writer stopped without a
 *       final newline) or the file is a closed archive (where it is final, whatever it holds), and otherwise held back
 *       (it may be half-written; {@link #heldBack()} says how many bytes); the returned {@link Position} points after the last line consumed, so the next call resumes
 *       there. When a newline is appended after such a line later, that newline ends it: it is not a line of its own
 *       (line numbers stay those of a read from the start).
 *   <li>Invalid UTF-8 is decoded with replacement characters and reported once per source ({@link
 *       WarningKind#INVALID_UTF8}, with a count and the first line).
 *   <li>A line longer than {@link #MAX_MATERIALISED_LINE} bytes is never turned into a String: {@code
 *       LongLineExtractor} streams it and hands over a small JSON object with only the usage-relevant fields, and a
 *       {@link WarningKind#LINE_TOO_LONG} warning says that content was dropped (streams of other records reduce
 *       such lines their own way: {@link #reducingLongLinesWith}).
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
  private int firstBuffer = LineInput.MAX_INITIAL_BUFFER;
  private LineInput.LineEndFinder finder;
  private LongLineReducer longLines;
  private long heldBack;

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
   * One complete line as bytes, without copying: valid only inside {@link RawLineSink#accept}. {@link #text()} decodes
   * it as {@link Line#text()} would be (reporting invalid UTF-8 once per source).
   */
  public final class RawLine {
    private long number;
    private long startOffset;
    private long endOffset;
    private byte[] buf;
    private int offset;
    private int length;
    private String reduced;

    private RawLine() {}

    /** 1-based line number. */
    public long number() {
      return number;
    }

    /** Byte offset of the line's first byte. */
    public long startOffset() {
      return startOffset;
    }

    /** Byte offset just after the line's newline. */
    public long endOffset() {
      return endOffset;
    }

    /** The buffer holding the line's bytes (do not keep it). */
    public byte[] buffer() {
      return buf;
    }

    /** Where the line starts in {@link #buffer()}. */
    public int offset() {
      return offset;
    }

    /** How many bytes the line has (without newline and carriage return). */
    public int length() {
      return length;
    }

    /** Whether the line was too long: its bytes are not available, only the reduced JSON in {@link #text()}. */
    public boolean contentDropped() {
      return reduced != null;
    }

    /** Whether the bytes are valid UTF-8 (always false for a too-long line, whose bytes are not kept). */
    public boolean validUtf8() {
      return reduced == null && Utf8.isValid(buf, offset, length);
    }

    /** The line as text: decoded (invalid UTF-8 replaced and reported), or the reduced JSON of a too-long line. */
    public String text() {
      return reduced != null ? reduced : decode(buf, offset, length, number);
    }

    /** This line as an immutable {@link Line}. */
    public Line toLine() {
      return new Line(number, startOffset, endOffset, text(), reduced != null);
    }
  }

  /** Receives raw lines; returns false to stop reading. */
  @FunctionalInterface
  public interface RawLineSink {
    boolean accept(RawLine line);
  }

  /**
   * Starts with a small buffer, for callers that read only the first line or two (it grows for longer lines).
   *
   * @return this reader
   */
  public LineReader firstLinesOnly() {
    firstBuffer = 4096;
    return this;
  }

  /**
   * Lets the event parser find each line's end while it checks the line ({@link EventParser#lineEnd}), for readers
   * that parse every line with {@link EventParser#parseWithoutContent} right after: one pass over the bytes instead
   * of two. Lines are the same either way.
   *
   * @return this reader
   */
  public LineReader findingLineEndsWhileParsing() {
    finder = EventParser::lineEnd;
    return this;
  }

  /** Turns a too-long line, streamed, into the small text its sink gets (see {@link #reducingLongLinesWith}). */
  @FunctionalInterface
  interface LongLineReducer {
    /**
     * Reads the line from {@code line}, which ends where the line ends (it need not be read to its end), without
     * keeping it.
     *
     * @return the text {@link RawLine#text()} gives, or null when the line gives nothing (the text is then empty)
     * @throws IOException only when {@code line} fails (the read stops there, as for any I/O failure)
     */
    String reduce(InputStream line) throws IOException;
  }

  /**
   * Streams each too-long line through {@code reducer} instead of {@link LongLineExtractor}, for streams whose lines
   * are not transcript entries (cold archive records). The {@link WarningKind#LINE_TOO_LONG} warning is then left to
   * the sink, which sees {@link RawLine#contentDropped()} and knows what was kept. Everything else is unchanged.
   *
   * @return this reader
   */
  LineReader reducingLongLinesWith(LongLineReducer reducer) {
    longLines = reducer;
    return this;
  }

  /**
   * Reads a regular file from {@code from}. I/O failures propagate as {@link IOException} after every complete line
   * read so far was delivered.
   */
  public Position read(Path file, Position from, LineSink sink) throws IOException {
    return readRaw(file, from, raw -> sink.accept(raw.toLine()));
  }

  /**
   * Reads {@code in}, which must be positioned at {@code from.offset()}. The stream is not closed. I/O failures
   * propagate as {@link IOException} after every complete line read so far was delivered.
   */
  public Position read(InputStream in, Position from, LineSink sink) throws IOException {
    return readRaw(in, from, raw -> sink.accept(raw.toLine()));
  }

  /** {@link #read(Path, Position, LineSink)} handing over lines as bytes (no String per line). */
  public Position readRaw(Path file, Position from, RawLineSink sink) throws IOException {
    try (SeekableByteChannel ch = Files.newByteChannel(file, StandardOpenOption.READ)) {
      int expected = firstBuffer; // from the start: no size and no seek (two system calls per file fewer)
      boolean midLine = false;
      if (from.offset() > 0) {
        long size = ch.size();
        heldBack = 0;
        if (from.offset() > size) {
          return from; // the file shrank: the caller decides to re-read from the start
        }
        midLine = !followsNewline(ch, from.offset());
        expected = (int) Math.min(size - from.offset() + 1, firstBuffer);
      }
      return readRaw(new LineInput(Channels.newInputStream(ch), expected).withFinder(finder), from, midLine, sink);
    }
  }

  /**
   * How many bytes the last read left unread at the end of its input: a last line without newline that is not
   * complete JSON (yet). Zero when everything was read or when the reader stopped early on the sink's request.
   */
  public long heldBack() {
    return heldBack;
  }

  /** Whether the byte before {@code offset} is a newline (else an earlier read accepted a line without one); seeks to it. */
  private static boolean followsNewline(SeekableByteChannel ch, long offset) throws IOException {
    ch.position(offset - 1);
    ByteBuffer one = ByteBuffer.allocate(1);
    while (one.hasRemaining() && ch.read(one) >= 0) {
      // a regular file gives its byte in one read
    }
    ch.position(offset);
    return one.position() == 1 && one.get(0) == '\n';
  }

  /** {@link #read(InputStream, Position, LineSink)} handing over lines as bytes (no String per line). */
  public Position readRaw(InputStream in, Position from, RawLineSink sink) throws IOException {
    return readRaw(new LineInput(in, firstBuffer).withFinder(finder), from, false, sink);
  }

  private Position readRaw(LineInput input, Position from, boolean midLine, RawLineSink sink) throws IOException {
    heldBack = 0;
    try {
      return readLines(input, from, midLine, sink);
    } finally {
      input.release();
    }
  }

  private Position readLines(LineInput input, Position from, boolean midLine, RawLineSink sink) throws IOException {
    RawLine raw = new RawLine();
    long lineStart = from.offset();
    long lineNo = from.nextLineNumber();
    boolean first = true;
    while (true) {
      LineInput.Stop stop = input.nextLine(MAX_MATERIALISED_LINE + 1);
      byte[] buf = input.buffer();
      int off = input.lineOffset();
      int n = input.lineLength();
      if (stop == LineInput.Stop.LIMIT) {
        first = false;
        LongLine longLine = readLongLine(input, Arrays.copyOfRange(buf, off, off + n));
        long lineEnd = lineStart + longLine.bytes() + (longLine.terminated() ? 1 : 0);
        if (!longLine.terminated() && !closed && longLine.reducedJson() == null) {
          // not a complete object (yet); a complete one is read without its newline, like a short line
          heldBack = longLine.bytes();
          return new Position(lineStart, lineNo); // half-written: resume here next time
        }
        if (longLines == null) {
          warnings.add(
              WarningKind.LINE_TOO_LONG,
              source,
              "line " + lineNo,
              "line longer than " + MAX_MATERIALISED_LINE + " bytes: content dropped, usage kept");
        }
        raw.number = lineNo;
        raw.startOffset = lineStart;
        raw.endOffset = lineEnd;
        raw.buf = null;
        raw.offset = 0;
        raw.length = 0;
        raw.reduced = longLine.reducedJson() == null ? "" : longLine.reducedJson();
        boolean go = sink.accept(raw);
        raw.reduced = null;
        lineNo++;
        lineStart = lineEnd;
        if (!go || !longLine.terminated()) {
          return new Position(lineStart, lineNo);
        }
        continue;
      }
      if (stop == LineInput.Stop.EOF) {
        // a closed archive's last line is final: handed over even when it is not JSON (the parser counts it malformed)
        boolean continuation = first && midLine; // more written onto a line taken without its newline: wait for it
        if (n > 0 && !continuation && (closed || LongLineExtractor.isCompleteJson(buf, off, n))) {
          long lineEnd = lineStart + n;
          deliver(raw, buf, off, n, lineNo, lineStart, lineEnd, sink);
          return new Position(lineEnd, lineNo + 1);
        }
        heldBack = isBlank(buf, off, n) ? 0 : n;
        return new Position(lineStart, lineNo); // nothing, or a half-written line held back
      }
      long lineEnd = lineStart + n + 1;
      if (first && midLine) {
        // the rest of a line an earlier read took without its newline: its newline (and whitespace) ends it and is not
        // a line of its own; anything else was written onto that line, which a read from the start takes as one line
        // whose JSON object is followed by more text: that text is skipped and said, as there
        if (!isBlank(buf, off, n)) {
          warnings.add(WarningKind.MALFORMED_LINE, source, "line " + (lineNo - 1), EventParser.TRAILING_TEXT);
        }
        lineStart = lineEnd;
        first = false;
        continue;
      }
      first = false;
      boolean go = deliver(raw, buf, off, n, lineNo, lineStart, lineEnd, sink);
      lineNo++;
      lineStart = lineEnd;
      if (!go) {
        return new Position(lineStart, lineNo);
      }
    }
  }

  private record LongLine(long bytes, boolean terminated, String reducedJson) {}

  private LongLine readLongLine(LineInput input, byte[] prefix) throws IOException {
    LineInput.RestOfLine rest = input.restOfLine();
    InputStream line = new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(prefix), rest);
    String reduced = longLines == null ? LongLineExtractor.extract(line) : longLines.reduce(line);
    rest.drain();
    return new LongLine(prefix.length + rest.count(), rest.terminated(), reduced);
  }

  private static boolean deliver(
      RawLine raw, byte[] buf, int off, int n, long lineNo, long start, long end, RawLineSink sink) {
    if (isBlank(buf, off, n)) {
      return true;
    }
    if (buf[off + n - 1] == '\r') {
      n--;
    }
    raw.number = lineNo;
    raw.startOffset = start;
    raw.endOffset = end;
    raw.buf = buf;
    raw.offset = off;
    raw.length = n;
    return sink.accept(raw);
  }

  private String decode(byte[] bytes, int off, int n, long lineNo) {
    if (Utf8.isAscii(bytes, off, n)) {
      return new String(bytes, off, n, StandardCharsets.ISO_8859_1);
    }
    CharsetDecoder strict =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      CharBuffer cb = strict.decode(ByteBuffer.wrap(bytes, off, n));
      return cb.toString();
    } catch (CharacterCodingException e) {
      warnings.add(
          WarningKind.INVALID_UTF8,
          source,
          "line " + lineNo,
          "bytes that are not valid UTF-8 were replaced by U+FFFD");
      return new String(bytes, off, n, StandardCharsets.UTF_8);
    }
  }

  private static boolean isBlank(byte[] bytes, int off, int n) {
    for (int i = off; i < off + n; i++) {
      byte b = bytes[i];
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
        return false;
      }
    }
    return true;
  }
}
