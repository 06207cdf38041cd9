package io.clawmetry.core.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.clawmetry.api.WarningKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Review 7: a registered agent database that does not exist is reported when the state dir's copy is read instead
 * (new in this change), but not when the configured agentDir's copy is read: the same fallback, silent.
 */
class Review7AgentFallbackTest {

  @TempDir Path tmp;

  @Test
  void aMissingRegisteredDatabaseFallingBackToTheConfiguredAgentDirIsReportedToo() throws Exception {
    Path home = Files.createDirectories(tmp.resolve("home"));
    HostDirs host = new HostDirs(Files.createDirectories(tmp.resolve("slash-tmp")), tmp.resolve("java-tmp"), 1000, tmp);
    Path state = Files.createDirectories(home.resolve(".openclaw"));
    Path agentDir = Files.createDirectories(tmp.resolve("elsewhere/ops/agent"));
    Path db = Files.writeString(agentDir.resolve("openclaw-agent.sqlite"), "");
    Files.writeString(state.resolve("openclaw.json"),
        "{ agents: { list: [ { id: 'ops', agentDir: '" + agentDir + "' } ] } }");
    StateDbFixture.create(state.resolve("state/openclaw.sqlite"),
        List.<String[]>of(new String[] {"ops", "agents/ops/agent/renamed.sqlite"}));

    HomeLayout l = new HomeLocator(Environment.of(Map.of(), home), host).locate(null);
    AgentLayout ops = l.agents().stream().filter(a -> a.id().equals("ops")).findFirst().orElseThrow();
    assertEquals(db, ops.database());
    assertEquals(1, l.warnings().stream().filter(w -> w.kind() == WarningKind.MISSING).count(),
        "registered database missing, agentDir's read instead, no warning: " + l.warnings());
  }
}
