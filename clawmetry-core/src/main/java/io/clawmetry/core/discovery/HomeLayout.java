package io.clawmetry.core.discovery;

import io.clawmetry.api.GatewaySettings;
import io.clawmetry.api.Resolved;
import io.clawmetry.api.Warning;
import io.clawmetry.core.config.OpenClawConfig;
import io.clawmetry.core.config.Secret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/**
 * Everything discovery resolved about one OpenClaw installation, each location with where it came from. Nothing here
 * was created or modified on disk. {@link #toString()} is safe to print: the configuration and the secret describe
 * themselves without values.
 *
 * @param home the user home ({@code OPENCLAW_HOME} → {@code HOME} → OS home)
 * @param profile {@code OPENCLAW_PROFILE}, or null
 * @param stateDir the state dir
 * @param stateDirExists whether the state dir exists
 * @param configPath the configuration file
 * @param config the loaded configuration (empty when missing or unparseable)
 * @param gateway gateway settings, with no secret
 * @param gatewaySecret the gateway credential for the gateway client, or null; never print {@code reveal()}
 * @param defaultAgentId the default agent id
 * @param agents every agent, the default first
 * @param legacySessionsDir the flat pre-agent {@code <stateDir>/sessions/} dir (E0), or null when absent
 * @param stateDatabase {@code <stateDir>/state/openclaw.sqlite}, or null when absent
 * @param cronDir the cron dir ({@code <stateDir>/cron} or the parent of {@code cron.store})
 * @param cronStoreFile {@code <cronDir>/jobs.json} or {@code cron.store}
 * @param subagentRunsFile {@code <stateDir>/subagents/runs.json} (it may not exist)
 * @param logDir the gateway log dir
 * @param logFiles which file names in {@code logDir} are gateway logs
 * @param versionHint {@code meta.lastTouchedVersion} or {@code wizard.lastRunVersion}, or null
 * @param notFound human sentences about what was looked for and not found
 * @param warnings problems met during discovery
 */
public record HomeLayout(
    Resolved home,
    String profile,
    Resolved stateDir,
    boolean stateDirExists,
    Resolved configPath,
    OpenClawConfig config,
    GatewaySettings gateway,
    Secret gatewaySecret,
    String defaultAgentId,
    List<AgentLayout> agents,
    Path legacySessionsDir,
    Path stateDatabase,
    Resolved cronDir,
    Path cronStoreFile,
    Path subagentRunsFile,
    Resolved logDir,
    LogFileNames logFiles,
    String versionHint,
    List<String> notFound,
    List<Warning> warnings) {

  public HomeLayout {
    agents = List.copyOf(agents);
    notFound = List.copyOf(notFound);
    warnings = List.copyOf(warnings);
  }

  /**
   * Whether anything of OpenClaw was found: a configuration file, an agent (a dir, a configured or registered one), the
   * flat pre-agent sessions dir, the state database or a cron store. A directory without any of these is not a home
   * (a mistyped {@code --home}, a folder of copied files), even a fresh install has its configuration.
   */
  public boolean hasOpenClawData() {
    return Files.isRegularFile(configFile())
        || !agents.isEmpty()
        || legacySessionsDir != null
        || stateDatabase != null
        || Files.isRegularFile(cronStoreFile);
  }

  /** The state dir as a path. */
  public Path stateDirPath() {
    return Paths.get(stateDir.value());
  }

  /** The configuration file as a path. */
  public Path configFile() {
    return Paths.get(configPath.value());
  }

  /** Whether the configuration file exists and parsed. */
  public boolean configFound() {
    return config.parsed();
  }
}
