package io.clawmetry.examples;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/** Shared state and small helpers of the per-agent scenario builders. */
abstract class Scenario {
  /** The home directory of the (foreign) machine the example gateway ran on. */
  static final String FOREIGN_STATE_DIR = "/home/alice/.openclaw";

  final Ids ids;
  final Ledger ledger;
  final HomeFiles files;

  Scenario(Ids ids, Ledger ledger, HomeFiles files) {
    this.ids = ids;
    this.ledger = ledger;
    this.files = files;
  }

  /** Token counts. */
  static Tokens tokens(long input, long output, long cacheRead, long cacheWrite) {
    return new Tokens(input, output, cacheRead, cacheWrite);
  }

  /** An instant from ISO text. */
  static Instant at(String iso) {
    return Times.at(iso);
  }

  /** A JSON object from alternating keys and string values. */
  static ObjectNode args(String... keyValues) {
    ObjectNode node = JsonOut.object();
    for (int i = 0; i < keyValues.length; i += 2) {
      node.put(keyValues[i], keyValues[i + 1]);
    }
    return node;
  }

  /** A list of content blocks. */
  static List<ObjectNode> blocks(ObjectNode... blocks) {
    return List.of(blocks);
  }

  /** A text block list. */
  static List<ObjectNode> say(String text) {
    return List.of(Transcript.text(text));
  }

  /** The {@code details} of an exec tool result. */
  static ObjectNode execDetails(int exitCode, int durationMs, String cwd) {
    return JsonOut.object().put("status", "completed").put("exitCode", exitCode).put("durationMs", durationMs)
        .put("cwd", cwd);
  }

  /** A channel message as OpenClaw embeds it: untrusted metadata blocks followed by the text. */
  static String channelText(String channel, String senderId, String senderName, String stamp, String text) {
    return "Conversation info (untrusted metadata):\n```json\n{\n  \"conversation_label\": \"" + senderName
        + "\",\n  \"channel\": \"" + channel + "\"\n}\n```\n\nSender (untrusted metadata):\n```json\n{\n  \"label\": \""
        + senderName + "\",\n  \"id\": \"" + senderId + "\"\n}\n```\n\n[" + stamp + "] " + text;
  }
}
