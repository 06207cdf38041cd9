package io.clawmetry.core.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.luben.zstd.Zstd;
import io.clawmetry.api.SourceKind;
import io.clawmetry.api.Warning;
import io.clawmetry.api.WarningKind;
import io.clawmetry.core.warn.Warnings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** FORMATS §4.1 file rules, links, unreadable files and zstd archives. */
class TranscriptFilesTest {

  @TempDir Path tmp;

  @ParameterizedTest
  @CsvSource({
    "1b975ccf-9dbe-4f4e-9d2b-8abe12178979.jsonl, JSONL_TRANSCRIPT",
    "abc-topic-General%20chat.jsonl, JSONL_TRANSCRIPT",
    "2026-03-09T07-41-35-557Z_0f1e2d3c.jsonl, JSONL_TRANSCRIPT",
    "abc.jsonl.reset.2026-03-09T07-41-35.557Z, JSONL_ARCHIVE",
    "abc.jsonl.deleted.20260309T074135Z, JSONL_ARCHIVE",
    "abc.jsonl.zst, ZSTD_ARCHIVE",
    "abc.jsonl.deleted.2026-03-09T07-41-35.557Z.zst, ZSTD_ARCHIVE",
    "abc.trajectory.jsonl, ",
    "abc.trajectory-path.json, ",
    "abc.checkpoint.5f0c2b8e-1111-4222-8333-944455556666.jsonl, ",
    "abc.jsonl.lock, ",
    "abc.jsonl.bak, ",
    "abc.jsonl.bak.2, ",
    "sessions.json, ",
    "sessions.json.bak.3, ",
    "sessions.json.telegram-topics, ",
    "notes.txt, ",
    "abc.jsonl.tmp, ",
  })
  void classifies(String name, SourceKind expected) {
    assertEquals(Optional.ofNullable(expected), TranscriptFiles.classify(name), name);
  }

