package io.clawmetry.core.discovery;

import io.clawmetry.api.Resolved;
import io.clawmetry.core.config.ConfigLoader;
import io.clawmetry.core.config.OpenClawConfig;
import io.clawmetry.core.warn.Warnings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds an OpenClaw installation and resolves every location ClawMetry reads, read-only: it never creates or modifies
 * anything under the state dir, and never throws for a broken installation (problems become warnings).
 */
public final class HomeLocator {

  private final Environment env;
  private final HostDirs host;

  /** A locator for this process's environment and host. */
  public HomeLocator(Environment env) {
    this(env, HostDirs.system());
  }

  /** A locator with explicit host locations (tests, embedding). */
  public HomeLocator(Environment env, HostDirs host) {
    this.env = env;
    this.host = host;
  }

  /**
   * Resolves the installation.
   *
   * @param stateDirOverride the CLI's {@code --home DIR} (the state dir), or null
   */
  public HomeLayout locate(Path stateDirOverride) {
    Warnings warnings = new Warnings();
    List<String> notFound = new ArrayList<>();
    StateDirResolver dirs = new StateDirResolver(env);
    Resolved home = dirs.home();
    Path homePath = Paths.get(home.value());
    String profile = dirs.profile();
    Resolved stateDir = dirs.stateDir(stateDirOverride, homePath, profile);
    Path state = Paths.get(stateDir.value());
    boolean stateExists = Files.isDirectory(state);
    if (!stateExists) {
      notFound.add("no state dir at " + state + " (" + stateDir.origin() + ")");
    }

    Resolved configPath = dirs.configPath(state, homePath);
    Path configFile = Paths.get(configPath.value());
    OpenClawConfig config = new ConfigLoader(env, homePath, state, host.workingDir()).load(configFile, warnings);
    if (!config.exists()) {
      notFound.add("no openclaw.json at " + configFile + ": using defaults");
    } else if (!config.parsed()) {
      notFound.add("openclaw.json at " + configFile + " could not be parsed: using defaults");
    }

    GatewayResolution gateway = GatewayResolver.resolve(config, profile, homePath, state, warnings);

    Path stateDb = state.resolve("state").resolve("openclaw.sqlite");
    List<AgentDatabaseRegistry.Entry> registry = List.of();
    if (Files.isRegularFile(stateDb)) {
      registry = AgentDatabaseRegistry.read(stateDb, state, warnings);
    } else {
      notFound.add("no state database at " + stateDb + ": JSONL-era install (before 2026.5.30)");
      stateDb = null;
    }
    List<AgentLayout> agents =
        new AgentResolver(state, homePath, profile, config, warnings, notFound).resolve(registry);

    Path legacySessions = state.resolve("sessions");
    if (!Files.isDirectory(legacySessions)) {
      legacySessions = null;
    }

    Path cronFile = config.cronStore().map(s -> UserPaths.expand(s, homePath, state)).orElse(null);
    Resolved cronDir =
        cronFile != null && cronFile.getParent() != null
            ? new Resolved(cronFile.getParent().toString(), "openclaw.json cron.store")
            : new Resolved(state.resolve("cron").toString(), "default <stateDir>/cron");
    if (cronFile == null) {
      cronFile = state.resolve("cron").resolve("jobs.json");
    }
    if (stateDb == null && !Files.isRegularFile(cronFile)) {
      notFound.add("no cron store at " + cronFile);
    }

    Path logFile = config.loggingFile().map(s -> UserPaths.expand(s, homePath, state)).orElse(null);
    LogLocator.LogLocation log = LogLocator.locate(logFile, host, profile);
    if (!log.exists()) {
      notFound.add("no gateway log directory at " + log.dir().value() + " (" + log.dir().origin() + ")");
    }

    return new HomeLayout(
        home,
        profile,
        stateDir,
        stateExists,
        configPath,
        config,
        gateway.settings(),
        gateway.secret(),
        config.defaultAgentId(),
        agents,
        legacySessions,
        stateDb,
        cronDir,
        cronFile,
        state.resolve("subagents").resolve("runs.json"),
        log.dir(),
        log.names(),
        config.versionHint().orElse(null),
        notFound,
        warnings.list());
  }
}
