package io.clawmetry.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clawmetry.api.ClawMetry;
import io.clawmetry.api.TokenCounts;
import io.clawmetry.api.UsagePeriod;
import io.clawmetry.api.UsageQuery;
import io.clawmetry.api.UsageReport;
import io.clawmetry.api.UsageRow;
import io.clawmetry.api.Warning;
import io.clawmetry.api.WarningKind;
import io.clawmetry.core.discovery.Environment;
import io.clawmetry.core.testing.TestHomes;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input loses nothing: real transcript lines (testdata/real, with distinct usage numbers written into each
 * assistant line so that every call is visible in the totals) are mutated at random, seeded — cut at a byte, a byte
 * flipped or inserted, invalid UTF-8, a NUL, a BOM at file start, CRLF line ends, duplicate keys, numbers as strings,
 * implausible usage numbers and numbers as strings, nesting deeper than 1000 levels, a line over 4 MiB (streamed: -Xmx64m), blank lines, a
 * copy of a line in another file, a last line without newline — and a home of them is read through the facade. No
 * exception escapes; every call whose line is still valid counts exactly once (expected totals computed here, from the
 * lines as they were before they were written out); every line that is no longer valid is in a warning of its own file.
 */
class MalformedLinesFuzzTest {

  @TempDir Path tmp;

  private static final List<String> FILES = List.of(
      "real/openclawlaw-cpu__OpenClawLog/1f979e30-12ad-4b66-80ac-bcbb53b985ff.jsonl",
      "real/4GeeksAcademy__thispedrito1-openclaw-setup/42504899-b494-42dd-8e70-81a2a2f9f48c.jsonl",
      "real/42naodia__moltbot-config/1b975ccf-9dbe-4f4e-9d2b-8abe12178979.jsonl",
      "real/9erson__openclaw/e4008982-26e2-4ad1-bba9-0c9a9c3e25d9.jsonl");

  private static final ObjectMapper PLAIN = new ObjectMapper();
  private static final ObjectMapper ORACLE =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private static final int PAD = 4 * 1024 * 1024 + 512 * 1024; // 4.5 MiB

  /** What a mutated line is expected to give. */
  private enum Outcome { SAME, MALFORMED, INPUT_ZERO, LONG }

  /** One line as written: bytes, and for the long line the 4.5 MiB pad streamed after its first '{'. */
  private record Out(byte[] bytes, boolean pad) {}

  /** A call, as the test expects it counted. */
  private record Call(String key, long input, long output, long cacheRead, long cacheWrite, long total) {}

  static Stream<Long> seeds() {
    return IntStream.range(0, 30).mapToObj(i -> 1000L + i);
  }

  /** The real lines with usage numbers that tell each call apart (only zeros and two calls were recorded). */
  private static List<List<String>> baseFiles() throws Exception {
    List<List<String>> files = new ArrayList<>();
    for (int f = 0; f < FILES.size(); f++) {
      List<String> lines = new ArrayList<>();
      int i = 0;
      for (String l : Files.readAllLines(TestHomes.testdata(FILES.get(f)), StandardCharsets.UTF_8)) {
        i++;
        ObjectNode o = (ObjectNode) PLAIN.readTree(l);
        JsonNode m = o.get("message");
        if (isCall(o) && m.get("usage") instanceof ObjectNode u) {
          long in = (f + 1) * 100_000L + i * 100L + 1;
          u.put("input", in).put("output", 7 + i).put("cacheRead", 1000L * (f + 1)).put("cacheWrite", 3)
              .put("totalTokens", in + 7 + i + 1000L * (f + 1) + 3);
          l = PLAIN.writeValueAsString(o);
        }
        lines.add(l);
      }
      files.add(lines);
    }
    return files;
  }

  private static boolean isCall(JsonNode o) {
    JsonNode m = o.get("message");
    return o.path("type").asText().equals("message") && m != null && m.path("role").asText().equals("assistant")
        && !m.path("provider").asText().equals("openclaw");
  }

  private static Call call(JsonNode o, Outcome outcome) {
    JsonNode u = o.get("message").get("usage");
    String key = o.get("id").asText() + "|" + o.get("timestamp").asText();
    long in = outcome == Outcome.INPUT_ZERO ? 0 : u.get("input").asLong();
    return new Call(key, in, u.get("output").asLong(), u.get("cacheRead").asLong(), u.get("cacheWrite").asLong(),
        u.get("totalTokens").asLong());
  }

