package io.clawmetry.core.cron;

import com.fasterxml.jackson.databind.JsonNode;
import io.clawmetry.core.json.Json;
import io.clawmetry.core.json.JsonNodes;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The session key of each isolated cron run, by its session id, from the run logs {@code <cronDir>/runs/*.jsonl}
 * (FORMATS §7: {@code sessionId} and {@code sessionKey = agent:<a>:cron:<jobId>:run:<sessionId>}). An isolated run's
 * transcript is often in no {@code sessions.json}; this is how its calls still get their key and the origin
 * {@code cron}. The {@code .jsonl.migrated} copies are not read (their runs are in the state database). Lines that
 * are not JSON objects or lack either field are skipped silently: the cron reports warn about them.
 */
public final class CronRunKeys {

  private CronRunKeys() {}

  /** The run-log files of {@code cronDir}, sorted (none when the directory is missing or unreadable). */
  public static List<Path> runLogs(Path cronDir) {
    List<Path> out = new ArrayList<>();
    Path runs = cronDir.resolve("runs");
    if (!Files.isDirectory(runs)) {
      return out;
    }
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(runs, "*.jsonl")) {
      for (Path p : ds) {
        if (Files.isRegularFile(p)) {
          out.add(p);
        }
      }
    } catch (IOException | RuntimeException e) {
      return new ArrayList<>();
    }
    out.sort(null);
    return out;
  }

  /** Session id → session key over the given run logs; a later line wins for the same id. */
  public static Map<String, String> read(List<Path> runLogs) {
    Map<String, String> out = new HashMap<>();
    for (Path log : runLogs) {
      try (BufferedReader in = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
        String line;
        while ((line = in.readLine()) != null) {
          JsonNode e = parse(line);
          String id = e == null ? null : JsonNodes.text(e, "sessionId");
          String key = e == null ? null : JsonNodes.text(e, "sessionKey");
          if (id != null && key != null && !id.isEmpty() && !key.isEmpty()) {
            out.put(id, key);
          }
        }
      } catch (IOException | RuntimeException e) {
        // unreadable or not UTF-8: what was read counts; the cron reports say what is wrong with the file
      }
    }
    return out;
  }

  private static JsonNode parse(String line) {
    if (line.isBlank()) {
      return null;
    }
    try {
      JsonNode n = Json.STRICT.readTree(line);
      return n != null && n.isObject() ? n : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
