package io.clawmetry.core.testing;

import io.clawmetry.api.ClawMetry;
import io.clawmetry.api.CronJob;
import io.clawmetry.api.SessionInfo;
import io.clawmetry.api.TokenCounts;
import io.clawmetry.api.UsageQuery;
import io.clawmetry.core.ClawMetryBuilder;
import io.clawmetry.core.discovery.Environment;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Map;

/** Every read the facade offers, once, for the tests that run them all on a home (damaged, read-only, ...). */
public final class EveryReport {

  private EveryReport() {}

  /** The facade over {@code home} for a user whose home is {@code userHome}, with an otherwise empty environment. */
  public static ClawMetry open(Path home, Path userHome) {
    return ClawMetryBuilder.create().environment(Environment.of(Map.of(), userHome)).stateDir(home).build();
  }

  /**
   * Calls every read method: home, each session and its transcript, sub-agents and their tree, each cron job and its
   * runs, the overview, the gateway client's status (built from the configuration; it never connects here), a
   * refresh and the warnings. Returns the total tokens of daily usage in UTC.
   */
  public static TokenCounts run(ClawMetry cm) {
    cm.home();
    for (SessionInfo s : cm.sessions().items()) {
      cm.transcript(s.key());
      cm.session(s.sessionId());
    }
    cm.subagents();
    cm.subagentTree();
    for (CronJob j : cm.crons().items()) {
      cm.cronRuns(j.id());
    }
    cm.overview(ZoneOffset.UTC);
    cm.gateway().status();
    cm.refresh();
    cm.warnings();
    return cm.usage(UsageQuery.daily(ZoneOffset.UTC)).totals().tokens();
  }
}
