package io.clawmetry.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clawmetry.api.Home;
import io.clawmetry.core.json.Json;
import io.clawmetry.core.view.JsonViews;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The last lines of the newest gateway log ({@code openclaw-*.log} in {@code home().logDir()}; format notes §8),
 * parsed as OpenClaw's own parser does: {@code time ?? _meta.date}, level = lower({@code _meta.logLevelName}),
 * subsystem from the bindings in {@code "0"} or from {@code _meta.name}, message = {@code message} ?? the other
 * numeric keys joined by spaces, ANSI colours stripped. A line that is not JSON is kept as plain text.
 *
 * <p>A small reader kept in the HTTP module; it reads at most {@link #MAX_TAIL_BYTES} from the end of the file.
 */
final class GatewayLogs {

  static final int MAX_TAIL_BYTES = 1024 * 1024;
  static final int MAX_LINES = 2000;
  private static final Pattern ANSI = Pattern.compile("\u001b\\[[0-9;]*m");
  private static final Pattern LOG_NAME = Pattern.compile("(openclaw|moltbot|clawdbot)(-[^/]*)?\\.log");

  private GatewayLogs() {}

  /** {@code {dir, file, lines: [{time, level, subsystem, message}]}} with the last {@code n} lines. */
  static ObjectNode tail(Home home, int n) {
    ObjectNode root = JsonViews.object();
    String dirName = home.logDir() == null ? null : home.logDir().value();
    root.put("dir", dirName);
    ArrayNode lines = JsonViews.array();
    Path newest = dirName == null ? null : newest(Path.of(dirName));
    root.put("file", newest == null ? null : newest.getFileName().toString());
    if (newest != null) {
      try {
        List<String> raw = lastLines(newest, Math.min(Math.max(n, 1), MAX_LINES));
        for (String l : raw) {
          lines.add(parse(l));
        }
      } catch (IOException e) {
        root.put("problem", "log file unreadable");
      }
    }
    root.set("lines", lines);
    return root;
  }

  static Path newest(Path dir) {
    if (!Files.isDirectory(dir)) {
      return null;
    }
    Path best = null;
    FileTime bestTime = null;
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      for (Path p : ds) {
        if (!LOG_NAME.matcher(p.getFileName().toString()).matches() || !Files.isRegularFile(p)) {
          continue;
        }
        FileTime t = Files.getLastModifiedTime(p);
        if (bestTime == null || t.compareTo(bestTime) > 0
            || t.equals(bestTime) && p.getFileName().toString().compareTo(best.getFileName().toString()) > 0) {
          best = p;
          bestTime = t;
        }
      }
    } catch (IOException e) {
      return null;
    }
    return best;
  }

  static List<String> lastLines(Path file, int n) throws IOException {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
      long len = f.length();
      long start = Math.max(0, len - MAX_TAIL_BYTES);
      byte[] buf = new byte[(int) (len - start)];
      f.seek(start);
      f.readFully(buf);
      String text = new String(buf, StandardCharsets.UTF_8);
      String[] all = text.split("\r?\n");
      int from = start > 0 ? 1 : 0; // the first line may be cut
      List<String> out = new ArrayList<>();
      for (int i = Math.max(from, all.length - n); i < all.length; i++) {
        if (!all[i].isBlank()) {
          out.add(all[i]);
        }
      }
      return out;
    }
  }

  static ObjectNode parse(String line) {
    ObjectNode o = JsonViews.object();
    String clean = ANSI.matcher(line).replaceAll("");
    JsonNode j = null;
    if (clean.startsWith("{")) {
      try {
        j = Json.LENIENT.readTree(clean);
      } catch (IOException | RuntimeException e) {
        j = null;
      }
    }
    if (j == null || !j.isObject()) {
      o.putNull("time");
      o.putNull("level");
      o.putNull("subsystem");
      o.put("message", clean);
      return o;
    }
    JsonNode meta = j.path("_meta");
    o.put("time", text(j.get("time"), text(meta.get("date"), null)));
    String level = text(meta.get("logLevelName"), null);
    o.put("level", level == null ? null : level.toLowerCase(Locale.ROOT));
    String subsystem = null;
    boolean zeroIsBindings = false;
    JsonNode zero = j.get("0");
    if (zero != null && zero.isTextual() && zero.asText().startsWith("{")) {
      JsonNode b = readObject(zero.asText());
      if (b != null) {
        zeroIsBindings = true;
        subsystem = text(b.get("subsystem"), text(b.get("module"), null));
      }
    }
    if (subsystem == null && meta.has("name")) {
      JsonNode b = readObject(meta.get("name").asText());
      subsystem = b == null ? null : text(b.get("subsystem"), text(b.get("module"), null));
    }
    o.put("subsystem", subsystem);
    String message = text(j.get("message"), null);
    if (message == null) {
      StringBuilder sb = new StringBuilder();
      for (Iterator<Map.Entry<String, JsonNode>> it = j.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!e.getKey().matches("\\d+") || e.getKey().equals("0") && zeroIsBindings) {
          continue;
        }
        sb.append(sb.length() > 0 ? " " : "").append(e.getValue().isTextual() ? e.getValue().asText() : e.getValue());
      }
      message = sb.toString();
    }
    o.put("message", ANSI.matcher(message).replaceAll(""));
    return o;
  }

  private static JsonNode readObject(String s) {
    try {
      JsonNode n = Json.LENIENT.readTree(s);
      return n != null && n.isObject() ? n : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static String text(JsonNode n, String dflt) {
    return n == null || n.isNull() ? dflt : n.asText();
  }
}
