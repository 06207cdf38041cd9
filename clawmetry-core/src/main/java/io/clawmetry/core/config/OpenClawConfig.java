package io.clawmetry.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A loaded {@code openclaw.json}: includes merged, {@code ${VAR}} substituted, gateway secrets resolved, with typed
 * accessors for what ClawMetry needs. Immutable. A missing or unparseable file gives an empty configuration (every
 * accessor empty) rather than an error.
 */
public final class OpenClawConfig {

  /** Names of the gateway secrets resolved at load time. */
  static final String AUTH_TOKEN = "gateway.auth.token";

  static final String AUTH_PASSWORD = "gateway.auth.password";
  static final String REMOTE_TOKEN = "gateway.remote.token";
  static final String REMOTE_PASSWORD = "gateway.remote.password";

  private final Path file;
  private final boolean exists;
  private final boolean parsed;
  private final ObjectNode root;
  private final EnvLookup env;
  private final Map<String, Secret> secrets;

  OpenClawConfig(
      Path file, boolean exists, boolean parsed, ObjectNode root, EnvLookup env, Map<String, Secret> secrets) {
    this.file = file;
    this.exists = exists;
    this.parsed = parsed;
    this.root = root;
    this.env = env;
    this.secrets = Map.copyOf(secrets);
  }

  /** An empty configuration (no file), with the given environment lookup. */
  public static OpenClawConfig empty(Path file, EnvLookup env) {
    return new OpenClawConfig(file, false, false, JsonNodeFactory.instance.objectNode(), env, Map.of());
  }

  /** The configuration file this was loaded from (it may not exist). */
  public Path file() {
    return file;
  }

  /** Whether the file exists. */
  public boolean exists() {
    return exists;
  }

  /** Whether the file exists and parsed (includes or variables may still have produced warnings). */
  public boolean parsed() {
    return parsed;
  }

  /**
   * The environment as OpenClaw sees it (process env, {@code .env} files, {@code env.vars}). Values may be secrets.
   */
  public EnvLookup env() {
    return env;
  }

  /**
   * A copy of the node at a path of keys, for settings without a typed accessor. The tree holds clear-text secrets
   * (tokens, API keys): never print a node wholesale.
   */
  public Optional<JsonNode> node(String... path) {
    JsonNode n = root;
    for (String key : path) {
      n = n.get(key);
      if (n == null || n.isNull()) {
        return Optional.empty();
      }
    }
    return Optional.of(n.deepCopy());
  }

  // ---- gateway ----

  /** {@code gateway.port} when it is a positive integer. */
  public Optional<Integer> gatewayPort() {
    JsonNode n = at("gateway", "port");
    return n != null && n.canConvertToInt() && n.isIntegralNumber() && n.asInt() > 0 && n.asInt() <= 65535
        ? Optional.of(n.asInt())
        : Optional.empty();
  }

  /** {@code gateway.bind}: {@code auto|lan|loopback|custom|tailnet}. */
  public Optional<String> gatewayBind() {
    return text("gateway", "bind");
  }

  /** {@code gateway.customBindHost}. */
  public Optional<String> gatewayCustomBindHost() {
    return text("gateway", "customBindHost");
  }

  /** {@code gateway.mode}: {@code local|remote}. */
  public Optional<String> gatewayMode() {
    return text("gateway", "mode");
  }

  /** {@code gateway.remote.url}. */
  public Optional<String> gatewayRemoteUrl() {
    return text("gateway", "remote", "url");
  }

  /** {@code gateway.tls.enabled}, false when absent. */
  public boolean gatewayTlsEnabled() {
    JsonNode n = at("gateway", "tls", "enabled");
    return n != null && n.asBoolean(false);
  }

  /** {@code gateway.tls.certPath}: the gateway's certificate file (PEM). */
  public Optional<String> gatewayTlsCertPath() {
    return text("gateway", "tls", "certPath");
  }

  /**
   * {@code gateway.remote.tlsFingerprint} as written, any JSON type (anything but a non-empty string is an invalid
   * fingerprint); empty when absent or null.
   */
  public Optional<JsonNode> gatewayRemoteTlsFingerprint() {
    return node("gateway", "remote", "tlsFingerprint");
  }

  /** {@code gateway.auth.mode}: {@code none|token|password|trusted-proxy}. */
  public Optional<String> gatewayAuthMode() {
    return text("gateway", "auth", "mode");
  }

  /** {@code gateway.auth.token}: a string, a {@code ${VAR}} or a SecretRef (resolved only for {@code env}). */
  public Optional<Secret> gatewayAuthToken() {
    return Optional.ofNullable(secrets.get(AUTH_TOKEN));
  }

  /** {@code gateway.auth.password}, as {@link #gatewayAuthToken()}. */
  public Optional<Secret> gatewayAuthPassword() {
    return Optional.ofNullable(secrets.get(AUTH_PASSWORD));
  }

  /** {@code gateway.remote.token}, as {@link #gatewayAuthToken()}. */
  public Optional<Secret> gatewayRemoteToken() {
    return Optional.ofNullable(secrets.get(REMOTE_TOKEN));
  }

  /** {@code gateway.remote.password}, as {@link #gatewayAuthToken()}. */
  public Optional<Secret> gatewayRemotePassword() {
    return Optional.ofNullable(secrets.get(REMOTE_PASSWORD));
  }

  // ---- agents ----

