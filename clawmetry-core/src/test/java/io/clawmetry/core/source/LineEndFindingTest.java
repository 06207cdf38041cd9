package io.clawmetry.core.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.clawmetry.core.warn.Warnings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Finding line ends while checking the entries ({@link LineReader#findingLineEndsWhileParsing()}) splits a file into
 * exactly the lines the plain newline scan gives: same numbers, offsets and bytes, for seeded random files with valid
 * entries, corrupt ones, CRLF, blank lines, trailing spaces, lines crossing the read buffer's end and a half-written
 * last line.
 */
class LineEndFindingTest {

  @TempDir Path tmp;

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 25);
  }

  private static final String ENTRY =
      "{\"type\":\"message\",\"id\":\"%08x\",\"parentId\":null,\"timestamp\":\"2026-01-01T00:00:01.250Z\","
          + "\"message\":{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"%s\"}],"
          + "\"usage\":{\"input\":%d,\"output\":5,\"cost\":{\"total\":0.0041}}}}";

  private static final String[] PIECES = {"plain ", "\\\"q\\\" ", "\\n", "é", "日本語", "🚀", "\\u00e9", "\\\\", "{[", "x"};

  private static final String STRAY = "\"{}[]:,\\ \t\r\u0001";

  private static byte[] file(Random r) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int lines = 20 + r.nextInt(200);
    for (int i = 0; i < lines; i++) {
      StringBuilder text = new StringBuilder();
      int pieces = r.nextInt(r.nextInt(10) == 0 ? 8000 : 40);
      for (int k = 0; k < pieces; k++) {
        text.append(PIECES[r.nextInt(PIECES.length)]);
      }
      byte[] line = String.format(ENTRY, r.nextInt(), text, r.nextInt(1000)).getBytes(StandardCharsets.UTF_8);
      switch (r.nextInt(12)) {
        case 0 -> line = java.util.Arrays.copyOf(line, r.nextInt(line.length)); // truncated
        case 1 -> line[r.nextInt(line.length)] = (byte) STRAY.charAt(r.nextInt(STRAY.length()));
        case 2 -> line = new byte[0]; // blank
        case 3 -> line = (new String(line, StandardCharsets.UTF_8) + " \t").getBytes(StandardCharsets.UTF_8);
        case 4 -> line = (new String(line, StandardCharsets.UTF_8) + "\r").getBytes(StandardCharsets.UTF_8);
        case 5 -> line[r.nextInt(line.length)] = (byte) 0xFF;
        default -> { }
      }
      out.writeBytes(line);
      if (i < lines - 1 || r.nextBoolean()) {
        out.write('\n');
      }
    }
    return out.toByteArray();
  }

  private static List<String> lines(Path f, boolean finding) throws IOException {
    LineReader reader = new LineReader(f.toString(), false, new Warnings());
    if (finding) {
      reader.findingLineEndsWhileParsing();
    }
    List<String> out = new ArrayList<>();
    LineReader.Position end =
        reader.readRaw(
            f,
            LineReader.Position.START,
            l -> {
              out.add(l.number() + ":" + l.startOffset() + "-" + l.endOffset() + ":" + l.text());
              return true;
            });
    out.add("end " + end);
    return out;
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void sameLinesAsTheNewlineScan(long seed) throws IOException {
    byte[] bytes = file(new Random(seed));
    Path f = Files.write(tmp.resolve("t" + seed + ".jsonl"), bytes);
    assertEquals(lines(f, false), lines(f, true), "seed " + seed + " (" + bytes.length + " bytes)");
  }
}