  /** What the fields events are built from say, to tell whether a byte mutation changed the meaning of a line. */
  private static String projection(JsonNode o) {
    JsonNode m = o.path("message");
    return List.of(o.path("type"), o.path("id"), o.path("timestamp"), o.path("role"), o.path("uuid"),
        m.path("role"), m.path("provider"), m.path("model"), m.path("usage"), m.path("timestamp"),
        m.path("stopReason"), o.path("version")).toString();
  }

  private static boolean validUtf8(byte[] b) {
    try {
      StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(b));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  /** Expected warnings of one file: kind → line numbers. */
  private static final class Expect {
    final Map<WarningKind, List<Long>> lines = new TreeMap<>();
    /** A malformed last line without newline: held back as incomplete, or read and found malformed; 0 if none. */
    long tail;
    boolean tailBadUtf8;

    void add(WarningKind k, long line) {
      lines.computeIfAbsent(k, x -> new ArrayList<>()).add(line);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void mutatedLinesAreCountedOrReportedNeverLost(long seed) throws Exception {
    Random rnd = new Random(seed);
    String msg = "seed " + seed;
    List<List<String>> base = baseFiles();
    Path sessions = Files.createDirectories(tmp.resolve("home/agents/main/sessions"));
    Map<String, Call> expected = new TreeMap<>();
    Map<Path, Expect> expect = new TreeMap<>();
    List<String> copies = new ArrayList<>(); // assistant lines copied into another file (count once)
    boolean longUsed = rnd.nextInt(3) != 0;
    List<Path> paths = new ArrayList<>();
    List<List<Out>> outs = new ArrayList<>();
    for (int f = 0; f < base.size(); f++) {
      Path path = sessions.resolve(Path.of(FILES.get(f)).getFileName().toString());
      paths.add(path);
      Expect ex = new Expect();
      expect.put(path, ex);
      boolean crlf = rnd.nextInt(3) == 0;
      boolean bom = rnd.nextInt(4) == 0;
      boolean noFinalNewline = rnd.nextInt(3) == 0;
      List<Out> out = new ArrayList<>();
      List<String> lines = base.get(f);
      long lineNo = 0;
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        JsonNode orig = PLAIN.readTree(line);
        boolean call = isCall(orig);
        if (rnd.nextInt(8) == 0) { // blank lines: skipped silently, but they are lines
          for (int k = rnd.nextInt(3); k >= 0; k--) {
            out.add(new Out(List.of("", " ", "\t", "  \t ").get(rnd.nextInt(4)).getBytes(StandardCharsets.UTF_8),
                false));
            lineNo++;
          }
        }
        lineNo++;
        boolean last = i == lines.size() - 1;
        Outcome outcome = Outcome.SAME;
        boolean badUtf8 = false;
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        boolean pad = false;
        if (i == 0 && bom) {
          byte[] c = new byte[b.length + 3];
          c[0] = (byte) 0xEF;
          c[1] = (byte) 0xBB;
          c[2] = (byte) 0xBF;
          System.arraycopy(b, 0, c, 3, b.length);
          b = c;
          // a header: JSON.parse (OpenClaw, ccusage) rejects a BOM, so does the reader, and says so
          outcome = Outcome.MALFORMED;
        } else if (rnd.nextInt(10) < 4) {
          int kind = rnd.nextInt(call ? 11 : 6);
          switch (kind) {
            case 0 -> { // cut at a byte
              b = java.util.Arrays.copyOf(b, 1 + rnd.nextInt(b.length - 1));
              outcome = Outcome.MALFORMED;
              badUtf8 = !validUtf8(b);
            }
            case 1, 2, 3 -> { // a byte flipped / inserted / invalid UTF-8 or NUL inserted: the oracle decides
              byte[] m = null;
              for (int attempt = 0; attempt < 50 && m == null; attempt++) {
                byte[] c = byteMutation(b, kind, rnd);
                if (c == null) {
                  continue;
                }
                String text = new String(c, StandardCharsets.UTF_8);
                JsonNode t;
                try {
                  t = ORACLE.readTree(text);
                } catch (Exception e) {
                  t = null;
                }
                if (t == null) {
                  try { // an object followed by more text: counted and said, not this test's concern
                    PLAIN.readTree(text);
                    continue;
                  } catch (Exception e) {
                    outcome = Outcome.MALFORMED;
                  }
                } else if (t.isObject() && projection(t).equals(projection(orig))) {
                  outcome = Outcome.SAME;
                } else {
                  continue; // a changed meaning: not determinate, try another mutation
                }
                m = c;
                badUtf8 = !validUtf8(c);
              }
              if (m != null) {
                b = m;
              } else {
                outcome = Outcome.SAME;
              }
            }
            case 4 -> { // nesting deeper than 1000 levels: skipped as malformed (deliberate)
              b = insertAfterBrace(b, "\"deep\":" + "[".repeat(1001) + "]".repeat(1001) + ",");
              outcome = Outcome.MALFORMED;
            }
            case 5 -> { // a duplicate key before the real one: the last one wins, as in JSON.parse
              b = insertAfterBrace(b, "\"type\":\"bogus\",\"id\":\"bogus\",");
            }
            case 6 -> { // a duplicate usage before the real one
              b = line.replace("\"message\":{", "\"message\":{\"usage\":{\"input\":999999999,\"output\":5},")
                  .getBytes(StandardCharsets.UTF_8);
            }
            case 7, 8 -> { // an implausible input count: the call counts, with input 0, and is reported
              String v = List.of("-5", "2.5", "10000000000000", "99999999999999999999999", "1e30", "\"$1\"")
                  .get(rnd.nextInt(6)); // the last: the number as a string
              b = line.replaceFirst("\"input\":(\\d+)", "\"input\":" + v).getBytes(StandardCharsets.UTF_8);
              outcome = Outcome.INPUT_ZERO;
            }
            case 9 -> { // a line over 4 MiB: streamed, usage kept
              if (longUsed) {
                longUsed = false;
                pad = true;
                outcome = Outcome.LONG;
              }
            }
            default -> { // a copy of the line in another file: counted once
              copies.add(line);
            }
          }
        }
        if (call && (outcome == Outcome.SAME || outcome == Outcome.INPUT_ZERO || outcome == Outcome.LONG)) {
          Call c = call(orig, outcome);
          expected.put(c.key(), c);
        }
        if (outcome == Outcome.INPUT_ZERO) {
          ex.add(WarningKind.IMPLAUSIBLE_VALUE, lineNo);
        }
        if (outcome == Outcome.MALFORMED && last && noFinalNewline) {
          ex.tail = lineNo;
          ex.tailBadUtf8 = badUtf8;
          badUtf8 = false;
        } else if (outcome == Outcome.MALFORMED) {
          ex.add(WarningKind.MALFORMED_LINE, lineNo);
        }
        if (outcome == Outcome.LONG) {
          ex.add(WarningKind.LINE_TOO_LONG, lineNo);
        }
        if (badUtf8) {
          ex.add(WarningKind.INVALID_UTF8, lineNo);
        }
        out.add(new Out(b, pad));
      }
      write(path, out, crlf, noFinalNewline);
      outs.add(out);
    }
    // copies of calls go into a file of their own: same id and time, counted once
    if (!copies.isEmpty()) {
      List<Out> out = new ArrayList<>();
      out.add(new Out(("{\"type\":\"session\",\"version\":3,\"id\":\"99999999-9999-4999-8999-999999999999\","
          + "\"timestamp\":\"2026-03-03T00:00:00.000Z\"}").getBytes(StandardCharsets.UTF_8), false));
      for (String c : copies) {
        out.add(new Out(c.getBytes(StandardCharsets.UTF_8), false));
        Call k = call(PLAIN.readTree(c), Outcome.SAME);
        expected.putIfAbsent(k.key(), k);
      }
      Path path = sessions.resolve("99999999-9999-4999-8999-999999999999.jsonl");
      write(path, out, false, false);
      expect.put(path, new Expect());
    }
    check(msg, expected, expect, paths);
  }

  private void check(String msg, Map<String, Call> expected, Map<Path, Expect> expect, List<Path> paths)
      throws Exception {
    long in = 0, out = 0, cr = 0, cw = 0, total = 0;
    for (Call c : expected.values()) {
      in += c.input();
      out += c.output();
      cr += c.cacheRead();
      cw += c.cacheWrite();
      total += c.total();
    }
    List<Long> want = List.of(in, out, cr, cw, total, (long) expected.size());
    try (ClawMetry cm = ClawMetryBuilder.create().environment(Environment.of(Map.of(), tmp.resolve("u")))
        .stateDir(tmp.resolve("home")).build()) {
      UsageReport daily = cm.usage(UsageQuery.daily(ZoneOffset.UTC));
      TokenCounts t = daily.totals().tokens();
      assertEquals(want, List.of(t.input(), t.output(), t.cacheRead(), t.cacheWrite(), t.total(),
          daily.totals().calls()), msg + " daily totals " + daily.warnings());
      UsageReport bySession = cm.usage(UsageQuery.daily(ZoneOffset.UTC).withPeriod(UsagePeriod.SESSION));
      long sessionTotal = bySession.rows().stream().mapToLong(r -> r.tokens().total()).sum();
      long sessionCalls = bySession.rows().stream().mapToLong(UsageRow::calls).sum();
      assertEquals(List.of(total, (long) expected.size()), List.of(sessionTotal, sessionCalls), msg + " sessions");
      cm.sessions().items();
      for (Map.Entry<Path, Expect> e : expect.entrySet()) {
        String source = e.getKey().toString();
        Map<WarningKind, String> got = new TreeMap<>();
        for (Warning w : daily.warnings()) {
          if (w.source().equals(source) && w.kind() != WarningKind.MISSING) {
            got.put(w.kind(), w.count() + " " + w.firstPosition().replaceFirst(" usage\\..*", ""));
          }
        }
        Expect x = e.getValue();
        Map<WarningKind, String> wanted = wanted(x.lines);
        if (x.tail > 0) {
          Map<WarningKind, List<Long>> read = new TreeMap<>();
          x.lines.forEach((k, v) -> read.put(k, new ArrayList<>(v)));
          read.computeIfAbsent(WarningKind.MALFORMED_LINE, k -> new ArrayList<>()).add(x.tail);
          if (x.tailBadUtf8) {
            read.computeIfAbsent(WarningKind.INVALID_UTF8, k -> new ArrayList<>()).add(x.tail);
          }
          wanted.put(WarningKind.INCOMPLETE_LINE, "1 line " + x.tail);
          if (got.equals(wanted(read))) {
            wanted = wanted(read);
          }
        }
        assertEquals(wanted, got, msg + " warnings of " + source + ": " + daily.warnings());
      }
      Set<String> sources = new HashSet<>();
      expect.keySet().forEach(p -> sources.add(p.toString()));
      for (Warning w : daily.warnings()) {
        if (w.kind() != WarningKind.MISSING && w.kind() != WarningKind.CONFIG && !sources.contains(w.source())) {
          throw new AssertionError(msg + " a warning naming another source: " + w);
        }
      }
    }
  }

  private static Map<WarningKind, String> wanted(Map<WarningKind, List<Long>> lines) {
    Map<WarningKind, String> wanted = new TreeMap<>();
    lines.forEach((k, v) -> wanted.put(k, v.size() + " line " + v.stream().min(Long::compare).orElseThrow()));
    return wanted;
  }

  /** A flipped byte (kind 1), an inserted byte (2), or inserted invalid UTF-8 or a NUL (3); null if it made a line end. */
  private static byte[] byteMutation(byte[] b, int kind, Random rnd) {
    int at = rnd.nextInt(b.length);
    byte[] c;
    if (kind == 1) {
      c = b.clone();
      c[at] = (byte) (c[at] ^ (1 + rnd.nextInt(255)));
    } else {
      byte[] ins = kind == 2 ? new byte[] {(byte) rnd.nextInt(256)}
          : List.of(new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xC3, '('}, new byte[] {(byte) 0xE2, (byte) 0x82},
              new byte[] {0}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}).get(rnd.nextInt(5));
      c = new byte[b.length + ins.length];
      System.arraycopy(b, 0, c, 0, at);
      System.arraycopy(ins, 0, c, at, ins.length);
      System.arraycopy(b, at, c, at + ins.length, b.length - at);
    }
    for (byte x : c) {
      if (x == '\n' || x == '\r') {
        return null;
      }
    }
    return c;
  }

  private static byte[] insertAfterBrace(byte[] b, String text) {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    o.write(b, 0, 1);
    o.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    o.write(b, 1, b.length - 1);
    return o.toByteArray();
  }

  private static void write(Path path, List<Out> lines, boolean crlf, boolean noFinalNewline) throws Exception {
    byte[] chunk = "A".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
    try (OutputStream o = new java.io.BufferedOutputStream(Files.newOutputStream(path))) {
      for (int i = 0; i < lines.size(); i++) {
        Out l = lines.get(i);
        if (l.pad()) {
          o.write(l.bytes(), 0, 1);
          o.write("\"pad\":\"".getBytes(StandardCharsets.US_ASCII));
          for (int k = 0; k < PAD / chunk.length; k++) {
            o.write(chunk);
          }
          o.write("\",".getBytes(StandardCharsets.US_ASCII));
          o.write(l.bytes(), 1, l.bytes().length - 1);
        } else {
          o.write(l.bytes());
        }
        if (i < lines.size() - 1 || !noFinalNewline) {
          o.write(crlf ? "\r\n".getBytes(StandardCharsets.US_ASCII) : "\n".getBytes(StandardCharsets.US_ASCII));
        }
      }
    }
  }
}
