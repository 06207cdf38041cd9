package io.clawmetry.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * An OpenClaw SecretRef ({@code {"source":"env|file|exec","provider":"default","id":"NAME"}}, {@code
 * src/config/types.secrets.ts}). ClawMetry resolves only {@code env}; it never runs {@code exec} and never reads {@code
 * file} secrets. {@link #toString()} is the description only.
 *
 * @param source {@code env}, {@code file} or {@code exec}
 * @param provider the secret provider name (usually {@code default}), or null
 * @param id the variable name (env), pointer (file) or id (exec)
 */
public record SecretRef(String source, String provider, String id) {

  /** Recognises a SecretRef object: an object with textual {@code source} (env/file/exec) and {@code id}. */
  public static Optional<SecretRef> from(JsonNode node) {
    if (node == null || !node.isObject()) {
      return Optional.empty();
    }
    JsonNode source = node.get("source");
    JsonNode id = node.get("id");
    if (source == null || !source.isTextual() || id == null || !id.isTextual()) {
      return Optional.empty();
    }
    String s = source.asText();
    if (!s.equals("env") && !s.equals("file") && !s.equals("exec")) {
      return Optional.empty();
    }
    JsonNode provider = node.get("provider");
    return Optional.of(new SecretRef(s, provider != null && provider.isTextual() ? provider.asText() : null, id.asText()));
  }

  /** A printable description, for example {@code "SecretRef env:GW_TOKEN"}. */
  public String describe() {
    return "SecretRef " + source + ":" + id;
  }

  /** Same as {@link #describe()}. */
  @Override
  public String toString() {
    return describe();
  }
}
