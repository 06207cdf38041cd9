package io.clawmetry.examples;

import static io.clawmetry.examples.Transcript.Style.V4;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Agent {@code ops}: the SQLite era (E3), everything in {@code agents/ops/agent/openclaw-agent.sqlite}. */
final class OpsAgentScenario extends Scenario {
  static final String AGENT = "ops";
  static final String DB = "agents/ops/agent/openclaw-agent.sqlite";
  static final String CWD = FOREIGN_STATE_DIR + "/workspace-ops";
  static final String SKILLS = "/usr/lib/node_modules/openclaw/skills";

  final String cronJob;
  final String subagentKey;
  final String subagentRun;
  Transcript cronRunOne;
  Transcript cronRunTwo;
  Transcript subagent;
  Transcript current;

  OpsAgentScenario(Ids ids, Ledger ledger, HomeFiles files) {
    super(ids, ledger, files);
    cronJob = ids.uuid();
    subagentKey = "agent:ops:subagent:" + ids.uuid();
    subagentRun = ids.uuid();
  }

  /** Builds the transcripts and writes the agent database. */
  void write() throws SQLException {
    String o0 = ids.uuid();
    String o1 = ids.uuid();
    String s1 = ids.uuid();
    String k1 = ids.uuid();
    String k2 = ids.uuid();
    String keyMain = "agent:ops:main";
    String keyCron = "agent:ops:cron:" + cronJob;

    Transcript first = new Transcript(V4, ids, ledger, AGENT, keyMain, o0, DB);
    first.header(at("2026-11-03T14:00:00.310Z"), CWD, null).start(ModelPrice.GPT5, "medium");
    first.user("Check disk usage on the build hosts.");
    ObjectNode df = first.toolCall("exec", args("command", "ansible builders -m shell -a 'df -h /'"));
    first.assistant(blocks(df), "toolUse", tokens(5400, 180, 0, 0), UsageStyle.PI);
    first.toolResult(df, "build-1 | 71%\nbuild-2 | 93%\nbuild-3 | 64%", execDetails(0, 4120, CWD));
    first.assistant(say("build-2 is at 93 %; the Docker layer cache is the usual suspect."), "stop",
        tokens(620, 350, 5120, 0), UsageStyle.PI);
    first.at(at("2026-11-04T23:10:05Z")).user("Prune the Docker cache on build-2.");
    first.assistant(say("Pruned 41 GB; build-2 is at 58 % now."), "stop", tokens(900, 260, 5632, 0), UsageStyle.PI);

    current = new Transcript(V4, ids, ledger, AGENT, keyMain, o1, DB);
    current.header(at("2026-11-11T09:00:00.050Z"), CWD, null).start(ModelPrice.GEMINI, "high");
    current.user("Here is last night's deploy log; find the root cause of the 502s.");
    ObjectNode tail = current.toolCall("exec", args("command", "journalctl -u edge-proxy --since yesterday | tail -n 60"));
    current.assistant(blocks(tail), "toolUse", tokens(3100, 90, 0, 0), UsageStyle.PI);
    int logSeq = current.entries.size();
    current.toolResult(tail, proxyLog(), execDetails(0, 930, CWD));
    current.assistant(say(analysis()), "stop", tokens(214_500, 1_850, 0, 0), UsageStyle.PI);
    current.at(at("2026-11-18T23:55:10Z")).user("Anything new in the alerts channel?");
    current.assistant(say("Two warnings: cert for grafana.internal expires in 9 days; build-3 swap at 80 %."), "stop",
        tokens(4100, 300, 150_000, 0), UsageStyle.PI);
    current.at(at("2026-11-19T01:40:20Z")).user("Spawn a helper to write the postmortem draft.");
    ObjectNode spawnArgs = JsonOut.object().put("id", "sessions_spawn");
    spawnArgs.set("args", args("task", "Write a postmortem draft for the 502s of 2026-11-10", "label", "postmortem"));
    ObjectNode spawn = current.toolCall("tool_call", spawnArgs);
    current.assistant(blocks(spawn), "toolUse", tokens(2600, 140, 152_000, 0), UsageStyle.PI);
    current.toolResult(spawn, "{\"status\":\"accepted\",\"childSessionKey\":\"" + subagentKey + "\",\"runId\":\""
        + subagentRun + "\"}", null);
    current.assistant(say("The helper \"postmortem\" is on it."), "stop", tokens(300, 80, 153_500, 0), UsageStyle.PI);
    current.at(at("2026-11-19T01:52:40Z")).user("And check the CDN error budget.");
    current.error("503 UNAVAILABLE: The model is overloaded. Please try again later.");

    subagent = new Transcript(V4, ids, ledger, AGENT, subagentKey, s1, DB);
    subagent.header(at("2026-11-19T01:40:40.000Z"), CWD, null).start(ModelPrice.GPT5, "low");
    subagent.user("[Subagent Context] You are running as a subagent (depth 1/1).\n\n[Subagent Task]: Write a "
        + "postmortem draft for the 502s of 2026-11-10");
    ObjectNode write = subagent.toolCall("write", args("path", "postmortems/2026-11-10-502s.md", "content",
        "# 502s on 2026-11-10\n\n## Impact\n..."));
    subagent.assistant(blocks(write), "toolUse", tokens(6200, 1400, 0, 0), UsageStyle.PI);
    subagent.toolResult(write, "Wrote 1873 bytes to postmortems/2026-11-10-502s.md", null);
    subagent.assistant(say("Draft written to postmortems/2026-11-10-502s.md."), "stop", tokens(7800, 120, 6144, 0),
        UsageStyle.PI);

    cronRunOne = cronRun(keyCron, k1, at("2026-11-17T09:00:00.200Z"), tokens(5200, 410, 0, 0));
    cronRunTwo = cronRun(keyCron, k2, at("2026-11-18T09:00:00.150Z"), tokens(4900, 380, 0, 0));

    try (AgentDatabase db = new AgentDatabase(files.path(DB), AGENT, at("2026-11-03T13:58:12.000Z"))) {
      db.node(new AgentDatabase.Node(keyMain, o1, nodeEntry(current, null), current.now(), "done",
          at("2026-11-03T14:00:00.310Z"), "operator", "human", null, null, null, null, current.now()));
      ObjectNode subEntry = nodeEntry(subagent, keyMain).put("label", "postmortem");
      db.node(new AgentDatabase.Node(subagentKey, s1, subEntry, subagent.now(), "done",
          at("2026-11-19T01:40:40.000Z"), "spawn", "agent", keyMain, keyMain, "postmortem", "postmortem",
          subagent.now()));
      ObjectNode cronEntry = nodeEntry(cronRunTwo, null).put("label", "Automation: Ops digest");
      db.node(new AgentDatabase.Node(keyCron, k2, cronEntry, cronRunTwo.now(), null, at("2026-11-17T09:00:00.200Z"),
          "cron", "system", null, null, "Automation: Ops digest", null, cronRunTwo.now()));
      db.window(new AgentDatabase.Window(first, null, null, "done", "direct", "webchat", null, null), Set.of());
      db.window(new AgentDatabase.Window(current, o0, "reset", "done", "direct", "webchat", null, null),
          Set.of(logSeq, logSeq + 1));
      db.window(new AgentDatabase.Window(subagent, null, null, "done", null, null, keyMain, "postmortem"), Set.of());
      db.window(new AgentDatabase.Window(cronRunOne, null, null, "done", null, null, null, "Automation: Ops digest"),
          Set.of());
      db.window(new AgentDatabase.Window(cronRunTwo, null, null, "done", null, null, null, "Automation: Ops digest"),
          Set.of());
    }
    ledger.countedFiles.add(new Ledger.FileNote(DB, "agent ops: 5 session windows (2 rows zstd-compressed)"));
    ledger.sessions.add(new Ledger.Session(AGENT, keyMain, "MAIN", o1, List.of(o0), null, 0, "session_nodes"));
    ledger.sessions.add(
        new Ledger.Session(AGENT, subagentKey, "SUBAGENT", s1, List.of(), keyMain, 1, "session_nodes"));
    ledger.sessions.add(new Ledger.Session(AGENT, keyCron, "CRON", k2, List.of(k1), null, 0, "session_nodes"));
  }

