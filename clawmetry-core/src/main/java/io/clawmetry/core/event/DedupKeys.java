package io.clawmetry.core.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The dedup key of a transcript entry, stable across every copy OpenClaw makes of it.
 *
 * <p><b>Entries with an id:</b> {@code <id>|<epoch ms>}, the time being {@code message.timestamp} when present, else
 * the entry {@code timestamp}. pi's fork ({@code createBranchedSession}) copies entries with their id and timestamps
 * into a new file under a new session id, reset/deleted archives are byte copies, and a migrated agent holds the same
 * lines in archived JSONL and in {@code transcript_events}; all of these give the same key, so each entry counts once.
 * The session id is deliberately not part of the key (a fork changes it). The time guards against the short (8 hex)
 * ids of E1–E2 colliding across sessions. This is FORMATS §4.7's (id, message.timestamp) rule.
 *
 * <p><b>Entries with an id but no time:</b> {@code <sessionId>#<id>} (same-session copies still collapse).
 *
 * <p><b>Entries without an id</b> (v1, E0 bare lines): {@code <sessionId>#<hash>#<n>}, hash = the first 16 hex digits
 * of the SHA-256 of the canonical JSON (the parsed tree re-serialised, so whitespace does not matter) and {@code n}
 * the number of identical entries seen before it in the same stream, so that two identical lines of one file stay two
 * events while a byte copy of the file (a reset archive of the same session) collapses onto them.
 */
final class DedupKeys {

  private DedupKeys() {}

  static String of(String id, Instant time, String sessionId, JsonNode entry, StreamState state) {
    if (id != null && time != null) {
      return id + "|" + time.toEpochMilli();
    }
    if (id != null) {
      return sessionId + "#" + id;
    }
    String hash = hash(entry);
    return sessionId + "#" + hash + "#" + state.occurrence(hash);
  }

  private static String hash(JsonNode entry) {
    try {
      byte[] canonical = entry.toString().getBytes(StandardCharsets.UTF_8);
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical);
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
    }
  }
}
