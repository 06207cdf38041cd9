package io.clawmetry.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clawmetry.api.WarningKind;
import io.clawmetry.core.discovery.Environment;
import io.clawmetry.core.discovery.UserPaths;
import io.clawmetry.core.json.Json;
import io.clawmetry.core.warn.Warnings;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads {@code openclaw.json} as OpenClaw does, read-only and without ever throwing: JSON5, {@code $include},
 * environment layers ({@code .env} files and {@code env.vars}), {@code ${VAR}} substitution and gateway SecretRefs
 * (only {@code env} is resolved). Problems become warnings; an unparseable file is treated as empty.
 */
public final class ConfigLoader {

  /** Largest configuration or {@code .env} file read. */
  static final long MAX_FILE_BYTES = 8L * 1024 * 1024;

  private final Environment environment;
  private final Path home;
  private final Path stateDir;
  private final Path workingDir;

  /**
   * @param environment the process environment
   * @param home the user home, for {@code ~} in {@code OPENCLAW_INCLUDE_ROOTS}
   * @param stateDir the state dir, whose {@code .env} supplies variables
   * @param workingDir the working directory, whose {@code .env} supplies variables first
   */
  public ConfigLoader(Environment environment, Path home, Path stateDir, Path workingDir) {
    this.environment = environment;
    this.home = home;
    this.stateDir = stateDir;
    this.workingDir = workingDir;
  }

  /** Loads {@code configFile}; a missing file gives an empty configuration (no warning: the caller reports it). */
  public OpenClawConfig load(Path configFile, Warnings warnings) {
    EnvLookup env = baseEnv(warnings);
    if (!Files.isRegularFile(configFile)) {
      return OpenClawConfig.empty(configFile, env);
    }
    String source = configFile.toString();
    ObjectNode parsed = parse(configFile, warnings);
    if (parsed == null) {
      return new OpenClawConfig(configFile, true, false, JsonNodeFactory.instance.objectNode(), env, Map.of());
    }
    JsonNode withIncludes = new IncludeResolver(configFile, includeRoots(env), warnings).resolve(parsed, configFile);
    if (!withIncludes.isObject()) {
      warnings.add(WarningKind.CONFIG, source, "", "configuration is not an object after $include; treated as empty");
      return new OpenClawConfig(configFile, true, false, JsonNodeFactory.instance.objectNode(), env, Map.of());
    }
    Map<String, String> configVars = configEnvVars(withIncludes.get("env"));
    if (!configVars.isEmpty()) {
      env = env.withLayer("openclaw.json env.vars", configVars);
    }
    EnvSubstitution substitution = new EnvSubstitution(env, warnings, source);
    ObjectNode root = (ObjectNode) substitution.apply(withIncludes);
    Map<String, Secret> secrets = new LinkedHashMap<>();
    SecretResolver resolver = new SecretResolver(env, warnings, source, substitution.substitutedPaths());
    for (String path :
        List.of(
            OpenClawConfig.AUTH_TOKEN,
            OpenClawConfig.AUTH_PASSWORD,
            OpenClawConfig.REMOTE_TOKEN,
            OpenClawConfig.REMOTE_PASSWORD)) {
      resolver.resolve(root, path).ifPresent(s -> secrets.put(path, s));
    }
    return new OpenClawConfig(configFile, true, true, root, env, secrets);
  }

  /** The process environment, then {@code .env} in the working directory, then {@code <stateDir>/.env}. */
  EnvLookup baseEnv(Warnings warnings) {
    EnvLookup env = EnvLookup.of(environment);
    if (workingDir != null) {
      Path cwdEnv = workingDir.resolve(".env");
      env = env.withLayer(cwdEnv.toString(), readDotEnv(cwdEnv, warnings));
    }
    if (stateDir != null) {
      Path stateEnv = stateDir.resolve(".env");
      env = env.withLayer(stateEnv.toString(), readDotEnv(stateEnv, warnings));
    }
    return env;
  }

  private static Map<String, String> readDotEnv(Path file, Warnings warnings) {
    if (!Files.isRegularFile(file)) {
      return Map.of();
    }
    try {
      if (Files.size(file) > MAX_FILE_BYTES) {
        warnings.add(WarningKind.CONFIG, file.toString(), "", ".env file larger than 8 MiB; ignored");
        return Map.of();
      }
      return DotEnvParser.parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      warnings.add(WarningKind.UNREADABLE, file.toString(), "", "cannot read .env file: " + e.getClass().getSimpleName());
      return Map.of();
    }
  }

  private static ObjectNode parse(Path file, Warnings warnings) {
    String source = file.toString();
    String text;
    try {
      if (Files.size(file) > MAX_FILE_BYTES) {
        warnings.add(WarningKind.CONFIG, source, "", "configuration larger than 8 MiB; treated as empty");
        return null;
      }
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      warnings.add(WarningKind.UNREADABLE, source, "", "cannot read configuration: " + e.getClass().getSimpleName());
      return null;
    }
    JsonNode node;
    try {
      node = Json.LENIENT.readTree(IncludeResolver.stripBom(text));
    } catch (JsonProcessingException e) {
      warnings.add(
          WarningKind.CONFIG,
          source,
          JsonParseProblem.position(e),
          "configuration is not valid JSON5 (" + JsonParseProblem.message(e) + "); treated as empty");
      return null;
    }
    if (node == null || node.isMissingNode()) {
      warnings.add(WarningKind.CONFIG, source, "", "configuration file is empty; treated as empty");
      return null;
    }
    if (!node.isObject()) {
      warnings.add(WarningKind.CONFIG, source, "", "configuration is not a JSON object; treated as empty");
      return null;
    }
    return (ObjectNode) node;
  }

  /** {@code OPENCLAW_INCLUDE_ROOTS}: a path list, tilde-expanded; entries not absolute after expansion are dropped. */
  private List<Path> includeRoots(EnvLookup env) {
    String raw = env.get("OPENCLAW_INCLUDE_ROOTS");
    List<Path> roots = new ArrayList<>();
    if (raw == null || raw.isBlank()) {
      return roots;
    }
    for (String entry : raw.split(File.pathSeparator)) {
      String e = entry.strip();
      if (e.isEmpty() || !(e.startsWith("~") || Path.of(e).isAbsolute())) {
        continue;
      }
      Path p = UserPaths.expand(e, home, home);
      if (p != null) {
        roots.add(p);
      }
    }
    return roots;
  }

  /** Variables from {@code env.vars} and the top-level string entries of {@code env}, as OpenClaw collects them. */
  private static Map<String, String> configEnvVars(JsonNode env) {
    Map<String, String> out = new LinkedHashMap<>();
    if (env == null || !env.isObject()) {
      return out;
    }
    JsonNode vars = env.get("vars");
    if (vars != null && vars.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = vars.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getValue().isTextual() && !e.getValue().asText().isEmpty()) {
          out.put(e.getKey(), e.getValue().asText());
        }
      }
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = env.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getKey().equals("vars") && !e.getKey().equals("shellEnv") && e.getValue().isTextual()
          && !e.getValue().asText().isBlank()) {
        out.put(e.getKey(), e.getValue().asText());
      }
    }
    return out;
  }
}