  /**
   * {@code cold/} is left out of this listing although it counts: its files are OpenClaw's cold record format, not
   * transcript lines, and {@link TranscriptArchives#readColdFiles} reads them ({@code ColdArchivesTest}).
   */
  @Test
  void listsCountedFilesSkippingImportArchiveColdAndDirectoryLinkLoops() throws IOException {
    Path s = Files.createDirectories(tmp.resolve("sessions"));
    Files.writeString(s.resolve("a.jsonl"), "");
    Files.writeString(s.resolve("a.jsonl.reset.2026-01-01T00-00-00.000Z"), "");
    Files.writeString(s.resolve("a.trajectory.jsonl"), "");
    Files.writeString(s.resolve("sessions.json"), "{}");
    Files.createDirectories(s.resolve("session-sqlite-import-archive"));
    Files.writeString(s.resolve("session-sqlite-import-archive/old.jsonl"), "");
    Files.createDirectories(s.resolve("cold"));
    Files.writeString(s.resolve("cold/c.jsonl.zst"), "");
    Path sub = Files.createDirectories(s.resolve("loop"));
    Files.createSymbolicLink(sub.resolve("back"), s);
    Files.createSymbolicLink(s.resolve("self"), s);
    Warnings w = new Warnings();
    List<TranscriptFile> files =
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> TranscriptFiles.list(s, w));
    assertEquals(
        List.of(
            new TranscriptFile(s.resolve("a.jsonl"), SourceKind.JSONL_TRANSCRIPT),
            new TranscriptFile(s.resolve("a.jsonl.reset.2026-01-01T00-00-00.000Z"), SourceKind.JSONL_ARCHIVE)),
        files);
    assertTrue(w.isEmpty(), () -> w.list().toString());
    assertEquals(List.of(), TranscriptFiles.list(tmp.resolve("missing"), w));
  }

  @Test
  void unreadableFileIsAWarning() throws IOException {
    Assumptions.assumeFalse(
        "root".equals(System.getProperty("user.name")), "root reads files whatever their mode");
    Path s = Files.createDirectories(tmp.resolve("sessions"));
    Path f = Files.writeString(s.resolve("x.jsonl"), "{}\n");
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("---------"));
    Assumptions.assumeFalse(Files.isReadable(f), "this user can still read a mode 000 file");
    Warnings w = new Warnings();
    assertEquals(List.of(), TranscriptFiles.list(s, w));
    assertEquals(WarningKind.UNREADABLE, w.list().get(0).kind());
  }

  private static final String LINES =
      "{\"type\":\"session\",\"version\":3,\"id\":\"z1\",\"timestamp\":\"2026-01-01T00:00:00Z\"}\n"
          + "{\"type\":\"message\",\"id\":\"m1\",\"timestamp\":\"2026-01-01T00:00:01Z\",\"message\":{\"role\":\"user\","
          + "\"content\":\"hi\"}}\n"
          + "{\"type\":\"message\",\"id\":\"m2\",\"timestamp\":\"2026-01-01T00:00:02Z\",\"message\":{\"role\":"
          + "\"assistant\",\"content\":[],\"usage\":{\"input\":1,\"output\":1}}}\n";

  @Test
  void zstdArchiveIsRead() throws IOException {
    Path f = tmp.resolve("z1.jsonl.deleted.2026-01-02T00-00-00.000Z.zst");
    Files.write(f, Zstd.compress(LINES.getBytes(StandardCharsets.UTF_8)));
    TranscriptFile tf = new TranscriptFile(f, TranscriptFiles.classify(f.getFileName().toString()).orElseThrow());
    Warnings w = new Warnings();
    EventCounts c = new EventCounts();
    TranscriptFileReader reader = new TranscriptFileReader(w);
    reader.read(tf, LineReader.Position.START, TranscriptFileReader.newState(tf), c);
    assertEquals(3, c.events);
    assertEquals(1, c.assistant);
    assertEquals("z1", reader.sessionId(tf));
    assertTrue(w.isEmpty(), () -> w.list().toString());
  }

  @Test
  void corruptZstdKeepsWhatWasReadAndWarns() throws IOException {
    StringBuilder sb = new StringBuilder(LINES);
    for (int i = 0; i < 3000; i++) {
      sb.append("{\"type\":\"message\",\"id\":\"r")
          .append(i)
          .append("\",\"timestamp\":\"2026-01-01T00:00:03Z\",\"message\":{\"role\":\"user\",\"content\":\"")
          .append(Integer.toHexString(i * 7919))
          .append("\"}}\n");
    }
    byte[] frame = Zstd.compress(sb.toString().getBytes(StandardCharsets.UTF_8));
    byte[] cut = Arrays.copyOf(frame, frame.length / 2);
    Path f = tmp.resolve("z1.jsonl.zst");
    Files.write(f, cut);
    TranscriptFile tf = new TranscriptFile(f, SourceKind.ZSTD_ARCHIVE);
    Warnings w = new Warnings();
    EventCounts c = new EventCounts();
    new TranscriptFileReader(w).read(tf, LineReader.Position.START, TranscriptFileReader.newState(tf), c);
    assertTrue(c.events > 3 && c.events < 3003, "some lines before the damage were kept: " + c.events);
    List<Warning> ws = w.list();
    assertEquals(1, ws.size(), ws::toString);
    assertEquals(WarningKind.BAD_ARCHIVE, ws.get(0).kind());
    assertEquals("line " + (c.events + 1), ws.get(0).firstPosition());

    Path garbage = tmp.resolve("g.jsonl.zst");
    Files.write(garbage, "this is not zstd at all\n".getBytes(StandardCharsets.UTF_8));
    Warnings w2 = new Warnings();
    EventCounts c2 = new EventCounts();
    TranscriptFile gf = new TranscriptFile(garbage, SourceKind.ZSTD_ARCHIVE);
    new TranscriptFileReader(w2).read(gf, LineReader.Position.START, TranscriptFileReader.newState(gf), c2);
    assertEquals(0, c2.events);
    assertEquals(WarningKind.BAD_ARCHIVE, w2.list().get(0).kind());
  }
}
