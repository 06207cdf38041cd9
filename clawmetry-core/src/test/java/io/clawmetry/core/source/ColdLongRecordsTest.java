package io.clawmetry.core.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.luben.zstd.ZstdOutputStream;
import io.clawmetry.api.TranscriptEvent;
import io.clawmetry.api.Warning;
import io.clawmetry.api.WarningKind;
import io.clawmetry.core.json.Json;
import io.clawmetry.core.usage.Call;
import io.clawmetry.core.warn.Warnings;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cold archive records longer than {@link LineReader#MAX_MATERIALISED_LINE}: their event is streamed out of the
 * escaped {@code event_json} and reduced like a too-long transcript line, so its usage still counts, once.
 */
class ColdLongRecordsTest {

  static final String S = "5e551011-0000-4000-8000-00000000000a";

  /** Bytes of filler in a long event's content: past the 4 MiB limit with the rest of the record. */
  static final int FILLER = 5 * 1024 * 1024;

  static final String LONG_TIME = "2026-11-05T00:00:03.000Z";

  @TempDir Path tmp;

  /** A part of a file: text, or a run of {@code 'x'}. */
  interface Piece {
    void write(OutputStream out) throws IOException;
  }

  static Piece text(String s) {
    return out -> out.write(s.getBytes(StandardCharsets.UTF_8));
  }

  static Piece filler(int n) {
    return out -> {
      byte[] chunk = new byte[64 * 1024];
      Arrays.fill(chunk, (byte) 'x');
      for (int left = n; left > 0; left -= chunk.length) {
        out.write(chunk, 0, Math.min(left, chunk.length));
      }
    };
  }

  /** Writes {@code pieces} zstd-compressed as {@code dir/<sha256>.jsonl.zst}, as OpenClaw names cold archives. */
  static Path coldFile(Path dir, List<Piece> pieces) throws Exception {
    Files.createDirectories(dir);
    Path part = dir.resolve("writing.part");
    try (OutputStream out = new ZstdOutputStream(new BufferedOutputStream(Files.newOutputStream(part)))) {
      for (Piece p : pieces) {
        p.write(out);
      }
    }
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    sha.update(Files.readAllBytes(part)); // compressed: small
    String name = java.util.HexFormat.of().formatHex(sha.digest()) + ".jsonl.zst";
    return Files.move(part, dir.resolve(name));
  }

  /** Writes {@code pieces} as a plain file. */
  static Path plainFile(Path file, List<Piece> pieces) throws IOException {
    Files.createDirectories(file.getParent());
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
      for (Piece p : pieces) {
        p.write(out);
      }
    }
    return file;
  }

  /** A short cold event record, {@code event_json} escaped by Jackson. */
  static String shortEvent(int seq, String event) throws IOException {
    return "{\"kind\":\"event\",\"row\":{\"seq\":" + seq + ",\"event_json\":" + Json.STRICT.writeValueAsString(event)
        + ",\"created_at\":1760000000000}}\n";
  }

  static String coldHeader(String sessionId) {
    return "{\"kind\":\"header\",\"version\":1,\"sessionId\":\"" + sessionId + "\",\"generation\":\"g1\"}\n";
  }

  /**
   * JSON string content as an escaping writer other than Jackson may write it: {@code \/} for {@code /}, {@code \n},
   * and every non-ASCII UTF-16 unit as {@code \\uXXXX} (so an emoji is a surrogate pair of escapes).
   */
  static String escape(String s) {
    StringBuilder sb = new StringBuilder();
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '/' -> sb.append("\\/");
        case '\n' -> sb.append("\\n");
        default -> {
          if (c < 0x20 || c > 0x7e) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }

  /** The text of an assistant event before and after its content text. */
  record Event(String before, String after) {
    /** The whole event with {@code content} as its text (already JSON-escaped). */
    String with(String content) {
      return before + content + after;
    }
  }

  /** An assistant message; its {@code "text":"…"} content goes between the two halves. */
  static Event assistant(String id, String model, String time, long in, long out, String cost) {
    String before = "{\"type\":\"message\",\"id\":" + quoted(id) + ",\"parentId\":null,\n\"timestamp\":\"" + time
        + "\",\"message\":{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"";
    String after = "\"}],\"api\":\"anthropic-messages\",\"provider\":\"anthropic\",\"model\":" + quoted(model)
        + ",\"usage\":{\"input\":" + in + ",\"output\":" + out + ",\"cacheRead\":0,\"cacheWrite\":0,\"totalTokens\":"
        + (in + out) + ",\"cost\":{\"total\":" + cost + "}},\"stopReason\":\"stop\",\"timestamp\":\"" + time + "\"}}";
    return new Event(before, after);
  }

  static String quoted(String s) {
    try {
      return Json.STRICT.writeValueAsString(s);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static String small(String id, String time, long in, long out, String cost) {
    return assistant(id, "claude-sonnet-4-5", time, in, out, cost).with("ok");
  }

  /** Content text with escapes in the event itself ({@code \"}, {@code \\}, {@code \n}) and non-ASCII. */
  static final String TRICKY_TEXT = "say \\\"hi\\\" to C:\\\\x\\nnext line é😀 / ";

  /**
   * A cold event record of more than 4 MiB: {@code row} first with nested values before {@code event_json}, and
   * {@code kind} last; {@code event_json} written by {@link #escape}.
   */
  static List<Piece> longRecord(Event e) {
    return List.of(
        text("{\"row\":{\"seq\":2,\"meta\":{\"note\":\"a \\\"}\\\" ], here\",\"list\":[1,{\"x\":\"]\"},[true,null,"
            + "-1.5e3]],\"event_json\":false},\"event_json\":\""),
        text(escape(e.before() + TRICKY_TEXT)),
        filler(FILLER),
        text(escape(e.after())),
        text("\",\"created_at\":1760000000000},\"kind\":\"event\"}\n"));
  }

  static Event longEvent() {
    return assistant("b1g00001", "claude-sonnet-4-5", LONG_TIME, 1000, 50, "0.0425");
  }

  /** Header, two short assistant messages around the long one, and index records. */
  static List<Piece> coldSession() throws IOException {
    List<Piece> pieces = new ArrayList<>();
    pieces.add(text(coldHeader(S)));
    pieces.add(text(shortEvent(0, small("s0000001", "2026-11-05T00:00:01.000Z", 100, 10, "0.01"))));
    pieces.addAll(longRecord(longEvent()));
    pieces.add(text(shortEvent(3, small("s0000003", "2026-11-05T00:00:04.000Z", 300, 30, "0.03"))));
    pieces.add(text("{\"kind\":\"identity\",\"row\":{\"event_id\":\"x\",\"seq\":0}}\n"));
    pieces.add(text("{\"kind\":\"fts\",\"row\":{\"text\":\"hi\",\"message_id\":\"s0000001\"}}\n"));
    return pieces;
  }

  static TranscriptLedger<Call> ledger(Path home) {
    return new TranscriptLedger<>(
        "main", home.resolve("sessions"), null, home.resolve("agent/openclaw-agent.sqlite"), Call::of);
  }

  static Call callWithInput(List<Call> calls, long input) {
    return calls.stream().filter(c -> c.usage().input() == input).findFirst().orElseThrow();
  }

  static final String EVENT_KEPT =
      "cold archive record longer than 4194304 bytes: content dropped, usage kept";

  /**
   * The main case: a cold file with a 5 MiB event record (kind after row, event_json after other fields) counts that
   * call with its tokens and recorded cost; one LINE_TOO_LONG warning says content was dropped and usage kept; the
   * same event in a plain transcript (there a too-long line too) counts once, and reads to the same call.
   */
  @Test
  void aTooLongColdEventRecordCountsItsUsageOnce() throws Exception {
    Path home = tmp.resolve("home");
    Path cold = coldFile(home.resolve("sessions/cold"), coldSession());

    Call fromCold;
    try (TranscriptLedger<Call> l = ledger(home)) {
      TranscriptLedger.Delta d = l.refresh();
      assertEquals(1, d.archivesRead());
      List<Call> calls = l.items();
      assertEquals(3, calls.size(), calls::toString);
      assertEquals(100 + 1000 + 300, calls.stream().mapToLong(c -> c.usage().input()).sum());
      assertEquals(10 + 50 + 30, calls.stream().mapToLong(c -> c.usage().output()).sum());
      fromCold = callWithInput(calls, 1000);
      assertEquals(S, fromCold.sessionId());
      assertEquals(Instant.parse(LONG_TIME), fromCold.timestamp());
      assertEquals("anthropic", fromCold.provider());
      assertEquals("claude-sonnet-4-5", fromCold.model());
      assertEquals(50, fromCold.usage().output());
      assertEquals(1050, fromCold.usage().total());
      assertEquals(new BigDecimal("0.0425"), fromCold.usage().recordedCost().total());
      List<Warning> ws = l.warnings().list();
      assertEquals(
          List.of(new Warning(WarningKind.LINE_TOO_LONG, cold.toAbsolutePath().toString(), 1, "line 3", EVENT_KEPT)),
          ws);
    }

    // the same event as a too-long line of the session's plain transcript: counted once, read to the same call
    List<Piece> transcript = new ArrayList<>();
    transcript.add(text(ColdArchivesTest.header(S) + "\n"));
    transcript.add(text(longEvent().before().replace('\n', ' ') + TRICKY_TEXT)); // a JSONL line: no raw newline
    transcript.add(filler(FILLER));
    transcript.add(text(longEvent().after() + "\n"));
    plainFile(home.resolve("sessions/" + S + ".jsonl"), transcript);
    try (TranscriptLedger<Call> l = ledger(home)) {
      l.refresh();
      assertEquals(2, l.warnings().list().size(), l.warnings().list()::toString); // one too-long line in each file
      List<Call> calls = l.items();
      assertEquals(3, calls.size(), calls::toString);
      assertEquals(1400, calls.stream().mapToLong(c -> c.usage().input()).sum());
      assertEquals(fromCold, callWithInput(calls, 1000));
    }
    Path transcriptOnly = tmp.resolve("transcript-only");
    plainFile(transcriptOnly.resolve("sessions/" + S + ".jsonl"), transcript);
    try (TranscriptLedger<Call> l = ledger(transcriptOnly)) {
      l.refresh();
      assertEquals(List.of(fromCold), l.items(), "the transcript path gives the very same call");
    }
  }

  /** Events read from the cold files of {@code sessionsDir}, and the warnings. */
  static List<TranscriptEvent> readCold(Path sessionsDir, Warnings w) {
    List<TranscriptEvent> events = new ArrayList<>();
    new TranscriptArchives(w).readColdFiles(sessionsDir, new HashSet<>(), (ref, state, e) -> events.add(e));
    return events;
  }

  static TranscriptEvent.Message message(List<TranscriptEvent> events, String id) {
    return events.stream()
        .filter(e -> e instanceof TranscriptEvent.Message && id.equals(e.meta().id()))
        .map(e -> (TranscriptEvent.Message) e)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no message " + id + " in " + events));
  }

  /**
   * {@code event_json} with {@code \"}, {@code \\}, {@code \n}, {@code \u00e9}, a surrogate pair and {@code \/}, in the
   * kept fields (id, model) and in the dropped content: the long record gives the event a short cold record of the
   * same event (escaped by Jackson, raw UTF-8) gives.
   */
  @Test
  void escapesInALongEventJsonDecodeAsInAShortRecord() throws Exception {
    String id = "L\u00e9\ud83d\ude00/\"q\\1";
    String model = "m\"o\\d/\u00e9l\ud83d\ude00";
    Event e = assistant(id, model, LONG_TIME, 1000, 50, "0.0425");
    String escaped = escape(e.before() + TRICKY_TEXT);
    for (String esc : List.of("\\\"", "\\\\", "\\n", "\\u00e9", "\\ud83d\\ude00", "\\/")) {
      assertTrue(escaped.contains(esc), esc); // the long event_json has each escape
    }
    List<Piece> longOne = new ArrayList<>();
    longOne.add(text(coldHeader(S)));
    longOne.addAll(longRecord(e));
    coldFile(tmp.resolve("long/cold"), longOne);
    coldFile(tmp.resolve("short/cold"), List.of(text(coldHeader(S)), text(shortEvent(2, e.with(TRICKY_TEXT)))));

    Warnings wl = new Warnings();
    TranscriptEvent.Message fromLong = message(readCold(tmp.resolve("long"), wl), id);
    Warnings ws = new Warnings();
    TranscriptEvent.Message fromShort = message(readCold(tmp.resolve("short"), ws), id);
    assertTrue(ws.isEmpty(), ws.list()::toString);
    assertEquals(List.of(WarningKind.LINE_TOO_LONG), wl.list().stream().map(Warning::kind).toList());

    assertEquals(id, fromLong.meta().id());
    assertEquals(model, fromLong.model());
    assertEquals(id + "|" + Instant.parse(LONG_TIME).toEpochMilli(), fromLong.meta().dedupKey());
    assertEquals(fromShort.meta().dedupKey(), fromLong.meta().dedupKey());
    assertEquals(fromShort.meta().sessionId(), fromLong.meta().sessionId());
    assertEquals(fromShort.meta().parentId(), fromLong.meta().parentId());
    assertEquals(fromShort.meta().timestamp(), fromLong.meta().timestamp());
    assertEquals(fromShort.model(), fromLong.model());
    assertEquals(fromShort.provider(), fromLong.provider());
    assertEquals(fromShort.api(), fromLong.api());
    assertEquals(fromShort.stopReason(), fromLong.stopReason());
    assertEquals(fromShort.usage(), fromLong.usage());
    assertEquals(1000, fromLong.usage().input());
    assertEquals(new BigDecimal("0.0425"), fromLong.usage().recordedCost().total());
    assertEquals(Call.of(fromShort), Call.of(fromLong));
  }

  /**
   * Too-long records whose {@code event_json} has no closing quote, or an invalid escape ({@code \q}, in the middle of
   * the content Jackson is skipping): each is one malformed record; no crash, and the records after them still count.
   */
  @Test
  void aTruncatedOrBadlyEscapedLongRecordIsMalformedAndTheRestIsRead() throws Exception {
    Event e = longEvent();
    List<Piece> pieces = new ArrayList<>();
    pieces.add(text(coldHeader(S)));
    pieces.add(text(shortEvent(0, small("s0000001", "2026-11-05T00:00:01.000Z", 100, 10, "0.01"))));
    // line 3: the event_json string never closes before the line ends
    String head = "{\"kind\":\"event\",\"row\":{\"seq\":1,\"event_json\":\"" + escape(e.before());
    pieces.add(text(head));
    pieces.add(filler(FILLER));
    pieces.add(text("\n"));
    // line 4: \q is no JSON escape
    pieces.add(text("{\"kind\":\"event\",\"row\":{\"seq\":2,\"event_json\":\"" + escape(e.before())));
    pieces.add(filler(FILLER / 2));
    pieces.add(text("\\q"));
    pieces.add(filler(FILLER / 2));
    pieces.add(text(escape(e.after()) + "\"}}\n"));
    pieces.add(text(shortEvent(3, small("s0000004", "2026-11-05T00:00:04.000Z", 400, 40, "0.04"))));
    Path cold = coldFile(tmp.resolve("home/sessions/cold"), pieces);

    try (TranscriptLedger<Call> l = ledger(tmp.resolve("home"))) {
      l.refresh();
      List<Call> calls = l.items();
      assertEquals(2, calls.size(), calls::toString);
      assertEquals(100 + 400, calls.stream().mapToLong(c -> c.usage().input()).sum());
      assertEquals(
          List.of(
              new Warning(
                  WarningKind.MALFORMED_LINE,
                  cold.toAbsolutePath().toString(),
                  2,
                  "line 3",
                  "cold archive record longer than 4194304 bytes is not a well-formed record (string without its "
                      + "closing quote at byte " + (head.length() + FILLER)
                      + "): skipped")),
          l.warnings().list());
    }
  }

  /**
   * A header record over 4 MiB (pathological): it still counts as the header and gives its session id, with a
   * LINE_TOO_LONG warning that says only those were read.
   */
  @Test
  void aTooLongHeaderStillGivesTheSessionId() throws Exception {
    Path cold = coldFile(
        tmp.resolve("home/sessions/cold"),
        List.of(
            text("{\"kind\":\"header\",\"version\":1,\"padding\":\""),
            filler(FILLER),
            text("\",\"sessionId\":\"" + S + "\",\"generation\":\"g1\"}\n"),
            text(shortEvent(0, small("s0000001", "2026-11-05T00:00:01.000Z", 100, 10, "0.01")))));
    try (TranscriptLedger<Call> l = ledger(tmp.resolve("home"))) {
      l.refresh();
      List<Call> calls = l.items();
      assertEquals(1, calls.size(), calls::toString);
      assertEquals(S, calls.get(0).sessionId());
      assertEquals(100, calls.get(0).usage().input());
      assertEquals(
          List.of(
              new Warning(
                  WarningKind.LINE_TOO_LONG,
                  cold.toAbsolutePath().toString(),
                  1,
                  "line 1",
                  "cold archive header record longer than 4194304 bytes (pathological): only its kind and "
                      + "sessionId were read")),
          l.warnings().list());
    }
  }
}
