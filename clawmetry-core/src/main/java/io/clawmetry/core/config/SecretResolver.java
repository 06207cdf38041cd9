package io.clawmetry.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.clawmetry.api.WarningKind;
import io.clawmetry.core.warn.Warnings;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves one secret field of the configuration: a plain string (possibly from {@code ${VAR}}) or a SecretRef. Only
 * SecretRefs of source {@code env} are resolved; {@code exec} is never run and {@code file} never read. Warnings name
 * the field and the reference, never a value.
 */
final class SecretResolver {

  private final EnvLookup env;
  private final Warnings warnings;
  private final String source;
  private final Map<String, List<String>> substitutedPaths;

  SecretResolver(EnvLookup env, Warnings warnings, String source, Map<String, List<String>> substitutedPaths) {
    this.env = env;
    this.warnings = warnings;
    this.source = source;
    this.substitutedPaths = substitutedPaths;
  }

  /** The secret at a dotted path, empty when the field is absent, null or an empty string. */
  Optional<Secret> resolve(JsonNode root, String dottedPath) {
    JsonNode n = root;
    for (String key : dottedPath.split("\\.")) {
      n = n != null && n.isObject() ? n.get(key) : null;
    }
    if (n == null || n.isNull()) {
      return Optional.empty();
    }
    String field = "openclaw.json " + dottedPath;
    if (n.isTextual()) {
      if (n.asText().isEmpty()) {
        return Optional.empty();
      }
      List<String> vars = substitutedPaths.get(dottedPath);
      String from = vars == null ? field : field + " via ${" + String.join("}, ${", vars) + "}";
      return Optional.of(Secret.of(n.asText(), from));
    }
    Optional<SecretRef> ref = SecretRef.from(n);
    if (ref.isEmpty()) {
      warnings.add(WarningKind.CONFIG, source + "#" + dottedPath, "", dottedPath + " is neither a string nor a SecretRef");
      return Optional.empty();
    }
    SecretRef r = ref.get();
    if (r.source().equals("env")) {
      String v = env.get(r.id());
      if (v != null) {
        return Optional.of(Secret.of(v, r.describe()));
      }
      warnings.add(WarningKind.CONFIG, source + "#" + dottedPath, "", dottedPath + ": " + r.describe() + " is not set");
      return Optional.of(Secret.unavailable(r.describe() + " (not set)"));
    }
    String why = r.source().equals("exec") ? "ClawMetry never runs exec secrets" : "ClawMetry never reads file secrets";
    warnings.add(WarningKind.CONFIG, source + "#" + dottedPath, "", dottedPath + ": " + r.describe() + " not resolved (" + why + ")");
    return Optional.of(Secret.unavailable(r.describe() + " (" + why + ")"));
  }
}
