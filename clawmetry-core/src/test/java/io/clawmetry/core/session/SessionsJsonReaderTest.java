package io.clawmetry.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clawmetry.api.SessionKind;
import io.clawmetry.api.SourceKind;
import io.clawmetry.api.Warning;
import io.clawmetry.api.WarningKind;
import io.clawmetry.core.testing.TestHomes;
import io.clawmetry.core.warn.Warnings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link SessionsJsonReader} on the two real {@code sessions.json} fixtures and on hand-written edge cases. */
class SessionsJsonReaderTest {

  private final SessionKeys keys = SessionKeys.defaults();

  private SessionKind kind(IndexEntry e) {
    return keys.kindOf(e.key(), e.spawnedBy(), e.parentSessionKey(), e.spawnDepth());
  }

  /**
   * Expected values read off the file by hand: four keys in file order; only {@code agent:main:main} has a channel
   * (its {@code lastChannel} "webchat"; {@code origin.provider} says the same) and a chat type; no entry has a
   * {@code status}; the model fields are {@code modelProvider}/{@code model}.
   */
  @Test
  void readsMoltbotJanuaryIndex() {
    Warnings w = new Warnings();
    Path file = TestHomes.testdata("real/42naodia__moltbot-config/sessions.json");
    List<IndexEntry> entries = SessionsJsonReader.read(file, "main", w);
    assertTrue(w.isEmpty(), w.list().toString());
    assertEquals(List.of("agent:main:main", "agent:main:openresponses-user:52g53d6e",
        "agent:main:openresponses-user:9e983849", "agent:main:openresponses-user:659fbde2"),
        entries.stream().map(IndexEntry::key).toList());
    assertEquals(List.of(SessionKind.MAIN, SessionKind.OTHER, SessionKind.OTHER, SessionKind.OTHER),
        entries.stream().map(this::kind).toList());
    assertEquals(List.of("76cc5ab5-0425-4038-b41f-0af9f313d594", "44f95fd8-d2b5-4c4e-853c-599939118240",
        "f8c3e7a8-7dc1-43cc-8ce0-a9d268c29be1", "1b975ccf-9dbe-4f4e-9d2b-8abe12178979"),
        entries.stream().map(IndexEntry::sessionId).toList());
    assertEquals(java.util.Arrays.asList("webchat", null, null, null),
        entries.stream().map(IndexEntry::channel).toList());
    entries.forEach(e -> assertNull(e.status(), e.key()));
    entries.forEach(e -> assertEquals("main", e.agentId()));
    IndexEntry main = entries.get(0);
    assertEquals("direct", main.chatType());
    assertEquals("minimax", main.provider());
    assertEquals("MiniMax-M2.1", main.model());
    assertEquals(Instant.ofEpochMilli(1769860426088L), main.updatedAt());
    assertEquals("/home/admin/.clawdbot/agents/main/sessions/76cc5ab5-0425-4038-b41f-0af9f313d594.jsonl",
        main.sessionFile());
    assertEquals("alibaba-cloud", entries.get(2).provider());
    assertEquals("qwen3-max-2026-01-23", entries.get(2).model());
    assertEquals(SourceKind.SESSION_INDEX_JSON, main.source().kind());
    assertEquals(file.toAbsolutePath().toString(), main.source().path());
  }

  /**
   * Two keys of agent {@code healthcore}: the main session ({@code status} "done", {@code chatType} "direct", no
   * channel field anywhere) and a Telegram direct chat whose channel and chat type exist only in {@code origin}
   * ({@code provider} "telegram", {@code chatType} "direct"); that one has no status.
   */
  @Test
  void readsOpenclawJuneIndexOfANonDefaultAgent() {
    Warnings w = new Warnings();
    List<IndexEntry> entries = SessionsJsonReader.read(
        TestHomes.testdata("real/4GeeksAcademy__thispedrito1-openclaw-setup/sessions.json"), "ignored", w);
    assertTrue(w.isEmpty(), w.list().toString());
    assertEquals(2, entries.size());
    IndexEntry main = entries.get(0);
    assertEquals("agent:healthcore:main", main.key());
    assertEquals("healthcore", main.agentId());
    assertEquals(SessionKind.MAIN, kind(main));
    assertEquals("42504899-b494-42dd-8e70-81a2a2f9f48c", main.sessionId());
    assertNull(main.channel());
    assertEquals("direct", main.chatType());
    assertEquals("done", main.status());
    assertEquals(Instant.ofEpochMilli(1782757765564L), main.startedAt(), "sessionStartedAt, not the run's startedAt");
    assertEquals(Instant.ofEpochMilli(1782768576680L), main.updatedAt());
    assertEquals(Instant.ofEpochMilli(1782768576624L), main.endedAt());
    IndexEntry tg = entries.get(1);
    assertEquals("agent:healthcore:telegram:direct:1061043652", tg.key());
    assertEquals(SessionKind.DIRECT, kind(tg));
    assertEquals("a95c4ca4-225d-433d-bc7f-66a76a597dc3", tg.sessionId());
    assertEquals("telegram", tg.channel());
    assertEquals("direct", tg.chatType());
    assertNull(tg.status());
    assertNull(tg.provider());
  }

