package io.clawmetry.core.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.luben.zstd.Zstd;
import io.clawmetry.api.MessageRole;
import io.clawmetry.api.TranscriptEvent;
import io.clawmetry.api.Warning;
import io.clawmetry.api.WarningKind;
import io.clawmetry.core.warn.Warnings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link TranscriptScanner#scanAssistantMessages} gives exactly the assistant messages {@link TranscriptScanner#scan}
 * gives, with the same warnings, on a fresh scanner, on repeated scans (remembered line ranges), after {@code
 * summaries}, for zstd archives (byte pretest), and after a file changed (memo dropped).
 */
class ScanAssistantMessagesTest {

  @TempDir Path tmp;

  private record Result(List<TranscriptEvent> events, List<Warning> warnings) {}

  private static Result viaScan(Path sessions) {
    Warnings w = new Warnings();
    List<TranscriptEvent> out = new ArrayList<>();
    new TranscriptScanner("main", sessions, null, null)
        .scan(w, e -> {
          if (e instanceof TranscriptEvent.Message m && m.role() == MessageRole.ASSISTANT) {
            out.add(e);
          }
        });
    return new Result(out, w.list());
  }

  private static Result viaAssistants(TranscriptScanner scanner) {
    Warnings w = new Warnings();
    List<TranscriptEvent> out = new ArrayList<>();
    scanner.scanAssistantMessages(w, out::add);
    return new Result(out, w.list());
  }

  private Path home() throws IOException {
    Path sessions = Files.createDirectories(tmp.resolve("agents/main/sessions"));
    List<Path> real;
    try (Stream<Path> s = Files.walk(TestData.path("real"))) {
      real = s.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList();
    }
    for (Path f : real) {
      Files.copy(f, sessions.resolve(f.getFileName()));
    }
    Path first = sessions.resolve(real.get(0).getFileName());
    byte[] bytes = Files.readAllBytes(first);
    // a reset archive that is a byte copy (dedups away), and the same as a zstd archive
    Files.write(sessions.resolve(real.get(0).getFileName() + ".reset.2026-01-01T00-00-00.000Z"), bytes);
    Files.write(
        sessions.resolve(real.get(1).getFileName() + ".deleted.2026-01-02T00-00-00.000Z.zst"),
        Zstd.compress(Files.readAllBytes(real.get(1))));
    // malformed lines: one that cannot be an assistant message, one that looks like one
    Files.writeString(
        sessions.resolve(real.get(2).getFileName()),
        "{\"type\":\"message\",\"id\":\"bad1\" oops\n{\"role\":\"assistant\",\"usage\":{\"input\":1}\n",
        StandardOpenOption.APPEND);
    return sessions;
  }

  @Test
  void sameAssistantMessagesAndWarningsOnEveryPath() throws IOException {
    Path sessions = home();
    Result expected = viaScan(sessions);
    assertEquals(29, expected.events().size(), "assistant messages in the fixtures");
    assertTrue(
        expected.warnings().stream().anyMatch(w -> w.kind() == WarningKind.MALFORMED_LINE && w.count() == 2),
        expected.warnings().toString());

    TranscriptScanner scanner = new TranscriptScanner("main", sessions, null, null);
    assertEquals(expected, viaAssistants(scanner), "fresh scanner (full reads)");
    assertEquals(expected, viaAssistants(scanner), "unchanged files (remembered ranges, zstd pretest)");
    scanner.summaries(new Warnings());
    assertEquals(expected, viaAssistants(scanner), "after summaries");

    Path live = sessions.resolve(Files.list(sessions).filter(p -> p.toString().endsWith(".jsonl")).sorted()
        .findFirst().orElseThrow().getFileName());
    Files.writeString(
        live,
        "{\"type\":\"message\",\"id\":\"new00001\",\"parentId\":null,\"timestamp\":\"2026-05-01T00:00:00.000Z\","
            + "\"message\":{\"role\":\"assistant\",\"content\":[],\"provider\":\"p\",\"model\":\"m\","
            + "\"usage\":{\"input\":5,\"output\":1,\"totalTokens\":6},\"timestamp\":1777593600000}}\nnot json\n",
        StandardOpenOption.APPEND);
    Result changed = viaScan(sessions);
    assertEquals(30, changed.events().size());
    assertEquals(changed, viaAssistants(scanner), "a changed file is read in full again");
    assertEquals(changed, viaAssistants(scanner), "and remembered again");
  }

  @Test
  void rangesSurviveCrlfAndAFinalLineWithoutNewline() throws IOException {
    Path sessions = Files.createDirectories(tmp.resolve("s"));
    String header = "{\"type\":\"session\",\"version\":3,\"id\":\"crlf\",\"timestamp\":\"2026-01-01T00:00:00Z\"}";
    String a =
        "{\"type\":\"message\",\"id\":\"c0000001\",\"timestamp\":\"2026-01-01T00:00:01Z\",\"message\":{\"role\":"
            + "\"assistant\",\"content\":\"x\",\"usage\":{\"input\":3,\"output\":4}}}";
    Files.writeString(sessions.resolve("crlf.jsonl"), header + "\r\n" + a + "\r\n" + a.replace("c0000001", "c0000002"),
        StandardCharsets.UTF_8);
    Files.writeString(sessions.resolve("arch.jsonl.reset.2026-01-01T00-00-00.000Z"),
        header.replace("crlf", "arch") + "\n" + a.replace("c0000001", "c0000003"), StandardCharsets.UTF_8);
    Result expected = viaScan(sessions);
    assertEquals(2, expected.events().size(), "the live file's unterminated last line waits; the archive's counts");
    TranscriptScanner scanner = new TranscriptScanner("main", sessions, null, null);
    assertEquals(expected, viaAssistants(scanner));
    assertEquals(expected, viaAssistants(scanner));
  }
}
