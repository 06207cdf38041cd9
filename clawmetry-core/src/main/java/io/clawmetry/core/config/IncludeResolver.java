package io.clawmetry.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clawmetry.api.WarningKind;
import io.clawmetry.core.json.Json;
import io.clawmetry.core.warn.Warnings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Resolves {@code $include} as OpenClaw does ({@code src/config/includes.ts}): a path or an array of paths, relative
 * to the including file, loaded as JSON5, nested up to {@value #MAX_DEPTH} levels, deep-merged (the included content
 * first, then the sibling keys win). Includes must stay inside the directory of the top-level config or one of the
 * extra roots ({@code OPENCLAW_INCLUDE_ROOTS}), also after following symbolic links. A cycle, an escape, a missing or
 * unparseable file becomes a warning and contributes nothing; it never throws.
 */
final class IncludeResolver {

  static final String INCLUDE_KEY = "$include";
  static final int MAX_DEPTH = 10;
  static final long MAX_FILE_BYTES = 2L * 1024 * 1024;

  private final List<Path> roots;
  private final Warnings warnings;

  /**
   * @param configFile the top-level configuration file
   * @param extraRoots further directories includes may point into (absolute)
   */
  IncludeResolver(Path configFile, List<Path> extraRoots, Warnings warnings) {
    List<Path> r = new ArrayList<>();
    r.add(configFile.toAbsolutePath().normalize().getParent());
    for (Path p : extraRoots) {
      r.add(p.toAbsolutePath().normalize());
    }
    this.roots = List.copyOf(r);
    this.warnings = warnings;
  }

  /** Resolves every {@code $include} in {@code root}, which was read from {@code file}. */
  JsonNode resolve(JsonNode root, Path file) {
    Path f = file.toAbsolutePath().normalize();
    return process(root, f, List.of(f), 0);
  }

  private JsonNode process(JsonNode node, Path file, List<Path> chain, int depth) {
    if (node.isArray()) {
      var out = JsonNodeFactory.instance.arrayNode();
      node.forEach(n -> out.add(process(n, file, chain, depth)));
      return out;
    }
    if (!node.isObject()) {
      return node;
    }
    ObjectNode rest = JsonNodeFactory.instance.objectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getKey().equals(INCLUDE_KEY)) {
        rest.set(e.getKey(), process(e.getValue(), file, chain, depth));
      }
    }
    if (!node.has(INCLUDE_KEY)) {
      return rest;
    }
    JsonNode included = resolveInclude(node.get(INCLUDE_KEY), file, chain, depth);
    if (rest.isEmpty()) {
      return included;
    }
    if (!included.isObject()) {
      warnings.add(WarningKind.CONFIG, file.toString(), "", "$include next to other keys must name an object; ignored");
      return rest;
    }
    return JsonMerge.deepMerge(included, rest);
  }

  private JsonNode resolveInclude(JsonNode value, Path file, List<Path> chain, int depth) {
    if (value.isTextual()) {
      return load(value.asText(), file, chain, depth);
    }
    if (value.isArray()) {
      JsonNode merged = JsonNodeFactory.instance.objectNode();
      for (JsonNode item : value) {
        if (!item.isTextual()) {
          warnings.add(WarningKind.CONFIG, file.toString(), "", "$include array item is not a string; skipped");
          continue;
        }
        merged = JsonMerge.deepMerge(merged, load(item.asText(), file, chain, depth));
      }
      return merged;
    }
    warnings.add(WarningKind.CONFIG, file.toString(), "", "$include must be a string or an array of strings; ignored");
    return JsonNodeFactory.instance.objectNode();
  }

  private JsonNode load(String includePath, Path file, List<Path> chain, int depth) {
    ObjectNode nothing = JsonNodeFactory.instance.objectNode();
    if (includePath.isEmpty() || includePath.indexOf('\0') >= 0) {
      warnings.add(WarningKind.CONFIG, file.toString(), "", "invalid $include path; ignored");
      return nothing;
    }
    Path p = Paths.get(includePath);
    Path resolved = (p.isAbsolute() ? p : file.getParent().resolve(p)).toAbsolutePath().normalize();
    if (!isInsideRoots(resolved)) {
      warnings.add(
          WarningKind.PATH,
          resolved.toString(),
          "",
          "$include \"" + includePath + "\" in " + file + " escapes the config directory " + roots.get(0)
              + " (widen with OPENCLAW_INCLUDE_ROOTS); not loaded");
      return nothing;
    }
    if (chain.contains(resolved)) {
      String cycle = chain.stream().map(Path::toString).collect(Collectors.joining(" -> ")) + " -> " + resolved;
      warnings.add(WarningKind.CONFIG, resolved.toString(), "", "circular $include: " + cycle + "; not loaded again");
      return nothing;
    }
    if (depth >= MAX_DEPTH) {
      warnings.add(
          WarningKind.CONFIG, resolved.toString(), "", "$include nested deeper than " + MAX_DEPTH + "; not loaded");
      return nothing;
    }
    if (!Files.isRegularFile(resolved)) {
      warnings.add(WarningKind.MISSING, resolved.toString(), "", "$include file not found (from " + file + ")");
      return nothing;
    }
    String text;
    try {
      if (Files.size(resolved) > MAX_FILE_BYTES) {
        warnings.add(WarningKind.CONFIG, resolved.toString(), "", "$include file larger than 2 MiB; not loaded");
        return nothing;
      }
      text = Files.readString(resolved, StandardCharsets.UTF_8);
    } catch (IOException e) {
      warnings.add(WarningKind.UNREADABLE, resolved.toString(), "", "cannot read $include file: " + e.getMessage());
      return nothing;
    }
    JsonNode parsed;
    try {
      parsed = Json.LENIENT.readTree(stripBom(text));
    } catch (JsonProcessingException e) {
      warnings.add(
          WarningKind.CONFIG,
          resolved.toString(),
          JsonParseProblem.position(e),
          "$include file is not valid JSON5: " + JsonParseProblem.message(e));
      return nothing;
    }
    if (parsed == null || parsed.isMissingNode()) {
      warnings.add(WarningKind.CONFIG, resolved.toString(), "", "$include file is empty");
      return nothing;
    }
    List<Path> next = new ArrayList<>(chain);
    next.add(resolved);
    return process(parsed, resolved, next, depth + 1);
  }

  private boolean isInsideRoots(Path resolved) {
    boolean lexical = roots.stream().anyMatch(resolved::startsWith);
    if (!lexical || !Files.exists(resolved)) {
      return lexical;
    }
    try {
      Path real = resolved.toRealPath();
      for (Path root : roots) {
        Path realRoot = Files.exists(root) ? root.toRealPath() : root;
        if (real.startsWith(realRoot)) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      return lexical;
    }
  }

  static String stripBom(String text) {
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }
}
