package io.clawmetry.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clawmetry.api.Warning;
import io.clawmetry.api.WarningKind;
import io.clawmetry.core.discovery.Environment;
import io.clawmetry.core.warn.Warnings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

  @TempDir Path tmp;

  private final Warnings warnings = new Warnings();

  private OpenClawConfig load(Path file, Map<String, String> vars) {
    Path state = tmp.resolve("state");
    return new ConfigLoader(Environment.of(vars, tmp), tmp, state, tmp.resolve("cwd")).load(file, warnings);
  }

  private Path write(String relative, String text) throws IOException {
    Path p = tmp.resolve(relative);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return p;
  }

  private String text(OpenClawConfig c, String... path) {
    return c.node(path).map(n -> n.asText()).orElse(null);
  }

  @Test
  void json5CommentsTrailingCommasUnquotedKeysAndSingleQuotes() throws IOException {
    Path f =
        write(
            "state/openclaw.json",
            "// leading comment\n{\n  /* block */ gateway: { port: 18800, bind: 'lan', },\n"
                + "  # yaml comment\n  'meta': { lastTouchedVersion: '2026.3.1', },\n}\n");
    OpenClawConfig c = load(f, Map.of());
    assertTrue(c.parsed());
    assertEquals(18800, c.gatewayPort().orElseThrow());
    assertEquals("lan", c.gatewayBind().orElseThrow());
    assertEquals("2026.3.1", c.versionHint().orElseThrow());
    assertTrue(warnings.isEmpty(), warnings.list().toString());
  }

  @Test
  void includeRelativeSiblingKeysWinAndArraysConcatenate() throws IOException {
    write("state/parts/gateway.json5", "{ port: 1111, bind: 'lan', tags: ['a'] }");
    Path f = write("state/openclaw.json", "{ gateway: { $include: './parts/gateway.json5', port: 2222, tags: ['b'] } }");
    OpenClawConfig c = load(f, Map.of());
    assertEquals(2222, c.gatewayPort().orElseThrow());
    assertEquals("lan", c.gatewayBind().orElseThrow());
    assertEquals("[\"a\",\"b\"]", c.node("gateway", "tags").orElseThrow().toString());
    assertTrue(warnings.isEmpty(), warnings.list().toString());
  }

  @Test
  void includeArrayMergesInOrderAndNestedIncludesAreRelativeToTheIncludingFile() throws IOException {
    write("state/a.json5", "{ gateway: { port: 1, bind: 'lan' } }");
    write("state/sub/b.json5", "{ gateway: { port: 2 }, $include: 'deeper/c.json5' }");
    write("state/sub/deeper/c.json5", "{ cron: { store: '~/jobs.json' } }");
    Path f = write("state/openclaw.json", "{ $include: ['a.json5', 'sub/b.json5'] }");
    OpenClawConfig c = load(f, Map.of());
    assertEquals(2, c.gatewayPort().orElseThrow());
    assertEquals("lan", c.gatewayBind().orElseThrow());
    assertEquals("~/jobs.json", c.cronStore().orElseThrow());
    assertTrue(warnings.isEmpty(), warnings.list().toString());
  }

  @Test
  void includeCycleIsAWarningNotALoop() throws IOException {
    write("state/a.json5", "{ $include: 'b.json5', x: 1 }");
    write("state/b.json5", "{ $include: 'a.json5', y: 2 }");
    Path f = write("state/openclaw.json", "{ $include: 'a.json5', gateway: { port: 3333 } }");
    OpenClawConfig c = load(f, Map.of());
    assertEquals(3333, c.gatewayPort().orElseThrow());
    assertEquals(1, c.node("x").orElseThrow().asInt());
    assertEquals(2, c.node("y").orElseThrow().asInt());
    List<Warning> w = warnings.list();
    assertEquals(1, w.size(), w.toString());
    assertEquals(WarningKind.CONFIG, w.get(0).kind());
    assertTrue(w.get(0).message().startsWith("circular $include"), w.get(0).message());
    assertTrue(w.get(0).message().endsWith("a.json5; not loaded again"), w.get(0).message());
  }

  @Test
  void includeEscapingTheConfigDirIsRefusedUnlessIncludeRootsWidenIt() throws IOException {
    write("shared/common.json5", "{ gateway: { bind: 'tailnet' } }");
    Path f = write("state/openclaw.json", "{ $include: '../shared/common.json5', gateway: { port: 4444 } }");
    OpenClawConfig refused = load(f, Map.of());
    assertEquals(4444, refused.gatewayPort().orElseThrow());
    assertTrue(refused.gatewayBind().isEmpty());
    assertEquals(1, warnings.list().size());
    assertEquals(WarningKind.PATH, warnings.list().get(0).kind());
    assertEquals(tmp.resolve("shared/common.json5").toString(), warnings.list().get(0).source());

    Warnings second = new Warnings();
    OpenClawConfig allowed =
        new ConfigLoader(
                Environment.of(Map.of("OPENCLAW_INCLUDE_ROOTS", "/nonexistent:" + tmp.resolve("shared")), tmp),
                tmp,
                tmp.resolve("state"),
                tmp)
            .load(f, second);
    assertEquals("tailnet", allowed.gatewayBind().orElseThrow());
    assertTrue(second.isEmpty(), second.list().toString());
  }

  @Test
  void includeRootsAcceptTildeEntries() throws IOException {
    write("shared/common.json5", "{ gateway: { bind: 'custom' } }");
    Path f = write("state/openclaw.json", "{ $include: '../shared/common.json5' }");
    Warnings w = new Warnings();
    OpenClawConfig c =
        new ConfigLoader(Environment.of(Map.of("OPENCLAW_INCLUDE_ROOTS", "~/shared"), tmp), tmp, tmp.resolve("s"), tmp)
            .load(f, w);
    assertEquals("custom", c.gatewayBind().orElseThrow());
    assertTrue(w.isEmpty(), w.list().toString());
  }

  @Test
  void symlinkInsideTheConfigDirPointingOutsideIsRefused() throws IOException {
    write("outside/secret.json5", "{ gateway: { bind: 'lan' } }");
    Files.createDirectories(tmp.resolve("state"));
    Files.createSymbolicLink(tmp.resolve("state/link.json5"), tmp.resolve("outside/secret.json5"));
    Path f = write("state/openclaw.json", "{ $include: 'link.json5' }");
    OpenClawConfig c = load(f, Map.of());
    assertTrue(c.gatewayBind().isEmpty());
    assertEquals(WarningKind.PATH, warnings.list().get(0).kind());
  }

  @Test
  void missingIncludeIsAWarning() throws IOException {
    Path f = write("state/openclaw.json", "{ $include: 'nope.json5', gateway: { port: 5 } }");
    OpenClawConfig c = load(f, Map.of());
    assertEquals(5, c.gatewayPort().orElseThrow());
    assertEquals(WarningKind.MISSING, warnings.list().get(0).kind());
  }

  @Test
  void variablesAreSubstitutedEscapedAndUnresolvedOnesWarned() throws IOException {
    Path f =
        write(
            "state/openclaw.json",
            "{ gateway: { bind: '${BIND_MODE}', customBindHost: 'h-$${BIND_MODE}-${lower}' },"
                + " cron: { store: '${NOPE_VAR}/jobs.json' } }");
    OpenClawConfig c = load(f, Map.of("BIND_MODE", "lan"));
    assertEquals("lan", c.gatewayBind().orElseThrow());
    assertEquals("h-${BIND_MODE}-${lower}", c.gatewayCustomBindHost().orElseThrow());
    assertEquals("/jobs.json", c.cronStore().orElseThrow());
    List<Warning> w = warnings.list();
    assertEquals(1, w.size(), w.toString());
    assertEquals(WarningKind.CONFIG, w.get(0).kind());
    assertTrue(w.get(0).message().startsWith("${NOPE_VAR} at cron.store is not set"), w.get(0).message());
  }

  @Test
  void dotEnvLayersNeverOverrideAndConfigEnvVarsComeLast() throws IOException {
    write("cwd/.env", "# comment\nexport A=cwd-a\nB=\"cwd-b\"\nC=cwd-c # inline\n");
    write("state/.env", "A=state-a\nB=state-b\nD='state-d'\nE=state-e\n");
    Path f =
        write(
            "state/openclaw.json",
            "{ env: { vars: { A: 'cfg-a', D: 'cfg-d', F: 'cfg-f' }, G: 'cfg-g' },"
                + " x: '${A}|${B}|${C}|${D}|${E}|${F}|${G}' }");
    OpenClawConfig c = load(f, Map.of("A", "process-a"));
    assertEquals("process-a|cwd-b|cwd-c|state-d|state-e|cfg-f|cfg-g", text(c, "x"));
    assertEquals("env A", c.env().origin("A"));
    assertEquals("B from " + tmp.resolve("cwd/.env"), c.env().origin("B"));
    assertEquals("F from openclaw.json env.vars", c.env().origin("F"));
    assertTrue(warnings.isEmpty(), warnings.list().toString());
  }

  @Test
  void secretRefEnvIsResolvedExecAndFileNeverAndNothingPrintsASecret() throws IOException {
    Path marker = tmp.resolve("exec-ran");
    Path f =
        write(
            "state/openclaw.json",
            "{ gateway: { auth: { mode: 'token', token: { source: 'env', provider: 'default', id: 'GW_TOKEN' },"
                + " password: { source: 'exec', provider: 'default', id: 'touch " + marker + "' } },"
                + " remote: { token: { source: 'file', provider: 'default', id: '/gateway/token' },"
                + " password: '${GW_PASS}' } } }");
    OpenClawConfig c = load(f, Map.of("GW_TOKEN", "tok-123-secret", "GW_PASS", "pw-456-secret"));
    Secret token = c.gatewayAuthToken().orElseThrow();
    assertEquals("tok-123-secret", token.reveal().orElseThrow());
    assertEquals("SecretRef env:GW_TOKEN", token.description());
    assertEquals("Secret[SecretRef env:GW_TOKEN]", token.toString());
    Secret exec = c.gatewayAuthPassword().orElseThrow();
    assertFalse(exec.isAvailable());
    assertFalse(Files.exists(marker));
    assertTrue(exec.description().startsWith("SecretRef exec:"), exec.description());
    assertFalse(c.gatewayRemoteToken().orElseThrow().isAvailable());
    Secret pass = c.gatewayRemotePassword().orElseThrow();
    assertEquals("pw-456-secret", pass.reveal().orElseThrow());
    assertEquals("openclaw.json gateway.remote.password via ${GW_PASS}", pass.description());
    String printed = token + " " + exec + " " + pass + " " + c + " " + warnings.list();
    assertFalse(printed.contains("tok-123-secret"), printed);
    assertFalse(printed.contains("pw-456-secret"), printed);
    assertEquals("SecretRef env:X", new SecretRef("env", "default", "X").toString());
  }

  @Test
  void unsetEnvSecretRefIsUnavailableWithAWarning() throws IOException {
    Path f = write("state/openclaw.json", "{ gateway: { auth: { token: { source: 'env', id: 'MISSING_TOKEN' } } } }");
    Secret s = load(f, Map.of()).gatewayAuthToken().orElseThrow();
    assertFalse(s.isAvailable());
    assertEquals("SecretRef env:MISSING_TOKEN (not set)", s.description());
    assertEquals(1, warnings.list().size());
  }

  @Test
  void malformedConfigGivesAPositionedWarningAndAnEmptyConfig() throws IOException {
    Path f = write("state/openclaw.json", "{\n  gateway: {\n    port: 18789,,\n  }\n}\n");
    OpenClawConfig c = load(f, Map.of());
    assertTrue(c.exists());
    assertFalse(c.parsed());
    assertTrue(c.gatewayPort().isEmpty());
    List<Warning> w = warnings.list();
    assertEquals(1, w.size());
    assertEquals(WarningKind.CONFIG, w.get(0).kind());
    assertEquals("line 3, column 17", w.get(0).firstPosition());
    assertEquals(f.toString(), w.get(0).source());
  }

  @Test
  void parseErrorMessagesDoNotQuoteTheInput() throws IOException {
    Path f = write("state/openclaw.json", "{ gateway: { auth: { token: hunter2secret } } }");
    load(f, Map.of());
    Warning w = warnings.list().get(0);
    assertFalse(w.message().contains("hunter2secret"), w.message());
    assertEquals("line 1, column 29", w.firstPosition());
  }

  @Test
  void missingFileIsAnEmptyConfigWithoutWarnings() {
    OpenClawConfig c = load(tmp.resolve("state/openclaw.json"), Map.of());
    assertFalse(c.exists());
    assertTrue(c.agents().isEmpty());
    assertEquals("main", c.defaultAgentId());
    assertTrue(warnings.isEmpty());
  }

  @Test
  void agentsListAndEntriesAreBothRead() throws IOException {
    Path f =
        write(
            "state/openclaw.json",
            "{ agents: { list: [ { id: 'Work', name: 'Work', workspace: '~/w' }, { id: 'ops', default: true } ],"
                + " entries: { main: { name: 'Main', agentDir: '/x/agent' } } } }");
    OpenClawConfig c = load(f, Map.of());
    assertEquals(
        List.of(
            new ConfiguredAgent("work", "Work", "~/w", null, false),
            new ConfiguredAgent("ops", null, null, null, true),
            new ConfiguredAgent("main", "Main", null, "/x/agent", false)),
        c.agents());
    assertEquals("ops", c.defaultAgentId());
  }
}