  /**
   * The declared agents, from {@code agents.list[]} and {@code agents.entries.<id>} (an id in both keeps the
   * {@code entries} values, filling gaps from the list), in declaration order.
   */
  public List<ConfiguredAgent> agents() {
    Map<String, ConfiguredAgent> out = new LinkedHashMap<>();
    JsonNode list = at("agents", "list");
    if (list != null && list.isArray()) {
      for (JsonNode a : list) {
        String id = a.isObject() ? textOf(a.get("id")) : null;
        if (id != null && !id.isBlank()) {
          put(out, agent(normaliseAgentId(id), a));
        }
      }
    }
    JsonNode entries = at("agents", "entries");
    if (entries != null && entries.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = entries.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getValue().isObject() && !e.getKey().isBlank()) {
          put(out, agent(normaliseAgentId(e.getKey()), e.getValue()));
        }
      }
    }
    return List.copyOf(out.values());
  }

  /** The default agent id as OpenClaw picks it: the entry marked default, else the first, else {@code main}. */
  public String defaultAgentId() {
    List<ConfiguredAgent> all = agents();
    return all.stream()
        .filter(ConfiguredAgent::isDefault)
        .findFirst()
        .or(() -> all.stream().findFirst())
        .map(ConfiguredAgent::id)
        .orElse("main");
  }

  /** {@code agents.defaults.workspace}. */
  public Optional<String> defaultWorkspace() {
    return text("agents", "defaults", "workspace");
  }

  // ---- models ----

  /** Every {@code models.providers.<p>.models[]} entry with a {@code cost} object, in file order. */
  public List<ProviderModelPrice> modelPrices() {
    List<ProviderModelPrice> out = new ArrayList<>();
    JsonNode providers = at("models", "providers");
    if (providers == null || !providers.isObject()) {
      return List.of();
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = providers.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> p = it.next();
      JsonNode models = p.getValue().get("models");
      if (models == null || !models.isArray()) {
        continue;
      }
      for (JsonNode m : models) {
        String id = m.isObject() ? textOf(m.get("id")) : null;
        JsonNode cost = m.isObject() ? m.get("cost") : null;
        if (id == null || cost == null || !cost.isObject()) {
          continue;
        }
        out.add(
            new ProviderModelPrice(
                p.getKey(),
                id,
                decimal(cost.get("input")),
                decimal(cost.get("output")),
                decimal(cost.get("cacheRead")),
                decimal(cost.get("cacheWrite"))));
      }
    }
    return List.copyOf(out);
  }

  // ---- paths and versions ----

  /** {@code logging.file}. */
  public Optional<String> loggingFile() {
    return text("logging", "file");
  }

  /** {@code cron.store}. */
  public Optional<String> cronStore() {
    return text("cron", "store");
  }

  /** {@code session.mainKey}. */
  public Optional<String> sessionMainKey() {
    return text("session", "mainKey");
  }

  /** {@code session.store}. */
  public Optional<String> sessionStore() {
    return text("session", "store");
  }

  /** {@code meta.lastTouchedVersion}. */
  public Optional<String> lastTouchedVersion() {
    return text("meta", "lastTouchedVersion");
  }

  /** {@code wizard.lastRunVersion}. */
  public Optional<String> wizardLastRunVersion() {
    return text("wizard", "lastRunVersion");
  }

  /** The OpenClaw version that last wrote the file: {@code meta.lastTouchedVersion}, else {@code wizard.lastRunVersion}. */
  public Optional<String> versionHint() {
    return lastTouchedVersion().or(this::wizardLastRunVersion);
  }

  /** A description with no values from the file. */
  @Override
  public String toString() {
    return "OpenClawConfig[" + file + (exists ? (parsed ? "" : ", unparseable") : ", missing") + "]";
  }

  // ---- helpers ----

  static String normaliseAgentId(String id) {
    return id.strip().toLowerCase(java.util.Locale.ROOT);
  }

  private static void put(Map<String, ConfiguredAgent> out, ConfiguredAgent a) {
    ConfiguredAgent old = out.get(a.id());
    if (old == null) {
      out.put(a.id(), a);
      return;
    }
    out.put(
        a.id(),
        new ConfiguredAgent(
            a.id(),
            a.name() != null ? a.name() : old.name(),
            a.workspace() != null ? a.workspace() : old.workspace(),
            a.agentDir() != null ? a.agentDir() : old.agentDir(),
            a.isDefault() || old.isDefault()));
  }

  private static ConfiguredAgent agent(String id, JsonNode a) {
    JsonNode def = a.get("default");
    return new ConfiguredAgent(
        id,
        blankToNull(textOf(a.get("name"))),
        blankToNull(textOf(a.get("workspace"))),
        blankToNull(textOf(a.get("agentDir"))),
        def != null && def.asBoolean(false));
  }

  private JsonNode at(String... path) {
    JsonNode n = root;
    for (String key : path) {
      if (n == null || !n.isObject()) {
        return null;
      }
      n = n.get(key);
    }
    return n;
  }

  private Optional<String> text(String... path) {
    return Optional.ofNullable(blankToNull(textOf(at(path))));
  }

  private static String textOf(JsonNode n) {
    return n != null && n.isTextual() ? n.asText() : null;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static BigDecimal decimal(JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    if (n.isNumber()) {
      return n.decimalValue();
    }
    if (n.isTextual()) {
      try {
        return new BigDecimal(n.asText().strip());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }
}
