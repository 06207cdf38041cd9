package io.clawmetry.core.discovery;

import io.clawmetry.api.WarningKind;
import io.clawmetry.core.config.ConfiguredAgent;
import io.clawmetry.core.config.OpenClawConfig;
import io.clawmetry.core.warn.Warnings;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Finds the agents of an installation: the union of {@code <stateDir>/agents/*}, the configured agents and the state
 * database's {@code agent_databases}, and resolves each one's directories (§2, §9 of the format notes).
 */
final class AgentResolver {

  static final String MAIN = "main";
  static final String AGENT_DB_NAME = "openclaw-agent.sqlite";

  private final Path stateDir;
  private final Path home;
  private final String profile;
  private final OpenClawConfig cfg;
  private final Warnings warnings;
  private final List<String> notFound;

  AgentResolver(
      Path stateDir, Path home, String profile, OpenClawConfig cfg, Warnings warnings, List<String> notFound) {
    this.stateDir = stateDir;
    this.home = home;
    this.profile = profile;
    this.cfg = cfg;
    this.warnings = warnings;
    this.notFound = notFound;
  }

  /** Every agent, the default one first, then by id. */
  List<AgentLayout> resolve(List<AgentDatabaseRegistry.Entry> registry) {
    Map<String, Set<String>> foundIn = new TreeMap<>();
    Path agentsRoot = stateDir.resolve("agents");
    if (Files.isDirectory(agentsRoot)) {
      try (DirectoryStream<Path> dirs = Files.newDirectoryStream(agentsRoot, Files::isDirectory)) {
        for (Path d : dirs) {
          note(foundIn, d.getFileName().toString(), "agents dir");
        }
      } catch (IOException | RuntimeException e) {
        warnings.add(WarningKind.UNREADABLE, agentsRoot.toString(), "", "cannot list agents: " + e.getMessage());
      }
    } else {
      notFound.add("no agents directory at " + agentsRoot);
    }
    Map<String, ConfiguredAgent> configured = new LinkedHashMap<>();
    for (ConfiguredAgent a : cfg.agents()) {
      configured.put(a.id(), a);
      note(foundIn, a.id(), "openclaw.json");
    }
    Map<String, AgentDatabaseRegistry.Entry> registered = new LinkedHashMap<>();
    for (AgentDatabaseRegistry.Entry e : registry) {
      AgentDatabaseRegistry.Entry old = registered.get(e.agentId());
      if (old == null || (!Files.exists(old.path()) && Files.exists(e.path()))) {
        registered.put(e.agentId(), e);
      }
      note(foundIn, e.agentId(), "state database");
    }
    if (Files.isDirectory(stateDir.resolve("sessions"))) {
      // the flat pre-agent sessions dir belongs to the default agent, even when no agents dir was ever made
      note(foundIn, cfg.defaultAgentId(), "legacy sessions dir");
    }
    Path mainOverride = mainAgentDirOverride();
    if (mainOverride != null && Files.isDirectory(mainOverride)) {
      note(foundIn, MAIN, "env " + mainOverrideName());
    }
    String defaultId = cfg.defaultAgentId();
    List<AgentLayout> out = new ArrayList<>();
    for (Map.Entry<String, Set<String>> e : foundIn.entrySet()) {
      String id = e.getKey();
      if (!AgentIds.isSafe(id)) {
        warnings.add(WarningKind.PATH, agentsRoot.toString(), "", "agent id unusable as a directory name; skipped");
        continue;
      }
      out.add(layout(id, id.equals(defaultId), configured.get(id), registered.get(id), List.copyOf(e.getValue())));
    }
    out.sort(Comparator.comparing((AgentLayout a) -> !a.isDefault()).thenComparing(AgentLayout::id));
    return out;
  }

  private AgentLayout layout(
      String id, boolean isDefault, ConfiguredAgent conf, AgentDatabaseRegistry.Entry reg, List<String> foundIn) {
    Path agentDir = agentDir(id, conf);
    Path sessionsDir = stateDir.resolve("agents").resolve(id).resolve("sessions");
    return new AgentLayout(
        id, isDefault, agentDir, sessionsDir, database(id, agentDir, reg), workspace(id, isDefault, conf), foundIn);
  }

  private Path agentDir(String id, ConfiguredAgent conf) {
    if (id.equals(MAIN)) {
      Path override = mainAgentDirOverride();
      if (override != null) {
        return override;
      }
    }
    if (conf != null && conf.agentDir() != null) {
      Path p = expand(conf.agentDir());
      if (p != null) {
        return p;
      }
    }
    return stateDir.resolve("agents").resolve(id).resolve("agent");
  }

  private Path database(String id, Path agentDir, AgentDatabaseRegistry.Entry reg) {
    if (reg != null && Files.isRegularFile(reg.path())) {
      return reg.path();
    }
    Path inDir = agentDir.resolve(AGENT_DB_NAME);
    // a configured agentDir of another host (a copied home, a container's path): the database in the state dir's own
    // agent directory, as for a registered path that does not exist here
    Path inStateDir = stateDir.resolve("agents").resolve(id).resolve("agent").resolve(AGENT_DB_NAME);
    Path found = Files.isRegularFile(inDir) ? inDir : Files.isRegularFile(inStateDir) ? inStateDir : null;
    if (reg != null) {
      warnings.add(
          WarningKind.MISSING,
          reg.path().toString(),
          "",
          "agent database registered for " + id + " (\"" + reg.registeredPath() + "\") does not exist"
              + (found == null ? "" : "; reading " + found + " instead"));
    }
    return found != null ? found : reg != null ? reg.path() : null;
  }


  private Path workspace(String id, boolean isDefault, ConfiguredAgent conf) {
    Path chosen = null;
    if (conf != null && conf.workspace() != null) {
      chosen = expand(conf.workspace());
    }
    if (chosen == null) {
      Path defaults = cfg.defaultWorkspace().map(this::expand).orElse(null);
      if (defaults != null) {
        chosen = isDefault ? defaults : defaults.resolve(id);
      }
    }
    if (chosen != null) {
      if (!Files.isDirectory(chosen)) {
        notFound.add("workspace of agent " + id + " not found at " + chosen);
      }
      return chosen;
    }
    List<Path> candidates = new ArrayList<>();
    if (isDefault) {
      candidates.add(stateDir.resolve("workspace"));
      if (profile != null) {
        candidates.add(home.resolve(".openclaw").resolve("workspace-" + profile)); // 2026.4.12
      }
      candidates.add(home.resolve("clawd")); // E1 default
    } else {
      candidates.add(stateDir.resolve("workspace-" + id));
    }
    for (Path c : candidates) {
      if (Files.isDirectory(c)) {
        return c;
      }
    }
    notFound.add("no workspace for agent " + id + " (expected " + candidates.get(0) + ")");
    return null;
  }

  private Path mainAgentDirOverride() {
    String name = mainOverrideName();
    return name == null ? null : expand(cfg.env().get(name));
  }

  private String mainOverrideName() {
    for (String name : List.of("OPENCLAW_AGENT_DIR", "PI_CODING_AGENT_DIR")) {
      String v = cfg.env().get(name);
      if (v != null && !v.isBlank()) {
        return name;
      }
    }
    return null;
  }

  private Path expand(String raw) {
    Path base = cfg.file() != null && cfg.file().getParent() != null ? cfg.file().getParent() : stateDir;
    return UserPaths.expand(raw, home, base);
  }

  private static void note(Map<String, Set<String>> foundIn, String id, String where) {
    foundIn.computeIfAbsent(id, k -> new LinkedHashSet<>()).add(where);
  }
}
