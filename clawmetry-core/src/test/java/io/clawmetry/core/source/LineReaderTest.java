package io.clawmetry.core.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clawmetry.api.MessageRole;
import io.clawmetry.api.SourceKind;
import io.clawmetry.api.TranscriptEvent;
import io.clawmetry.api.Warning;
import io.clawmetry.api.WarningKind;
import io.clawmetry.core.event.StreamState;
import io.clawmetry.core.warn.Warnings;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** Line splitting, offsets, half-written lines, invalid UTF-8 and over-long lines. */
class LineReaderTest {

  @TempDir Path tmp;

  private static final String HEADER = "{\"type\":\"session\",\"version\":3,\"id\":\"s1\",\"timestamp\":\"2026-01-01T00:00:00Z\"}";

  private static String assistant(String id, String text) {
    return "{\"type\":\"message\",\"id\":\""
        + id
        + "\",\"parentId\":null,\"timestamp\":\"2026-01-01T00:00:01Z\",\"message\":{\"role\":\"assistant\","
        + "\"content\":[{\"type\":\"text\",\"text\":\""
        + text
        + "\"}],\"provider\":\"p\",\"model\":\"m\",\"usage\":{\"input\":10,\"output\":5,\"cacheRead\":2,"
        + "\"cacheWrite\":0,\"totalTokens\":17,\"cost\":{\"total\":0.0123}},\"stopReason\":\"stop\","
        + "\"timestamp\":1767225601000}}";
  }

  private List<LineReader.Line> lines(byte[] bytes, boolean closed, Warnings w) throws IOException {
    List<LineReader.Line> out = new ArrayList<>();
    new LineReader("mem", closed, w).read(new ByteArrayInputStream(bytes), LineReader.Position.START, out::add);
    return out;
  }

  @Test
  void offsetsNumbersBlankLinesAndCrlf() throws IOException {
    byte[] b = "{\"a\":1}\n\n  \r\n{\"b\":2}\r\n".getBytes(StandardCharsets.UTF_8);
    Warnings w = new Warnings();
    List<LineReader.Line> l = lines(b, false, w);
    assertEquals(2, l.size());
    assertEquals(new LineReader.Line(1, 0, 8, "{\"a\":1}", false), l.get(0));
    assertEquals(new LineReader.Line(4, 13, 22, "{\"b\":2}", false), l.get(1));
    assertTrue(w.isEmpty());
  }

  @Test
  void halfWrittenLastLineIsHeldBackThenPickedUp() throws IOException {
    Path f = tmp.resolve("s1.jsonl");
    String second = assistant("a1", "hello");
    Files.writeString(f, HEADER + "\n" + second.substring(0, 40));
    Warnings w = new Warnings();
    LineReader reader = new LineReader(f.toString(), false, w);
    List<LineReader.Line> got = new ArrayList<>();
    LineReader.Position p = reader.read(f, LineReader.Position.START, got::add);
    assertEquals(1, got.size());
    assertEquals(new LineReader.Position(HEADER.length() + 1, 2), p);
    Files.writeString(f, second.substring(40) + "\n", StandardOpenOption.APPEND);
    p = reader.read(f, p, got::add);
    assertEquals(2, got.size());
    assertEquals(second, got.get(1).text());
    assertEquals(2, got.get(1).number());
    assertEquals(Files.size(f), p.offset());
    assertTrue(w.isEmpty());
  }

  @Test
  void aCompleteFinalLineWithoutNewlineIsReadInArchivesAndLiveFiles() throws IOException {
    byte[] b = (HEADER + "\n{\"x\":1}").getBytes(StandardCharsets.UTF_8);
    assertEquals(2, lines(b, true, new Warnings()).size());
    assertEquals(2, lines(b, false, new Warnings()).size(), "a writer that stopped without a final newline");
    byte[] cut = (HEADER + "\n{\"x\":").getBytes(StandardCharsets.UTF_8);
    List<LineReader.Line> archived = lines(cut, true, new Warnings());
    assertEquals(2, archived.size(), "an archive's last line is final: the parser reports it malformed");
    assertEquals("{\"x\":", archived.get(1).text());
    assertEquals(1, lines(cut, false, new Warnings()).size(), "a live file's may still be written");
  }