  private Transcript cronRun(String keyCron, String sessionId, Instant start, Tokens tokens) {
    Transcript run = new Transcript(V4, ids, ledger, AGENT, keyCron, sessionId, DB);
    run.header(start, CWD, null).start(ModelPrice.LLAMA, "off");
    run.user("[cron:" + cronJob + " Ops digest] Summarise yesterday's alerts and open incidents.\nCurrent time: "
        + start.toString().substring(0, 10) + " 09:00 UTC");
    run.assistant(say("- 3 alerts (all resolved)\n- 1 open incident: CDN 502s (postmortem pending)"), "stop", tokens,
        UsageStyle.PI);
    return run;
  }

  private ObjectNode nodeEntry(Transcript t, String spawnedBy) {
    Instant start = Instant.parse(t.entries.get(0).get("timestamp").asText());
    ObjectNode entry = SessionEntries.entry(t, start, t.now());
    entry.put("createdAt", start.toEpochMilli()).put("lastInteractionAt", t.now().toEpochMilli());
    if (spawnedBy != null) {
      entry.put("spawnDepth", 1).put("subagentRole", "leaf").put("spawnedBy", spawnedBy);
      entry.put("parentSessionKey", spawnedBy).put("createdVia", "spawn");
    }
    entry.put("status", "done").put("agentHarnessId", "openclaw");
    SessionEntries.lastRun(entry, t, SKILLS);
    return entry;
  }

  private static String proxyLog() {
    StringBuilder log = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      int minute = 10 + i / 4;
      log.append("Nov 10 23:").append(minute).append(":0").append(i % 10).append(" edge-1 edge-proxy[2211]: ")
          .append(i % 3 == 0 ? "upstream timed out (110: Connection timed out) while reading response header, "
              + "upstream: http://10.0.4.17:8080/api/checkout"
              : "502 Bad Gateway GET /api/checkout upstream=10.0.4.17:8080 rt=30.001")
          .append('\n');
    }
    return log.toString();
  }

  private static String analysis() {
    return "Root cause: the checkout service on 10.0.4.17 stopped answering after its connection pool was exhausted "
        + "at 23:10 UTC. The edge proxy waited the full 30 s upstream timeout for each request and then returned 502 "
        + "Bad Gateway. The pool exhaustion followed the 22:55 deploy, which lowered maxPoolSize from 50 to 5 through "
        + "a mistyped environment variable (CHECKOUT_POOL_MAX=5 instead of 50). Requests queued behind five "
        + "long-running report queries, so every other request timed out.\n\nTimeline: 22:55 deploy; 23:10 first "
        + "timeouts; 23:14 502 rate above 40 %; 23:20 alert fired; 23:31 rollback; 23:33 recovery.\n\n"
        + "Recommendations: validate pool settings at start-up, alert on pool saturation rather than on 502 rate, "
        + "lower the proxy upstream timeout for checkout to 10 s, and move report queries to the read replica.";
  }
}
