package io.clawmetry.api.gateway;

import java.util.List;

/**
 * {@code chat.history}: display-normalised messages of a session (not a cost source; use transcripts for that).
 *
 * @param sessionKey the session key
 * @param sessionId the session id, or null
 * @param totalMessages the total number of messages, or null
 * @param hasMore whether older messages exist
 * @param messagesJson each message as JSON text, oldest first
 */
public record ChatHistory(
    String sessionKey, String sessionId, Integer totalMessages, boolean hasMore, List<String> messagesJson) {

  public ChatHistory {
    messagesJson = List.copyOf(messagesJson);
  }
}