  @Test
  void theNewlineAppendedAfterALineReadWithoutOneIsNotALineOfItsOwn() throws IOException {
    Path f = tmp.resolve("s1.jsonl");
    String a1 = assistant("a1", "one");
    String a2 = assistant("a2", "two");
    Files.writeString(f, HEADER + "\n" + a1);
    Warnings w = new Warnings();
    LineReader reader = new LineReader(f.toString(), false, w);
    List<LineReader.Line> got = new ArrayList<>();
    LineReader.Position p = reader.read(f, LineReader.Position.START, got::add);
    assertEquals(List.of(1L, 2L), got.stream().map(LineReader.Line::number).toList());
    assertEquals(new LineReader.Position(Files.size(f), 3), p);
    assertEquals(0, reader.heldBack());
    Files.writeString(f, "\r\n" + a2 + "\n", StandardOpenOption.APPEND);
    p = reader.read(f, p, got::add);
    List<LineReader.Line> fresh = new ArrayList<>();
    new LineReader(f.toString(), false, w).read(f, LineReader.Position.START, fresh::add);
    assertEquals(fresh.get(2), got.get(2), "the same line 3 as a read from the start");
    assertEquals(3, got.size());
    assertEquals(new LineReader.Position(Files.size(f), 4), p);
    assertTrue(w.isEmpty(), () -> w.list().toString());
  }

  @Test
  void heldBackSaysHowManyBytesWaitForTheirNewline() throws IOException {
    Path f = tmp.resolve("s1.jsonl");
    String a1 = assistant("a1", "one");
    Files.writeString(f, HEADER + "\n" + a1.substring(0, 30));
    LineReader reader = new LineReader(f.toString(), false, new Warnings());
    LineReader.Position p = reader.read(f, LineReader.Position.START, l -> true);
    assertEquals(30, reader.heldBack());
    Files.writeString(f, a1.substring(30) + "\n  ", StandardOpenOption.APPEND);
    List<LineReader.Line> got = new ArrayList<>();
    p = reader.read(f, p, got::add);
    assertEquals(a1, got.get(0).text());
    assertEquals(0, reader.heldBack(), "trailing blanks wait for nothing");
  }

