package io.clawmetry.core.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clawmetry.api.Resolved;
import io.clawmetry.api.WarningKind;
import io.clawmetry.core.testing.TestHomes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HomeLocatorTest {

  @TempDir Path tmp;
  Path home;
  HostDirs host;

  @BeforeEach
  void setUp() throws IOException {
    home = Files.createDirectories(tmp.resolve("home"));
    host = new HostDirs(Files.createDirectories(tmp.resolve("slash-tmp")), tmp.resolve("java-tmp"), 1000, tmp);
  }

  private HomeLayout locate(Map<String, String> vars) {
    return locate(vars, null);
  }

  private HomeLayout locate(Map<String, String> vars, Path override) {
    return new HomeLocator(Environment.of(vars, home), host).locate(override);
  }

  private Path mkdir(Path p) throws IOException {
    return Files.createDirectories(p);
  }

  private Path write(Path p, String text) throws IOException {
    Files.createDirectories(p.getParent());
    return Files.writeString(p, text);
  }

  // ---- state dir ----

  /**
   * Each row creates every candidate; the expected winner is the first that applies. Rows drop the higher-priority
   * sources one by one.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "override,           --home",
    "OPENCLAW_STATE_DIR, env OPENCLAW_STATE_DIR",
    "CLAWDBOT_STATE_DIR, env CLAWDBOT_STATE_DIR",
    "OPENCLAW_PROFILE,   env OPENCLAW_PROFILE",
    ".openclaw,          ~/.openclaw (exists)",
    ".clawdbot,          legacy ~/.clawdbot (exists)",
    ".moltbot,           legacy ~/.moltbot (exists)",
    ".moldbot,           legacy ~/.moldbot (exists)",
    ".clawdis,           legacy ~/.clawdis (exists)",
    "none,               default ~/.openclaw (not found)"
  })
  void stateDirPrecedence(String winner, String origin) throws IOException {
    List<String> order =
        List.of(
            "override", "OPENCLAW_STATE_DIR", "CLAWDBOT_STATE_DIR", "OPENCLAW_PROFILE", ".openclaw", ".clawdbot",
            ".moltbot", ".moldbot", ".clawdis", "none");
    Map<String, String> vars = new HashMap<>();
    Path override = null;
    Map<String, Path> expected = new HashMap<>();
    for (String source : order.subList(order.indexOf(winner), order.size())) {
      switch (source) {
        case "override" -> expected.put(source, override = mkdir(tmp.resolve("cli-home")));
        case "OPENCLAW_STATE_DIR", "CLAWDBOT_STATE_DIR" -> {
          Path p = mkdir(tmp.resolve(source.toLowerCase()));
          vars.put(source, p.toString());
          expected.put(source, p);
        }
        case "OPENCLAW_PROFILE" -> {
          vars.put(source, "work");
          expected.put(source, home.resolve(".openclaw-work"));
        }
        case "none" -> expected.put(source, home.resolve(".openclaw"));
        default -> expected.put(source, mkdir(home.resolve(source)));
      }
    }
    HomeLayout layout = locate(vars, override);
    assertEquals(new Resolved(expected.get(winner).toString(), origin), layout.stateDir());
  }

  @Test
  void defaultProfileIsNoProfileAndTildeIsExpanded() throws IOException {
    mkdir(home.resolve("custom"));
    HomeLayout a = locate(Map.of("OPENCLAW_STATE_DIR", "~/custom", "OPENCLAW_PROFILE", "default"));
    assertEquals(home.resolve("custom").toString(), a.stateDir().value());
    assertNull(a.profile());
    HomeLayout b = locate(Map.of("OPENCLAW_PROFILE", "Default"));
    assertEquals(home.resolve(".openclaw").toString(), b.stateDir().value());
  }

  @Test
  void homePrecedence() throws IOException {
    Path oc = mkdir(tmp.resolve("oc-home"));
    Path env = mkdir(tmp.resolve("env-home"));
    assertEquals(
        new Resolved(oc.toString(), "env OPENCLAW_HOME"),
        locate(Map.of("OPENCLAW_HOME", oc.toString(), "HOME", env.toString())).home());
    assertEquals(new Resolved(env.toString(), "env HOME"), locate(Map.of("HOME", env.toString())).home());
    assertEquals(
        new Resolved(env.resolve("sub").toString(), "env OPENCLAW_HOME"),
        locate(Map.of("OPENCLAW_HOME", "~/sub", "HOME", env.toString())).home());
    assertEquals(new Resolved(home.toString(), "OS user home"), locate(Map.of()).home());
    assertEquals(
        env.resolve(".openclaw").toString(), locate(Map.of("HOME", env.toString())).stateDir().value());
  }

  // ---- config path ----

  @Test
  void configPathPrecedence() throws IOException {
    Path state = mkdir(home.resolve(".openclaw"));
    assertEquals(
        new Resolved(state.resolve("openclaw.json").toString(), "default <stateDir>/openclaw.json"),
        locate(Map.of()).configPath());
    write(state.resolve("moldbot.json"), "{}");
    assertEquals(state.resolve("moldbot.json").toString(), locate(Map.of()).configPath().value());
    write(state.resolve("clawdbot.json"), "{}");
    assertEquals(
        new Resolved(state.resolve("clawdbot.json").toString(), "<stateDir>/clawdbot.json (exists)"),
        locate(Map.of()).configPath());
    write(state.resolve("openclaw.json"), "{}");
    assertEquals(state.resolve("openclaw.json").toString(), locate(Map.of()).configPath().value());
    assertEquals(
        new Resolved(home.resolve("elsewhere.json").toString(), "env OPENCLAW_CONFIG_PATH"),
        locate(Map.of("OPENCLAW_CONFIG_PATH", "~/elsewhere.json")).configPath());
  }

  @Test
  void missingConfigAndStateDbAreReportedAsNotFound() {
    HomeLayout l = locate(Map.of());
    assertFalse(l.configFound());
    assertFalse(l.stateDirExists());
    assertTrue(
        l.notFound().contains("no openclaw.json at " + home.resolve(".openclaw/openclaw.json") + ": using defaults"),
        l.notFound().toString());
    assertTrue(
        l.notFound()
            .contains(
                "no state database at " + home.resolve(".openclaw/state/openclaw.sqlite")
                    + ": JSONL-era install (before 2026.5.30)"),
        l.notFound().toString());
    assertNull(l.stateDatabase());
    assertTrue(l.agents().isEmpty());
    assertEquals("main", l.defaultAgentId());
    assertTrue(l.warnings().isEmpty());
  }

  @Test
  void malformedConfigIsAWarningNotAnException() throws IOException {
    write(home.resolve(".openclaw/openclaw.json"), "{ gateway: { port: }");
    HomeLayout l = locate(Map.of());
    assertFalse(l.configFound());
    assertEquals(WarningKind.CONFIG, l.warnings().get(0).kind());
    assertEquals("line 1, column 20", l.warnings().get(0).firstPosition());
    assertEquals("18789", l.gateway().port().value());
  }

  // ---- gateway ----

  @ParameterizedTest(name = "{0} / {1} / {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "19000        | 18800 |      | 19000 | env OPENCLAW_GATEWAY_PORT",
        "0.0.0.0:19002| 18800 |      | 19002 | env OPENCLAW_GATEWAY_PORT",
        "[::1]:19003  | 18800 |      | 19003 | env OPENCLAW_GATEWAY_PORT",
        "::1:19004    | 18800 |      | 18800 | openclaw.json gateway.port",
        "nonsense     |       |      | 18789 | default",
        "             | 18800 | dev  | 18800 | openclaw.json gateway.port",
        "             |       | dev  | 19001 | profile dev",
        "             |       | work | 18789 | default",
        "             |       |      | 18789 | default"
      })
  void portPrecedence(String envPort, String configPort, String profile, String port, String origin)
      throws IOException {
    Map<String, String> vars = new HashMap<>();
    if (envPort != null) {
      vars.put("OPENCLAW_GATEWAY_PORT", envPort);
    }
    if (profile != null) {
      vars.put("OPENCLAW_PROFILE", profile);
    }
    Path state = mkdir(tmp.resolve("st"));
    vars.put("OPENCLAW_STATE_DIR", state.toString());
    write(state.resolve("openclaw.json"), configPort == null ? "{}" : "{ gateway: { port: " + configPort + " } }");
    HomeLayout l = locate(vars);
    assertEquals(new Resolved(port, origin), l.gateway().port());
    boolean invalidEnv = envPort != null && (envPort.equals("nonsense") || envPort.equals("::1:19004"));
    assertEquals(invalidEnv ? 1 : 0, l.warnings().size(), l.warnings().toString());
  }

  @Test
  void portFromStateDirDotEnvNamesItsOrigin() throws IOException {
    Path state = mkdir(home.resolve(".openclaw"));
    write(state.resolve(".env"), "OPENCLAW_GATEWAY_PORT=127.0.0.1:18999\n");
    assertEquals(
        new Resolved("18999", "OPENCLAW_GATEWAY_PORT from " + state.resolve(".env")), locate(Map.of()).gateway().port());
  }

  @Test
  void envCredentialOverridesConfigAndSecretsNeverShow() throws IOException {
    Path state = mkdir(home.resolve(".openclaw"));
    write(
        state.resolve("openclaw.json"),
        "{ gateway: { bind: 'lan', tls: { enabled: true }, auth: { mode: 'token', token: 'cfg-token-xyz' } } }");
    HomeLayout fromConfig = locate(Map.of());
    assertEquals("openclaw.json gateway.auth.token", fromConfig.gateway().credential());
    assertTrue(fromConfig.gateway().credentialAvailable());
    assertEquals("cfg-token-xyz", fromConfig.gatewaySecret().reveal().orElseThrow());
    assertEquals("lan", fromConfig.gateway().bind());
    assertTrue(fromConfig.gateway().tls());
    assertEquals("local", fromConfig.gateway().mode());
    assertNull(fromConfig.gateway().remoteUrl());

    HomeLayout fromEnv = locate(Map.of("OPENCLAW_GATEWAY_TOKEN", "env-token-abc"));
    assertEquals("env OPENCLAW_GATEWAY_TOKEN", fromEnv.gateway().credential());
    assertEquals("env-token-abc", fromEnv.gatewaySecret().reveal().orElseThrow());
    String printed = fromConfig + " " + fromEnv;
    assertFalse(printed.contains("cfg-token-xyz"), printed);
    assertFalse(printed.contains("env-token-abc"), printed);
  }

  /**
   * OPENCLAW_GATEWAY_URL wins over the configured URL and, as in OpenClaw, takes its credential from the environment
   * only; in remote mode gateway.remote.tlsFingerprint pins it, and the local certificate file never does.
   */
  @Test
  void gatewayUrlFromTheEnvironment() throws IOException {
    Path state = mkdir(home.resolve(".openclaw"));
    write(state.resolve("openclaw.json"), "{ gateway: { mode: 'remote', auth: { token: 'local' }, remote: { url:"
        + " 'wss://configured.example', token: 'cfg', tlsFingerprint: '"
        + "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff' } } }");
    HomeLayout noCredential = locate(Map.of("OPENCLAW_GATEWAY_URL", " wss://env.example:8443 "));
    assertEquals("wss://env.example:8443", noCredential.gateway().envUrl());
    assertEquals("wss://configured.example", noCredential.gateway().remoteUrl());
    assertEquals("none", noCredential.gateway().credential(), "config credentials are not reused");
    assertNull(noCredential.gatewaySecret());
    assertEquals("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff",
        noCredential.gateway().tlsPin().fingerprint());
    assertEquals(java.net.URI.create("wss://env.example:8443/"),
        io.clawmetry.core.gateway.GatewayConnector.url(noCredential.gateway()));

    HomeLayout withToken = locate(Map.of("OPENCLAW_GATEWAY_URL", "wss://env.example:8443",
        "OPENCLAW_GATEWAY_TOKEN", "env-token"));
    assertEquals("env OPENCLAW_GATEWAY_TOKEN", withToken.gateway().credential());
    assertTrue(withToken.gateway().credentialAvailable());

    write(state.resolve("openclaw.json"), "{ gateway: { tls: { enabled: true } } }");
    HomeLayout local = locate(Map.of("OPENCLAW_GATEWAY_URL", "wss://127.0.0.1:18789"));
    assertNull(local.gateway().tlsPin(), "the local certificate pins only the local gateway's own URL");
    HomeLayout unset = locate(Map.of("OPENCLAW_GATEWAY_URL", "  "));
    assertNull(unset.gateway().envUrl());
  }

  @Test
  void passwordModeNoneModeAndRemoteMode() throws IOException {
    Path state = mkdir(home.resolve(".openclaw"));
    write(state.resolve("openclaw.json"), "{ gateway: { auth: { password: 'pw' } } }");
    HomeLayout pw = locate(Map.of("OPENCLAW_GATEWAY_PASSWORD", "env-pw"));
    assertEquals("password", pw.gateway().authMode());
    assertEquals("env OPENCLAW_GATEWAY_PASSWORD", pw.gateway().credential());

    write(state.resolve("openclaw.json"), "{ gateway: { auth: { mode: 'none', token: 't' } } }");
    HomeLayout none = locate(Map.of());
    assertEquals("none", none.gateway().credential());
    assertFalse(none.gateway().credentialAvailable());
    assertNull(none.gatewaySecret());

    write(
        state.resolve("openclaw.json"),
        "{ gateway: { mode: 'remote', remote: { url: 'wss://gw.example:443', token: { source: 'exec', id: 'x' } } } }");
    HomeLayout remote = locate(Map.of());
    assertEquals("wss://gw.example:443", remote.gateway().remoteUrl());
    assertEquals("SecretRef exec:x (ClawMetry never runs exec secrets)", remote.gateway().credential());
    assertFalse(remote.gateway().credentialAvailable());
  }

  // ---- agents ----

  @Test
  void agentsAreTheUnionOfDirsConfigAndStateDb() throws Exception {
    Path state = mkdir(home.resolve(".openclaw"));
    mkdir(state.resolve("agents/main/agent"));
    write(state.resolve("agents/main/agent/openclaw-agent.sqlite"), "");
    mkdir(state.resolve("agents/dironly/sessions"));
    Path foreignDb = write(state.resolve("agents/old/agent/openclaw-agent.sqlite"), "");
    Path absoluteDb = write(tmp.resolve("elsewhere/abs.sqlite"), "");
    write(
        state.resolve("openclaw.json"),
        "{ agents: { list: [ { id: 'main', default: true }, { id: 'cfgonly', workspace: '~/ws-cfg' } ],"
            + " defaults: { workspace: '~/ws-default' } } }");
    StateDbFixture.create(
        state.resolve("state/openclaw.sqlite"),
        List.of(
            new String[] {"main", "agents/main/agent/openclaw-agent.sqlite"},
            new String[] {"absolute", absoluteDb.toString()},
            new String[] {"old", "C:\\Users\\bob\\.openclaw\\agents\\old\\agent\\openclaw-agent.sqlite"},
            new String[] {"gone", "/srv/container/.openclaw/agents/gone/agent/openclaw-agent.sqlite"}));

    HomeLayout l = locate(Map.of());
    assertEquals(
        List.of("main", "absolute", "cfgonly", "dironly", "gone", "old"),
        l.agents().stream().map(AgentLayout::id).toList());
    AgentLayout main = l.agents().get(0);
    assertTrue(main.isDefault());
    assertEquals(List.of("agents dir", "openclaw.json", "state database"), main.foundIn());
    assertEquals(state.resolve("agents/main/agent"), main.agentDir());
    assertEquals(state.resolve("agents/main/sessions"), main.sessionsDir());
    assertEquals(state.resolve("agents/main/agent/openclaw-agent.sqlite"), main.database());
    assertEquals(home.resolve("ws-default"), main.workspace());
    AgentLayout absolute = l.agents().get(1);
    assertEquals(absoluteDb, absolute.database());
    assertEquals(home.resolve("ws-default/absolute"), absolute.workspace());
    assertEquals(home.resolve("ws-cfg"), l.agents().get(2).workspace());
    assertNull(l.agents().get(3).database());
    assertEquals(List.of("agents dir"), l.agents().get(3).foundIn());
    AgentLayout gone = l.agents().get(4);
    assertEquals(state.resolve("agents/gone/agent/openclaw-agent.sqlite"), gone.database());
    assertEquals(foreignDb, l.agents().get(5).database());
    assertEquals(state.resolve("state/openclaw.sqlite"), l.stateDatabase());
    assertEquals(1, l.warnings().size(), l.warnings().toString());
    assertEquals(WarningKind.MISSING, l.warnings().get(0).kind());
    assertEquals(gone.database().toString(), l.warnings().get(0).source());
  }

  /**
   * A home copied from another host (or a container's): the configured agentDir does not exist here and the state
   * database lost its registry (here: an empty file). The agent database is still found in the state dir's own agent
   * directory, and the state database is reported.
   */
  @Test
  void aCopiedHomeFindsAgentDatabasesWithoutTheRegistry() throws Exception {
    Path state = mkdir(home.resolve(".openclaw"));
    Path db = write(state.resolve("agents/ops/agent/openclaw-agent.sqlite"), "");
    write(
        state.resolve("openclaw.json"),
        "{ agents: { list: [ { id: 'ops', agentDir: '/nonexistent/host/agents/ops/agent' } ] } }");
    Path stateDb = write(state.resolve("state/openclaw.sqlite"), "");

    HomeLayout l = locate(Map.of());
    AgentLayout ops = l.agents().stream().filter(a -> a.id().equals("ops")).findFirst().orElseThrow();
    assertEquals(Path.of("/nonexistent/host/agents/ops/agent"), ops.agentDir());
    assertEquals(db, ops.database());
    assertEquals(1, l.warnings().size(), l.warnings().toString());
    assertEquals(WarningKind.UNKNOWN_SCHEMA, l.warnings().get(0).kind());
    assertEquals(stateDb.toString(), l.warnings().get(0).source());
  }

  /** The registry names a database that is not there, the configured agentDir has none: the state dir's is read. */
  @Test
  void aMissingRegisteredDatabaseFallsBackToTheStateDirsOneWithAWarning() throws Exception {
    Path state = mkdir(home.resolve(".openclaw"));
    Path db = write(state.resolve("agents/ops/agent/openclaw-agent.sqlite"), "");
    write(
        state.resolve("openclaw.json"),
        "{ agents: { list: [ { id: 'ops', agentDir: '/nonexistent/host/agents/ops/agent' } ] } }");
    StateDbFixture.create(
        state.resolve("state/openclaw.sqlite"),
        List.<String[]>of(new String[] {"ops", "agents/ops/agent/renamed.sqlite"}));

    HomeLayout l = locate(Map.of());
    AgentLayout ops = l.agents().stream().filter(a -> a.id().equals("ops")).findFirst().orElseThrow();
    assertEquals(db, ops.database());
    assertEquals(1, l.warnings().size(), l.warnings().toString());
    assertEquals(WarningKind.MISSING, l.warnings().get(0).kind());
    assertEquals("agent database registered for ops (\"agents/ops/agent/renamed.sqlite\") does not exist; reading "
        + db + " instead", l.warnings().get(0).message());
  }

  /** The same when the configured agentDir holds the database: read, and the registry's missing path reported. */
  @Test
  void aMissingRegisteredDatabaseFallingBackToTheConfiguredAgentDirIsReportedToo() throws Exception {
    Path state = mkdir(home.resolve(".openclaw"));
    Path agentDir = mkdir(tmp.resolve("elsewhere/ops/agent"));
    Path db = write(agentDir.resolve("openclaw-agent.sqlite"), "");
    write(state.resolve("openclaw.json"), "{ agents: { list: [ { id: 'ops', agentDir: '" + agentDir + "' } ] } }");
    StateDbFixture.create(
        state.resolve("state/openclaw.sqlite"),
        List.<String[]>of(new String[] {"ops", "agents/ops/agent/renamed.sqlite"}));

    HomeLayout l = locate(Map.of());
    AgentLayout ops = l.agents().stream().filter(a -> a.id().equals("ops")).findFirst().orElseThrow();
    assertEquals(db, ops.database());
    assertEquals(1, l.warnings().size(), l.warnings().toString());
    assertEquals("agent database registered for ops (\"agents/ops/agent/renamed.sqlite\") does not exist; reading "
        + db + " instead", l.warnings().get(0).message());
  }

  @Test
  void registryPathsResolveAgainstTheStateDir() {
    Path state = tmp.resolve("s");
    assertEquals(
        state.resolve("agents/main/agent/openclaw-agent.sqlite"),
        AgentDatabaseRegistry.locate("main", "agents/main/agent/openclaw-agent.sqlite", state));
    assertEquals(
        state.resolve("agents/w/agent/x.sqlite"), AgentDatabaseRegistry.locate("w", "D:/data/agent/x.sqlite", state));
    assertNull(AgentDatabaseRegistry.locate("w", "../../etc/passwd", state));
  }

  @Test
  void agentDirOverridesAndDefaultWorkspaces() throws IOException {
    Path state = mkdir(home.resolve(".openclaw"));
    mkdir(state.resolve("agents/main"));
    mkdir(state.resolve("agents/helper"));
    mkdir(state.resolve("workspace"));
    mkdir(state.resolve("workspace-helper"));
    Path custom = mkdir(tmp.resolve("pi-agent"));
    write(custom.resolve("openclaw-agent.sqlite"), "");
    write(
        state.resolve("openclaw.json"),
        "{ agents: { entries: { helper: { agentDir: '" + tmp.resolve("helper-dir") + "' } } } }");
    HomeLayout l = locate(Map.of("PI_CODING_AGENT_DIR", custom.toString()));
    AgentLayout helper = l.agents().stream().filter(a -> a.id().equals("helper")).findFirst().orElseThrow();
    AgentLayout main = l.agents().stream().filter(a -> a.id().equals("main")).findFirst().orElseThrow();
    assertEquals("helper", l.defaultAgentId());
    assertEquals(tmp.resolve("helper-dir"), helper.agentDir());
    assertEquals(state.resolve("workspace"), helper.workspace());
    assertEquals(custom, main.agentDir());
    assertEquals(custom.resolve("openclaw-agent.sqlite"), main.database());
    assertEquals(state.resolve("workspace-main"), state.resolve("workspace-" + main.id()));
    assertNull(main.workspace());
    assertTrue(l.notFound().contains("no workspace for agent main (expected " + state.resolve("workspace-main") + ")"));
  }

  @Test
  void realStateDatabaseRegistersMain() throws Exception {
    Path state = mkdir(tmp.resolve("real-state"));
    Path db = state.resolve("state/openclaw.sqlite");
    StateDbFixture.gunzip(
        TestHomes.testdata().resolve("openclaw-2026.9.6/db/state-openclaw.sqlite.gz"), db);
    io.clawmetry.core.warn.Warnings w = new io.clawmetry.core.warn.Warnings();
    List<AgentDatabaseRegistry.Entry> entries = AgentDatabaseRegistry.read(db, state, w);
    assertEquals(
        List.of(
            new AgentDatabaseRegistry.Entry(
                "main",
                "agents/main/agent/openclaw-agent.sqlite",
                state.resolve("agents/main/agent/openclaw-agent.sqlite"))),
        entries);
    assertTrue(w.isEmpty(), w.list().toString());

    HomeLayout l = locate(Map.of("OPENCLAW_STATE_DIR", state.toString()));
    assertEquals(List.of("main"), l.agents().stream().map(AgentLayout::id).toList());
    assertEquals(List.of("state database"), l.agents().get(0).foundIn());
    assertEquals(db, l.stateDatabase());
  }

  // ---- other locations ----

  @Test
  void legacySessionsCronAndSubagentPaths() throws IOException {
    Path state = mkdir(home.resolve(".clawdis"));
    mkdir(state.resolve("sessions"));
    HomeLayout l = locate(Map.of());
    assertEquals(state.resolve("sessions"), l.legacySessionsDir());
    assertEquals(new Resolved(state.resolve("cron").toString(), "default <stateDir>/cron"), l.cronDir());
    assertEquals(state.resolve("cron/jobs.json"), l.cronStoreFile());
    assertEquals(state.resolve("subagents/runs.json"), l.subagentRunsFile());

    write(state.resolve("openclaw.json"), "{ cron: { store: '~/cron-elsewhere/jobs.json' } }");
    HomeLayout moved = locate(Map.of());
    assertEquals(new Resolved(home.resolve("cron-elsewhere").toString(), "openclaw.json cron.store"), moved.cronDir());
    assertEquals(home.resolve("cron-elsewhere/jobs.json"), moved.cronStoreFile());
    assertNull(locate(Map.of("OPENCLAW_STATE_DIR", tmp.resolve("x").toString())).legacySessionsDir());
  }

  @Test
  void logDirPrecedence() throws IOException {
    Path fallback = host.javaTmpDir().resolve("openclaw-1000");
    HomeLayout none = locate(Map.of("OPENCLAW_PROFILE", "dev"));
    assertEquals(
        new Resolved(host.tmpRoot().resolve("openclaw").toString(), "default /tmp/openclaw (not found)"),
        none.logDir());
    assertEquals("openclaw-dev-YYYY-MM-DD.log", none.logFiles().pattern());
    assertTrue(none.logFiles().matches("openclaw-dev-2026-09-06.log"));
    assertTrue(none.logFiles().matches("openclaw-dev-2026-09-06.2.log"));
    assertFalse(none.logFiles().matches("openclaw-2026-09-06.log"));

    mkdir(fallback);
    assertEquals(new Resolved(fallback.toString(), "os tmpdir openclaw-<uid> (exists)"), locate(Map.of()).logDir());
    mkdir(host.tmpRoot().resolve("clawdbot"));
    HomeLayout clawdbot = locate(Map.of());
    assertEquals(host.tmpRoot().resolve("clawdbot").toString(), clawdbot.logDir().value());
    assertTrue(clawdbot.logFiles().matches("clawdbot-2026-01-20.log"));
    mkdir(host.tmpRoot().resolve("moltbot"));
    assertEquals(host.tmpRoot().resolve("moltbot").toString(), locate(Map.of()).logDir().value());
    mkdir(host.tmpRoot().resolve("openclaw"));
    HomeLayout current = locate(Map.of());
    assertEquals(new Resolved(host.tmpRoot().resolve("openclaw").toString(), "/tmp/openclaw (exists)"), current.logDir());
    assertTrue(current.logFiles().matches("openclaw-2026-09-06.log"));

    write(home.resolve(".openclaw/openclaw.json"), "{ logging: { file: '~/logs/gw.log' } }");
    HomeLayout configured = locate(Map.of());
    assertEquals(new Resolved(home.resolve("logs").toString(), "openclaw.json logging.file"), configured.logDir());
    assertTrue(configured.logFiles().matches("gw.log"));
    assertTrue(configured.logFiles().matches("gw.1.log"));
    assertFalse(configured.logFiles().matches("openclaw-2026-09-06.log"));
  }

  @Test
  void versionHintFromMetaThenWizard() throws IOException {
    Path state = mkdir(home.resolve(".openclaw"));
    write(state.resolve("openclaw.json"), "{ wizard: { lastRunVersion: '2026.1.30' } }");
    assertEquals("2026.1.30", locate(Map.of()).versionHint());
    write(state.resolve("openclaw.json"), "{ meta: { lastTouchedVersion: '2026.4.12' }, wizard: { lastRunVersion: 'x' } }");
    assertEquals("2026.4.12", locate(Map.of()).versionHint());
  }

  @Test
  void locatingCreatesAndChangesNothing() throws Exception {
    Path state = mkdir(home.resolve(".openclaw"));
    write(state.resolve("openclaw.json"), "{ gateway: { port: 1 } }");
    mkdir(state.resolve("agents/main/sessions"));
    StateDbFixture.create(
        state.resolve("state/openclaw.sqlite"),
        List.<String[]>of(new String[] {"main", "agents/main/agent/openclaw-agent.sqlite"}));
    String before = snapshot(state);
    locate(Map.of());
    assertEquals(before, snapshot(state));
  }

  private static String snapshot(Path root) throws IOException {
    StringBuilder sb = new StringBuilder();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.sorted().toList()) {
        sb.append(root.relativize(p))
            .append(' ')
            .append(Files.isRegularFile(p) ? Files.size(p) + ":" + Files.getLastModifiedTime(p).toMillis() : "d")
            .append('\n');
      }
    }
    return sb.toString();
  }
}
