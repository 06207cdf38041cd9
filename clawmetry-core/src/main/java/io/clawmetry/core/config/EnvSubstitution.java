package io.clawmetry.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.clawmetry.api.WarningKind;
import io.clawmetry.core.warn.Warnings;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code ${VAR}} substitution in string values, as OpenClaw's {@code src/config/env-substitution.ts}: names match
 * {@code [A-Z_][A-Z0-9_]*}, {@code $${VAR}} gives a literal {@code ${VAR}}, anything else is left untouched. An unset
 * or empty variable becomes an empty string and a CONFIG warning (OpenClaw refuses to start). {@code ${pass:…}} /
 * {@code ${gopass:…}} secret lookups are never run: they are left as written, with a warning.
 */
final class EnvSubstitution {

  private static final Pattern NAME = Pattern.compile("[A-Z_][A-Z0-9_]*");

  private final EnvLookup env;
  private final Warnings warnings;
  private final String source;
  private final Map<String, List<String>> substituted = new LinkedHashMap<>();

  EnvSubstitution(EnvLookup env, Warnings warnings, String source) {
    this.env = env;
    this.warnings = warnings;
    this.source = source;
  }

  /** A substituted copy of {@code node}. */
  JsonNode apply(JsonNode node) {
    return walk(node, "");
  }

  /** For each config path (dotted) whose string used variables, the variable names. */
  Map<String, List<String>> substitutedPaths() {
    return Map.copyOf(substituted);
  }

  private JsonNode walk(JsonNode node, String path) {
    if (node.isTextual()) {
      return TextNode.valueOf(substitute(node.asText(), path));
    }
    if (node.isArray()) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      int i = 0;
      for (JsonNode n : node) {
        out.add(walk(n, path + "[" + i++ + "]"));
      }
      return out;
    }
    if (node.isObject()) {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        out.set(e.getKey(), walk(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey()));
      }
      return out;
    }
    return node;
  }

  /** Substitutes one string; {@code path} names it in warnings. */
  String substitute(String value, String path) {
    if (value.indexOf('$') < 0) {
      return value;
    }
    StringBuilder out = new StringBuilder(value.length());
    List<String> used = new ArrayList<>();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c != '$') {
        out.append(c);
        continue;
      }
      boolean escaped = i + 2 < value.length() && value.charAt(i + 1) == '$' && value.charAt(i + 2) == '{';
      int open = escaped ? i + 2 : i + 1;
      if (open < value.length() && value.charAt(open) == '{') {
        int end = value.indexOf('}', open + 1);
        if (end > 0) {
          String ref = value.substring(open + 1, end);
          boolean isName = NAME.matcher(ref).matches();
          boolean isSecretLookup = ref.startsWith("pass:") || ref.startsWith("gopass:");
          if (escaped && (isName || isSecretLookup)) {
            out.append("${").append(ref).append('}');
            i = end;
            continue;
          }
          if (!escaped && isName) {
            String v = env.get(ref);
            if (v == null) {
              warnings.add(
                  WarningKind.CONFIG,
                  source + "#" + path,
                  "",
                  "${" + ref + "} at " + path + " is not set (environment, .env files, env.vars); left empty");
            } else {
              out.append(v);
            }
            used.add(ref);
            i = end;
            continue;
          }
          if (!escaped && isSecretLookup) {
            warnings.add(
                WarningKind.CONFIG,
                source + "#" + path,
                "",
                "${" + ref.substring(0, ref.indexOf(':')) + ":…} at " + path
                    + " is a password-store lookup; ClawMetry never runs it");
          }
        }
      }
      out.append(c);
    }
    if (!used.isEmpty()) {
      substituted.put(path, List.copyOf(used));
    }
    return out.toString();
  }
}
