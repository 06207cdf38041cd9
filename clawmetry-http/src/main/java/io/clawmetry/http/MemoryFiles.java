package io.clawmetry.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clawmetry.api.AgentInfo;
import io.clawmetry.api.Home;
import io.clawmetry.core.view.JsonViews;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The agents' workspace Markdown files ({@code MEMORY.md}, {@code memory/*.md}, {@code AGENTS.md}, {@code SOUL.md},
 * ...; format notes §9), read-only. Each file's content is capped at {@link #MAX_FILE_CHARS} characters, all files at
 * {@link #MAX_TOTAL_BYTES}; symbolic links and files outside the workspace are skipped.
 */
final class MemoryFiles {

  static final List<String> TOP_LEVEL =
      List.of(
          "MEMORY.md", "memory.md", "AGENTS.md", "SOUL.md", "TOOLS.md", "IDENTITY.md", "USER.md", "HEARTBEAT.md",
          "BOOTSTRAP.md", "DREAMS.md");
  static final int MAX_FILE_CHARS = 64 * 1024;
  static final long MAX_TOTAL_BYTES = 2L * 1024 * 1024;
  static final int MAX_MEMORY_DIR_FILES = 200;

  private MemoryFiles() {}

  /** {@code {workspaces: [{workspace, agents, exists, files: [{path, sizeBytes, modified, content, truncated}]}]}}. */
  static ObjectNode list(Home home) {
    Map<String, List<String>> agentsByWorkspace = new LinkedHashMap<>();
    for (AgentInfo a : home.agents()) {
      if (a.workspace() != null) {
        agentsByWorkspace.computeIfAbsent(a.workspace(), k -> new ArrayList<>()).add(a.id());
      }
    }
    ObjectNode root = JsonViews.object();
    ArrayNode out = root.putArray("workspaces");
    long[] budget = {MAX_TOTAL_BYTES};
    for (Map.Entry<String, List<String>> w : agentsByWorkspace.entrySet()) {
      ObjectNode n = out.addObject();
      n.put("workspace", w.getKey());
      ArrayNode agents = n.putArray("agents");
      w.getValue().forEach(agents::add);
      Path dir = Path.of(w.getKey());
      boolean exists = Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) || Files.isDirectory(dir);
      n.put("exists", exists);
      ArrayNode files = n.putArray("files");
      if (!exists) {
        continue;
      }
      for (String name : TOP_LEVEL) {
        file(dir, dir.resolve(name), files, budget);
      }
      Path mem = dir.resolve("memory");
      if (Files.isDirectory(mem, LinkOption.NOFOLLOW_LINKS)) {
        List<Path> md = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(mem, "*.md")) {
          for (Path p : ds) {
            md.add(p);
            if (md.size() >= MAX_MEMORY_DIR_FILES) {
              break;
            }
          }
        } catch (IOException e) {
          n.put("problem", "memory directory unreadable");
        }
        md.sort(null);
        for (Path p : md) {
          file(dir, p, files, budget);
        }
      }
    }
    return root;
  }

  private static void file(Path workspace, Path p, ArrayNode files, long[] budget) {
    if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    ObjectNode f = files.addObject();
    f.put("path", workspace.relativize(p).toString().replace('\\', '/'));
    try {
      long size = Files.size(p);
      f.put("sizeBytes", size);
      f.put("modified", Files.getLastModifiedTime(p).toInstant().toString());
      if (budget[0] <= 0) {
        f.putNull("content");
        f.put("truncated", true);
        return;
      }
      int cap = (int) Math.min(MAX_FILE_CHARS * 4L, budget[0]);
      byte[] bytes;
      try (InputStream in = Files.newInputStream(p, LinkOption.NOFOLLOW_LINKS)) {
        bytes = in.readNBytes(cap);
      }
      budget[0] -= bytes.length;
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPLACE)
              .onUnmappableCharacter(CodingErrorAction.REPLACE)
              .decode(java.nio.ByteBuffer.wrap(bytes))
              .toString();
      boolean truncated = bytes.length < size;
      if (text.length() > MAX_FILE_CHARS) {
        text = text.substring(0, MAX_FILE_CHARS);
        truncated = true;
      }
      f.put("content", text);
      f.put("truncated", truncated);
    } catch (IOException e) {
      f.putNull("content");
      f.put("problem", "unreadable");
    }
  }
}
