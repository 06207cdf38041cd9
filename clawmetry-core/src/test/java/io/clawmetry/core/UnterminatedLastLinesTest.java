package io.clawmetry.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clawmetry.api.ClawMetry;
import io.clawmetry.api.UsageQuery;
import io.clawmetry.api.UsageReport;
import io.clawmetry.api.Warning;
import io.clawmetry.api.WarningKind;
import io.clawmetry.core.discovery.Environment;
import io.clawmetry.core.testing.TestHomes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Transcripts whose last line has no newline: a complete one is counted (a copy or an editor dropped the newline), an
 * incomplete one is reported until it is complete, never dropped silently.
 */
class UnterminatedLastLinesTest {

  @TempDir Path tmp;

  private ClawMetry open(Path home) {
    return ClawMetryBuilder.create().environment(Environment.of(Map.of(), tmp.resolve("u"))).stateDir(home).build();
  }

  private static List<Path> liveTranscripts(Path home) throws Exception {
    try (Stream<Path> s = Files.walk(home.resolve("agents"))) {
      return s.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().toList();
    }
  }

  private static List<String> sorted(List<Warning> ws) {
    return ws.stream().map(Warning::toString).sorted().toList();
  }

  @Test
  void everyTranscriptWithoutItsFinalNewlineCountsTheSame() throws Exception {
    Path home = TestHomes.exampleHomeCopy(tmp);
    List<Warning> before;
    try (ClawMetry cm = open(home)) {
      before = cm.usage(UsageQuery.daily(ZoneId.of("UTC"))).warnings();
    }
    List<Path> files = liveTranscripts(home);
    assertTrue(files.size() >= 5, files.toString());
    for (Path f : files) {
      byte[] b = Files.readAllBytes(f);
      if (b.length > 0 && b[b.length - 1] == '\n') {
        Files.write(f, java.util.Arrays.copyOf(b, b.length - 1));
      }
    }
    try (ClawMetry cm = open(home)) {
      UsageReport r = cm.usage(UsageQuery.daily(ZoneId.of("UTC")));
      assertEquals(1_381_433, r.totals().tokens().total());
      assertEquals(50, r.totals().calls());
      assertEquals(sorted(before), sorted(r.warnings()), "the example's own half-written line, nothing more");
    }
  }

  @Test
  void anIncompleteLastLineIsReportedUntilItIsCompleteThenCounted() throws Exception {
    Path home = TestHomes.exampleHomeCopy(tmp);
    Path f = home.resolve("agents/main/sessions/e746288a-bc8c-4492-8ecb-75eb8d7dd57c.jsonl");
    Path cutFile = f;
    String text = Files.readString(f);
    String last = text.substring(text.lastIndexOf('\n', text.length() - 2) + 1);
    String cut = text.substring(0, text.length() - last.length()) + last.substring(0, last.length() / 2);
    Files.writeString(f, cut);
    try (ClawMetry cm = open(home)) {
      UsageReport r = cm.usage(UsageQuery.daily(ZoneId.of("UTC")));
      assertEquals(1_381_433 - 13_190, r.totals().tokens().total(), "the cut call (13,190 tokens) is not counted yet");
      List<Warning> incomplete = r.warnings().stream()
          .filter(w -> w.kind() == WarningKind.INCOMPLETE_LINE && w.source().equals(cutFile.toString())).toList();
      assertEquals(1, incomplete.size(), r.warnings().toString());
      assertEquals(f.toString(), incomplete.get(0).source());
      long lines = text.chars().filter(c -> c == '\n').count();
      assertEquals("line " + lines, incomplete.get(0).firstPosition());
      assertTrue(incomplete.get(0).message().contains("not complete JSON (yet)"), incomplete.get(0).message());
      Files.writeString(f, last.substring(last.length() / 2), java.nio.file.StandardOpenOption.APPEND);
      cm.refresh();
      UsageReport after = cm.usage(UsageQuery.daily(ZoneId.of("UTC")));
      assertEquals(1_381_433, after.totals().tokens().total());
      assertTrue(after.warnings().stream().noneMatch(w -> w.kind() == WarningKind.INCOMPLETE_LINE
          && w.source().equals(cutFile.toString())), after.warnings().toString());
    }
  }

  @Test
  void anArchivesCutLastLineIsCountedMalformed() throws Exception {
    Path home = TestHomes.exampleHomeCopy(tmp);
    Path f = home.resolve("agents/main/sessions/be61d715-168c-4536-b9f5-b096592bfdf6.jsonl.reset.2026-11-05T08-00-00.000Z");
    String text = Files.readString(f);
    String last = text.substring(text.lastIndexOf('\n', text.length() - 2) + 1);
    Files.writeString(f, text.substring(0, text.length() - last.length()) + last.substring(0, last.length() / 2));
    long lines = text.chars().filter(c -> c == '\n').count();
    try (ClawMetry cm = open(home)) {
      UsageReport r = cm.usage(UsageQuery.daily(ZoneId.of("UTC")));
      List<Warning> malformed = r.warnings().stream()
          .filter(w -> w.kind() == WarningKind.MALFORMED_LINE && w.source().equals(f.toString())).toList();
      assertEquals(1, malformed.size(), r.warnings().toString());
      assertEquals("line " + lines, malformed.get(0).firstPosition());
      assertEquals(1, malformed.get(0).count());
      assertTrue(r.warnings().stream().noneMatch(w -> w.source().equals(f.toString())
          && w.kind() == WarningKind.INCOMPLETE_LINE), "an archive is never completed");
    }
  }

  @Test
  void aCompleteLastLineWithInvalidUtf8IsCountedAsWithItsNewline() throws Exception {
    Path sessions = Files.createDirectories(tmp.resolve("home/agents/main/sessions"));
    Path f = sessions.resolve("s1.jsonl");
    String line = io.clawmetry.core.testing.TranscriptLines.assistant("m1", "2026-03-03T04:00:01.000Z", 40, 2, "0.5");
    int at = line.indexOf("\"ok\"") + 2; // inside the text "ok"
    java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
    b.writeBytes(("{\"type\":\"session\",\"version\":3,\"id\":\"s1\",\"timestamp\":\"2026-03-03T04:00:00.000Z\"}\n"
        + line.substring(0, at)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    b.write(0xFF); // not UTF-8: replaced by U+FFFD when read, as in any other line
    b.writeBytes(line.substring(at).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    Files.write(f, b.toByteArray()); // a complete line, without its newline
    try (ClawMetry cm = open(tmp.resolve("home"))) {
      UsageReport r = cm.usage(UsageQuery.daily(ZoneId.of("UTC")));
      assertEquals(42, r.totals().tokens().total(), r.warnings().toString());
      assertEquals(List.of(WarningKind.INVALID_UTF8), r.warnings().stream().map(Warning::kind).toList());
    }
  }
}