  @Test
  void invalidUtf8IsReplacedAndCountedOnce() throws IOException {
    byte[] good = "{\"a\":\"ok\"}\n".getBytes(StandardCharsets.UTF_8);
    byte[] bad = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}', '\n'};
    byte[] all = new byte[good.length + bad.length * 2];
    System.arraycopy(good, 0, all, 0, good.length);
    System.arraycopy(bad, 0, all, good.length, bad.length);
    System.arraycopy(bad, 0, all, good.length + bad.length, bad.length);
    Warnings w = new Warnings();
    List<LineReader.Line> l = lines(all, false, w);
    assertEquals(3, l.size());
    assertEquals("{\"a\":\"\uFFFD(\"}", l.get(1).text());
    List<Warning> ws = w.list();
    assertEquals(1, ws.size());
    assertEquals(WarningKind.INVALID_UTF8, ws.get(0).kind());
    assertEquals(2, ws.get(0).count());
    assertEquals("line 2", ws.get(0).firstPosition());
  }

  @Test
  void malformedLinesInAFileAreCountedWithFirstLine() throws IOException {
    Path f = tmp.resolve("m.jsonl");
    Files.writeString(f, HEADER + "\n{broken\n" + assistant("a1", "x") + "\nnot json either\n");
    Warnings w = new Warnings();
    EventCounts c = new EventCounts();
    TranscriptFile tf = new TranscriptFile(f, SourceKind.JSONL_TRANSCRIPT);
    new TranscriptFileReader(w).read(tf, LineReader.Position.START, TranscriptFileReader.newState(tf), c);
    assertEquals(2, c.events);
    assertEquals(
        List.of(new Warning(WarningKind.MALFORMED_LINE, f.toString(), 2, "line 2",
            "entries that are not JSON objects were skipped")),
        w.list());
  }

  /**
   * A number whose exponent BigDecimal cannot hold is a malformed line like any other: before, it stopped the read of
   * the file there (reported as unreadable), losing every line after it.
   */
  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void aNumberOutOfRangeIsOneMalformedLineAndTheFileReadGoesOn(boolean withoutContent) throws IOException {
    Path f = tmp.resolve("e.jsonl");
    String huge = assistant("a2", "x").replace("\"input\":", "\"input\":1e99999999999,\"x\":");
    Files.writeString(f, HEADER + "\n" + assistant("a1", "x") + "\n" + huge + "\n" + assistant("a3", "x") + "\n");
    Warnings w = new Warnings();
    EventCounts c = new EventCounts();
    TranscriptFile tf = new TranscriptFile(f, SourceKind.JSONL_TRANSCRIPT);
    TranscriptFileReader reader = new TranscriptFileReader(w);
    if (withoutContent) {
      reader.readWithoutContent(tf, LineReader.Position.START, TranscriptFileReader.newState(tf), c);
    } else {
      reader.read(tf, LineReader.Position.START, TranscriptFileReader.newState(tf), c);
    }
    assertEquals(2, c.assistant);
    assertEquals(
        List.of(new Warning(WarningKind.MALFORMED_LINE, f.toString(), 1, "line 3",
            "entries that are not JSON objects were skipped")),
        w.list());
  }

  /** A single 50 MB line (huge tool output) under the 64 MB test heap: usage kept, content dropped. */
  @Test
  void fiftyMegabyteLineIsStreamedKeepingUsage() throws IOException {
    Path f = tmp.resolve("big.jsonl");
    String before =
        "{\"type\":\"message\",\"id\":\"big1\",\"parentId\":\"p0\",\"timestamp\":\"2026-01-01T00:00:02Z\","
            + "\"message\":{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"";
    String after =
        "\"}],\"provider\":\"prov\",\"model\":\"mod\",\"api\":\"openai-completions\",\"usage\":{\"input\":100,"
            + "\"output\":7,\"cacheRead\":50,\"cacheWrite\":1,\"totalTokens\":158,\"cost\":{\"total\":0.006297250000000001}},"
            + "\"stopReason\":\"stop\",\"timestamp\":1767225602000}}\n";
    try (OutputStream out = Files.newOutputStream(f)) {
      out.write((HEADER + "\n").getBytes(StandardCharsets.UTF_8));
      out.write(before.getBytes(StandardCharsets.UTF_8));
      byte[] chunk = new byte[1024 * 1024];
      Arrays.fill(chunk, (byte) 'x');
      for (int i = 0; i < 50; i++) {
        out.write(chunk);
      }
      out.write(after.getBytes(StandardCharsets.UTF_8));
      out.write((assistant("a2", "small") + "\n").getBytes(StandardCharsets.UTF_8));
    }
    Warnings w = new Warnings();
    List<TranscriptEvent> events = new ArrayList<>();
    TranscriptFile tf = new TranscriptFile(f, SourceKind.JSONL_TRANSCRIPT);
    StreamState state = TranscriptFileReader.newState(tf);
    LineReader.Position end = new TranscriptFileReader(w).read(tf, LineReader.Position.START, state, events::add);
    assertEquals(new LineReader.Position(Files.size(f), 4), end);
    assertEquals(3, events.size());
    TranscriptEvent.Message big = (TranscriptEvent.Message) events.get(1);
    assertEquals(MessageRole.ASSISTANT, big.role());
    assertTrue(big.content().isEmpty());
    assertEquals("big1", big.meta().id());
    assertEquals("p0", big.meta().parentId());
    assertEquals("s1", big.meta().sessionId());
    assertEquals("big1|1767225602000", big.meta().dedupKey());
    assertEquals("prov", big.provider());
    assertEquals("mod", big.model());
    assertEquals("openai-completions", big.api());
    assertEquals("stop", big.stopReason());
    assertEquals(158, big.usage().total());
    assertEquals(50, big.usage().cacheRead());
    assertEquals(new BigDecimal("0.00629725"), big.usage().recordedCost().total()); // float noise dropped
    assertEquals(2, events.get(2).meta().origin().position() - 1);
    List<Warning> ws = w.list();
    assertEquals(1, ws.size(), ws::toString);
    assertEquals(WarningKind.LINE_TOO_LONG, ws.get(0).kind());
    assertEquals("line 2", ws.get(0).firstPosition());
    assertTrue(ws.get(0).message().contains("usage kept"));
  }

  @Test
  void longHalfWrittenLineIsHeldBackInALiveFile() throws IOException {
    Path f = tmp.resolve("live.jsonl");
    byte[] big = new byte[LineReader.MAX_MATERIALISED_LINE + 10];
    Arrays.fill(big, (byte) 'y');
    try (OutputStream out = Files.newOutputStream(f)) {
      out.write((HEADER + "\n{\"type\":\"x\",\"v\":\"").getBytes(StandardCharsets.UTF_8));
      out.write(big);
    }
    Warnings w = new Warnings();
    List<LineReader.Line> got = new ArrayList<>();
    LineReader.Position p = new LineReader(f.toString(), false, w).read(f, LineReader.Position.START, got::add);
    assertEquals(1, got.size());
    assertEquals(new LineReader.Position(HEADER.length() + 1, 2), p);
    assertTrue(w.isEmpty());
  }

  private static long assistants(List<TranscriptEvent> events) {
    return events.stream()
        .filter(e -> e instanceof TranscriptEvent.Message m && m.role() == MessageRole.ASSISTANT).count();
  }

  private static List<TranscriptEvent> read(TranscriptFile tf, Warnings w) {
    List<TranscriptEvent> out = new ArrayList<>();
    new TranscriptFileReader(w).readWithoutContent(
        tf, LineReader.Position.START, TranscriptFileReader.newState(tf), out::add);
    return out;
  }

  /** Found by review: over 4 MB, a complete last line without newline was held back and called incomplete. */
  @Test
  void aLongCompleteLastLineWithoutNewlineIsCountedLikeAShortOne() throws IOException {
    Path f = tmp.resolve("s1.jsonl");
    Files.writeString(f, HEADER + "\n" + assistant("a1", "x".repeat(LineReader.MAX_MATERIALISED_LINE + 10)));
    Warnings w = new Warnings();
    assertEquals(1, assistants(read(new TranscriptFile(f, SourceKind.JSONL_TRANSCRIPT), w)));
    assertTrue(w.list().stream().noneMatch(x -> x.kind() == WarningKind.INCOMPLETE_LINE), () -> w.list().toString());
  }

  /**
   * Found by review: a record written onto a line an earlier read took without its newline. One read from the start
   * sees one line holding two objects: the first counts, the rest is skipped and said; a read in two steps now agrees
   * (before, it counted both, and the read from the start dropped the second silently).
   */
  @Test
  void aRecordWrittenOntoALineReadWithoutItsNewlineReadsAsFromTheStart() throws IOException {
    Path f = tmp.resolve("s1.jsonl");
    Files.writeString(f, HEADER + "\n" + assistant("a1", "one"));
    TranscriptFile tf = new TranscriptFile(f, SourceKind.JSONL_TRANSCRIPT);
    Warnings incW = new Warnings();
    List<TranscriptEvent> inc = new ArrayList<>();
    TranscriptFileReader r = new TranscriptFileReader(incW);
    StreamState state = TranscriptFileReader.newState(tf);
    LineReader.Position p = r.readWithoutContent(tf, LineReader.Position.START, state, inc::add);
    Files.writeString(f, assistant("a2", "two"), StandardOpenOption.APPEND);
    p = r.readWithoutContent(tf, p, state, inc::add);
    assertEquals(1, assistants(inc), "the second object waits for its newline");
    Files.writeString(f, "\n" + assistant("a3", "three") + "\n", StandardOpenOption.APPEND);
    p = r.readWithoutContent(tf, p, state, inc::add);
    Warnings coldW = new Warnings();
    List<TranscriptEvent> cold = read(tf, coldW);
    assertEquals(2, assistants(cold), "a1 and a3; a2 shares a1's line");
    assertEquals(assistants(cold), assistants(inc));
    assertEquals(coldW.list(), incW.list());
    assertEquals(1, coldW.list().size());
    assertEquals("line 2", coldW.list().get(0).firstPosition());
    assertEquals(new LineReader.Position(Files.size(f), 4), p);
  }
}