  @Test
  void legacyRenamesLineageAndBigValuesAreHandledWhileStreaming(@TempDir Path dir) throws IOException {
    StringBuilder big = new StringBuilder("[");
    for (int i = 0; i < 20_000; i++) {
      big.append(i == 0 ? "" : ",").append("{\"name\":\"skill-").append(i).append("\",\"text\":\"xxxxxxxxxxxxxxxx\"}");
    }
    big.append("]");
    Path file = dir.resolve("sessions.json");
    Files.writeString(file, "{"
        + "\"main\":{\"sessionId\":\"s1\",\"updatedAt\":1000,\"provider\":\"whatsapp\",\"skillsSnapshot\":" + big
        + ",\"systemPromptReport\":{\"a\":{\"b\":[1,2,{\"c\":3}]}},\"inputTokens\":99},"
        + "\"group:123\":{\"sessionId\":\"s2\",\"updatedAt\":\"2026-01-02T03:04:05Z\",\"lastProvider\":\"telegram\","
        + "\"room\":\"#ops\"},"
        + "\"agent:main:subagent:x\":{\"sessionId\":\"s3\",\"updatedAt\":3,\"spawnedBy\":\"agent:main:main\","
        + "\"spawnDepth\":2,\"previousSessionId\":\"s0\",\"providerOverride\":\"p\",\"modelOverride\":\"m\"},"
        + "\"broken\":[1,2],"
        + "\"noid\":{\"updatedAt\":4}"
        + "}");
    Warnings w = new Warnings();
    List<IndexEntry> entries = SessionsJsonReader.read(file, "main", w);
    assertEquals(3, entries.size());
    assertEquals("whatsapp", entries.get(0).channel(), "legacy provider -> channel");
    assertEquals(SessionKind.MAIN, kind(entries.get(0)), "legacy key 'main'");
    assertEquals("telegram", entries.get(1).channel(), "legacy lastProvider -> lastChannel -> channel");
    assertEquals(Instant.parse("2026-01-02T03:04:05Z"), entries.get(1).updatedAt());
    assertEquals(SessionKind.GROUP, kind(entries.get(1)));
    IndexEntry sub = entries.get(2);
    assertEquals(2, sub.spawnDepth());
    assertEquals("agent:main:main", sub.spawnedBy());
    assertEquals(List.of("s0"), sub.previousSessionIds());
    assertEquals("p", sub.provider());
    assertEquals("m", sub.model());
    List<Warning> ws = w.list();
    assertEquals(1, ws.size(), ws.toString());
    assertEquals(WarningKind.MALFORMED_LINE, ws.get(0).kind());
    assertEquals(2, ws.get(0).count(), "the array entry and the entry without sessionId");
    assertEquals("key broken", ws.get(0).firstPosition());
  }

  @Test
  void aTruncatedFileKeepsTheEntriesBeforeTheBreakAndWarns(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("sessions.json");
    Files.writeString(file, "{\"agent:main:main\":{\"sessionId\":\"s1\",\"updatedAt\":1},\n"
        + "\"agent:main:other\":{\"sessionId\":\"s2\",\"upda");
    Warnings w = new Warnings();
    List<IndexEntry> entries = SessionsJsonReader.read(file, "main", w);
    assertEquals(List.of("s1"), entries.stream().map(IndexEntry::sessionId).toList());
    assertEquals(1, w.list().size());
    assertEquals(WarningKind.MALFORMED_LINE, w.list().get(0).kind());
    assertTrue(w.list().get(0).firstPosition().startsWith("line 2"), w.list().get(0).firstPosition());
  }

  @Test
  void aMissingFileIsEmptyWithoutWarning(@TempDir Path dir) {
    Warnings w = new Warnings();
    assertEquals(List.of(), SessionsJsonReader.read(dir.resolve("sessions.json"), "main", w));
    assertTrue(w.isEmpty());
  }
}
