package io.clawmetry.api;

import java.util.List;

/**
 * What discovery found about an OpenClaw installation.
 *
 * @param stateDir the state directory (as a resolved value with where it came from)
 * @param configPath the configuration file
 * @param configFound whether the configuration file exists and parsed
 * @param versionHint the OpenClaw version the data was last written by, or null
 * @param gateway gateway connection settings
 * @param agents every agent found, with its data era
 * @param logDir the gateway log directory
 * @param cronStore the cron store location
 * @param notFound what was looked for and not found, with why
 * @param warnings problems met during discovery
 */
public record Home(
    Resolved stateDir,
    Resolved configPath,
    boolean configFound,
    String versionHint,
    GatewaySettings gateway,
    List<AgentInfo> agents,
    Resolved logDir,
    Resolved cronStore,
    List<String> notFound,
    List<Warning> warnings) {
  public Home {
    agents = List.copyOf(agents);
    notFound = List.copyOf(notFound);
    warnings = List.copyOf(warnings);
  }
}
