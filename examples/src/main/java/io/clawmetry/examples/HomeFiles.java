package io.clawmetry.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.luben.zstd.ZstdCompressCtx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes files below the generated state directory (paths are relative, with {@code /}). */
final class HomeFiles {
  private final Path root;

  HomeFiles(Path root) {
    this.root = root;
  }

  /** The state directory. */
  Path root() {
    return root;
  }

  /** The absolute path of {@code relative}, creating its parent directories. */
  Path path(String relative) {
    Path path = root.resolve(relative);
    try {
      Files.createDirectories(path.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return path;
  }

  /** Writes UTF-8 text. */
  void text(String relative, String text) {
    bytes(relative, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Writes raw bytes. */
  void bytes(String relative, byte[] bytes) {
    try {
      Files.write(path(relative), bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes {@code JSON.stringify(node, null, 2)}. */
  void prettyJson(String relative, JsonNode node) {
    text(relative, JsonOut.pretty(node));
  }

  /** The transcript as JSONL text: one compact entry per line, each ending with a newline. */
  static String jsonl(List<ObjectNode> entries) {
    StringBuilder text = new StringBuilder();
    for (ObjectNode entry : entries) {
      text.append(JsonOut.line(entry)).append('\n');
    }
    return text.toString();
  }

  /** One zstd frame (level 1, with content size and checksum) of {@code data}. */
  static byte[] zstd(byte[] data) {
    try (ZstdCompressCtx ctx = new ZstdCompressCtx()) {
      ctx.setLevel(1);
      ctx.setChecksum(true);
      ctx.setContentSize(true);
      return ctx.compress(data);
    }
  }
}
