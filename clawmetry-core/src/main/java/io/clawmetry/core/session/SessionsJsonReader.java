package io.clawmetry.core.session;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.clawmetry.api.SourceKind;
import io.clawmetry.api.SourceRef;
import io.clawmetry.api.WarningKind;
import io.clawmetry.core.json.Json;
import io.clawmetry.core.warn.Warnings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code agents/<a>/sessions/sessions.json} (FORMATS §5): an object map from session key to {@code
 * SessionEntry}. The file is streamed (it can be megabytes) and its big values are skipped. OpenClaw rewrites it
 * atomically, so a parse error is retried once; a second failure becomes a warning and the entries read before the
 * error are kept.
 */
public final class SessionsJsonReader {

  private static final long RETRY_PAUSE_MS = 50;

  private SessionsJsonReader() {}

  /**
   * Reads one {@code sessions.json}. Never throws; problems go to {@code warnings}.
   *
   * @param file the {@code sessions.json} path
   * @param defaultAgentId the agent whose store this is (used for keys without {@code agent:<id>:})
   * @param warnings where problems are reported
   * @return the entries in file order
   */
  public static List<IndexEntry> read(Path file, String defaultAgentId, Warnings warnings) {
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    SourceRef source = new SourceRef(SourceKind.SESSION_INDEX_JSON, file.toAbsolutePath().toString());
    Attempt first = attempt(file, defaultAgentId, source);
    Attempt result = first;
    if (first.error != null) {
      pause();
      result = attempt(file, defaultAgentId, source);
    }
    if (result.error != null) {
      WarningKind kind = result.error instanceof JsonProcessingException ? WarningKind.MALFORMED_LINE
          : WarningKind.UNREADABLE;
      warnings.add(kind, source.path(), result.position, "sessions.json could not be read (retried once): "
          + String.valueOf(result.error.getMessage()).lines().findFirst().orElse("") + "; kept " + result.entries.size() + " entries");
    }
    for (String skipped : result.skipped) {
      warnings.add(WarningKind.MALFORMED_LINE, source.path(), skipped, "session entry skipped: not an object or no "
          + "sessionId");
    }
    return List.copyOf(result.entries);
  }

  /** The outcome of one pass over the file. */
  private static final class Attempt {
    final List<IndexEntry> entries = new ArrayList<>();
    final List<String> skipped = new ArrayList<>();
    Exception error;
    String position = "";
  }

  private static Attempt attempt(Path file, String defaultAgentId, SourceRef source) {
    Attempt a = new Attempt();
    try (InputStream in = Files.newInputStream(file);
        JsonParser p = Json.STRICT.getFactory().createParser(in)) {
      try {
        if (p.nextToken() != JsonToken.START_OBJECT) {
          throw new JsonParseException(p, "sessions.json is not a JSON object");
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          if (p.nextToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            a.skipped.add("key " + key);
            continue;
          }
          SessionEntryFields f = SessionEntryFields.read(p);
          if (f.sessionId == null) {
            a.skipped.add("key " + key);
            continue;
          }
          a.entries.add(toEntry(key, f, defaultAgentId, source));
        }
      } catch (IOException e) {
        a.position = "line " + p.currentLocation().getLineNr() + " column " + p.currentLocation().getColumnNr();
        a.error = e;
      }
    } catch (IOException e) {
      a.error = e;
    }
    return a;
  }

  /** Builds an index entry from a streamed {@code SessionEntry}. */
  static IndexEntry toEntry(String key, SessionEntryFields f, String defaultAgentId, SourceRef source) {
    List<String> previous = f.previousSessionId != null && !f.previousSessionId.equals(f.sessionId)
        ? List.of(f.previousSessionId) : List.of();
    return new IndexEntry(
        key,
        SessionKeys.agentIdOf(key, defaultAgentId),
        f.sessionId,
        previous,
        f.sessionFile,
        f.status,
        f.spawnedBy,
        f.parentSessionKey,
        f.spawnDepth,
        f.label,
        f.displayName,
        f.resolvedProvider(),
        f.resolvedModel(),
        f.resolvedChannel(),
        f.resolvedChatType(),
        f.createdVia,
        f.resolvedStartedAt(),
        f.updatedAt,
        f.endedAt,
        source,
        f.resolvedContextTokens(),
        f.contextTokens,
        f.resolvedRuntimeMs());
  }

  private static void pause() {
    try {
      Thread.sleep(RETRY_PAUSE_MS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
