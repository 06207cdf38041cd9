package io.clawmetry.examples;

import static io.clawmetry.examples.Transcript.Style.V3;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Agent {@code main}: the JSONL era (E2). Writes {@code agents/main/sessions/} (index, transcripts, archives, excluded
 * copies), {@code cron/jobs.json} with run logs and {@code subagents/runs.json}.
 */
final class MainAgentScenario extends Scenario {
  static final String AGENT = "main";
  static final String DIR = "agents/main/sessions/";
  static final String FOREIGN_DIR = FOREIGN_STATE_DIR + "/agents/main/sessions/";
  static final String CWD = FOREIGN_STATE_DIR + "/workspace";
  static final String SKILLS = "/usr/lib/node_modules/openclaw/skills";

  final String jobDigest;
  final String jobHealth;
  private final String subA;
  private final String subB;

  MainAgentScenario(Ids ids, Ledger ledger, HomeFiles files) {
    super(ids, ledger, files);
    jobDigest = ids.uuid();
    jobHealth = ids.uuid();
    subA = ids.uuid();
    subB = ids.uuid();
  }

  static String key(String rest) {
    return "agent:main:" + rest;
  }

  /** Builds and writes everything of agent {@code main}. */
  void write() {
    String m0 = ids.uuid();
    String m1 = ids.uuid();
    String a = ids.uuid();
    String b = ids.uuid();
    String t0 = ids.uuid();
    String t1 = ids.uuid();
    String d0 = ids.uuid();
    String c1 = ids.uuid();
    String c2 = ids.uuid();
    String runA = ids.uuid();
    String runB = ids.uuid();
    String keyMain = key("main");
    String keyTelegram = key("telegram:direct:4242");
    String keyA = key("subagent:" + subA);
    String keyB = key("subagent:" + subB);
    String keyC1 = key("cron:" + jobDigest + ":run:" + c1);
    String keyC2 = key("cron:" + jobHealth + ":run:" + c2);

    // ---- agent:main:main before its reset: the .jsonl.reset.<ts> archive
    Instant resetAt = at("2026-11-05T08:00:00Z");
    String m0File = DIR + m0 + ".jsonl.reset." + Times.fileStamp(resetAt);
    Transcript old = new Transcript(V3, ids, ledger, AGENT, "session:" + m0, m0, m0File);
    old.header(at("2026-11-01T03:20:00.412Z"), CWD, null).start(ModelPrice.CLAUDE, "low");
    old.user("Good evening! Can you set up a daily digest of my GitHub notifications?");
    old.assistant(blocks(old.thinking("The user wants a recurring digest; a cron job fits."),
        Transcript.text("Sure. When should it run, and where should I deliver it?")), "stop",
        tokens(2400, 380, 0, 14200), UsageStyle.PI);
    old.at(at("2026-11-01T03:29:50Z")).user("Every morning at 7, New York time, here.");
    ObjectNode cronAdd = old.toolCall("cron", args("action", "add", "name", "Morning digest", "expr", "0 7 * * *",
        "tz", "America/New_York"));
    old.assistant(blocks(cronAdd), "toolUse", tokens(380, 140, 16600, 0), UsageStyle.PI);
    old.toolResult(cronAdd, "{\"ok\":true,\"id\":\"" + jobDigest + "\"}", null);
    old.assistant(say("Done: \"Morning digest\" runs daily at 07:00 America/New_York."), "stop",
        tokens(160, 95, 16900, 0), UsageStyle.PI);
    old.at(at("2026-11-04T14:10:07Z")).user("What's the weather in Lisbon this weekend?");
    old.assistant(say("Sunny, 19-22 C on Saturday; light rain Sunday afternoon."), "stop",
        tokens(1210, 88, 17050, 0), UsageStyle.PI);
    writeTranscript(old, "reset archive of agent:main:main (counted)");
    ledger.orphans.add(new Ledger.Orphan(AGENT, m0, m0File, keyMain, "reset archive"));

    // ---- agent:main:main: the live session (ends with a half-written line)
    String m1File = DIR + m1 + ".jsonl";
    Transcript main = new Transcript(V3, ids, ledger, AGENT, keyMain, m1, m1File);
    main.header(at("2026-11-05T08:00:01.250Z"), CWD, null).start(ModelPrice.CLAUDE, "low");
    main.at(at("2026-11-05T08:00:03Z")).user("[Thu 2026-11-05 03:00 EST] Morning. What's on my plate today?");
    main.assistant(say("Three meetings, two PR reviews and the landlord e-mail. Want the details?"), "stop",
        tokens(3100, 420, 0, 18000), UsageStyle.PI);
    main.at(at("2026-11-05T08:05:10Z")).user("Show me the open PRs.");
    ObjectNode ghList = main.toolCall("exec", args("command", "gh pr list --limit 5"));
    main.assistant(blocks(main.thinking("List the PRs with gh."), ghList), "toolUse", tokens(220, 160, 21100, 0),
        UsageStyle.PI);
    main.toolResult(ghList, "#812 fix flaky retry test\n#809 bump vitest\n#803 docs: cron examples",
        execDetails(0, 812, CWD));
    main.assistant(say("Open PRs: #812 (flaky retry test), #809 (vitest bump), #803 (cron docs)."), "stop",
        tokens(640, 510, 21300, 0), UsageStyle.PI);
    main.at(at("2026-11-06T23:40:05Z")).user("Please have a helper audit the flaky CI jobs overnight.");
    ObjectNode spawn = main.toolCall("sessions_spawn", args("task", "Audit the flaky CI jobs of the last week",
        "label", "ci-audit", "model", "google/gemini-2.5-pro"));
    main.assistant(blocks(spawn), "toolUse", tokens(900, 210, 22000, 0), UsageStyle.PI);
    main.toolResult(spawn, "{\"status\":\"accepted\",\"childSessionKey\":\"" + keyA + "\",\"runId\":\"" + runA + "\"}",
        null);
    main.assistant(say("Spawned \"ci-audit\"; it will report back when done."), "stop", tokens(150, 90, 22900, 0),
        UsageStyle.PI);
    main.at(at("2026-11-07T10:00:07Z"));
    String beforeDraft = main.leafId();
    main.user("Draft a reply to the landlord about the heating.");
    main.assistant(say("Dear Mr. Costa, the heating in the flat has failed again ..."), "stop",
        tokens(480, 620, 23100, 0), UsageStyle.PI);
    main.branchFrom(beforeDraft); // a rewind: the draft above stays in the file (and was billed)
    main.user("Actually, draft it in German please.");
    main.assistant(say("Sehr geehrter Herr Costa, die Heizung in der Wohnung ist erneut ausgefallen ..."), "stop",
        tokens(510, 700, 23100, 0), UsageStyle.PI);
    main.at(at("2026-11-09T01:15:07Z")).switchModel(ModelPrice.GPT5);
    main.user("Compare these two cloud invoices and tell me which line items changed.");
    main.assistant(say("Egress grew by 38 GB and a second load balancer appeared; everything else is unchanged."),
        "stop", tokens(1104, 830, 4096, 0), UsageStyle.OPENAI);
    main.at(at("2026-11-09T01:20:11Z")).user("Break the egress down by region.");
    main.error("429 Rate limit reached for gpt-5 in organization org-example on tokens per min (TPM).");
    main.assistant(say("eu-west-1: 29 GB, us-east-1: 9 GB."), "stop", tokens(2350, 240, 5120, 0), UsageStyle.PI);
    main.at(at("2026-11-12T22:30:09Z")).switchModel(ModelPrice.CLAUDE);
    main.user("Remind me tomorrow at 9 to call the bank.");
    main.assistant(say("Reminder set for 09:00 tomorrow."), "stop", tokens(2200, 300, 24000, 0),
        UsageStyle.SNAKE_CASE);
    main.at(at("2026-11-14T02:10:04Z")).user("[OpenClaw heartbeat poll]");
    main.assistant(say("HEARTBEAT_OK"), "stop", tokens(90, 6, 25000, 0), UsageStyle.PI);
    main.at(at("2026-11-20T16:40:02Z")).user("Summarise this week for my journal.");
    String mainText = HomeFiles.jsonl(main.entries);
    String partial = "{\"type\":\"message\",\"id\":\"" + ids.shortHex() + "\",\"parentId\":\"" + main.leafId()
        + "\",\"timestamp\":\"2026-11-20T16:40:09.311Z\",\"message\":{\"role\":\"assistant\",\"content\":"
        + "[{\"type\":\"text\",\"text\":\"This week you closed three PRs, sorted out the heat";
    files.text(m1File, mainText + partial);
    int partialLine = main.entries.size() + 1;
    ledger.partialLastLines.add(new Ledger.BadLine(m1File, partialLine,
        "half-written last line: no trailing newline, incomplete JSON (a reply still being written)"));
    ledger.countedFiles.add(new Ledger.FileNote(m1File, "agent:main:main (live; last line is partial)"));
    writeExcludedCopies(m1, main);

    // ---- sub-agent, depth 1 (spawned by main), spawns a second level
    String aFile = DIR + a + ".jsonl";
    Transcript subOne = new Transcript(V3, ids, ledger, AGENT, keyA, a, aFile);
    subOne.header(at("2026-11-06T23:40:09.020Z"), CWD, null).start(ModelPrice.GEMINI, "medium");
    subOne.user("[Subagent Context] You are running as a subagent (depth 1/2). Results auto-announce to your "
        + "requester.\n\n[Subagent Task]: Audit the flaky CI jobs of the last week");
    ObjectNode spawn2 = subOne.toolCall("sessions_spawn", args("task", "Fetch the last 20 CI run logs and list the "
        + "failing steps", "label", "ci-logs", "model", "local/llama"));
    subOne.assistant(blocks(subOne.thinking("Delegate log collection to a leaf helper."), spawn2), "toolUse",
        tokens(5200, 300, 0, 0), UsageStyle.PI);
    subOne.toolResult(spawn2, "{\"status\":\"accepted\",\"childSessionKey\":\"" + keyB + "\",\"runId\":\"" + runB
        + "\"}", null);
    subOne.at(at("2026-11-07T00:06:30Z")).user("[Subagent ci-logs finished] retry.test.ts timed out in 7 of 20 runs; "
        + "e2e/cron.spec.ts failed twice on a port clash.");
    subOne.assistant(say("Flaky: retry.test.ts (timeouts, 35%) and e2e/cron.spec.ts (port clash). Suggest a fixed "
        + "port range and a 10 s timeout."), "stop", tokens(7400, 980, 0, 0), UsageStyle.PI);
    writeTranscript(subOne, keyA + " (depth 1)");

    // ---- sub-agent, depth 2 (spawned by the depth-1 sub-agent), on the local model
    String bFile = DIR + b + ".jsonl";
    Transcript subTwo = new Transcript(V3, ids, ledger, AGENT, keyB, b, bFile);
    subTwo.header(at("2026-11-06T23:41:00.700Z"), CWD, null).start(ModelPrice.LLAMA, "off");
    subTwo.user("[Subagent Context] You are running as a subagent (depth 2/2). You cannot spawn further.\n\n"
        + "[Subagent Task]: Fetch the last 20 CI run logs and list the failing steps");
    ObjectNode runs = subTwo.toolCall("exec", args("command", "gh run list --limit 20 --json conclusion,name"));
    subTwo.assistant(blocks(runs), "toolUse", tokens(3800, 120, 0, 0), UsageStyle.PI);
    subTwo.toolResult(runs, "[{\"conclusion\":\"failure\",\"name\":\"test\"}, ... 20 runs]", execDetails(0, 2410, CWD));
    subTwo.at(at("2026-11-07T00:03:10Z"));
    subTwo.assistant(say("retry.test.ts timed out in 7 of 20 runs; e2e/cron.spec.ts failed twice on a port clash."),
        "stop", tokens(6100, 540, 0, 0), UsageStyle.PI_NO_COST);
    writeTranscript(subTwo, keyB + " (depth 2; one message without recorded cost)");

    // ---- telegram direct chat: the original file (2 malformed lines), later forked
    String t0File = DIR + t0 + ".jsonl";
    Transcript chat = new Transcript(V3, ids, ledger, AGENT, "session:" + t0, t0, t0File);
    chat.header(at("2026-11-10T13:00:00.500Z"), CWD, null).start(ModelPrice.CLAUDE, "low");
    chat.user(channelText("telegram", "4242", "Alice", "Tue 2026-11-10 08:00 EST",
        "Hey, what did we decide about the Lisbon trip?"));
    chat.assistant(say("Flights on the 27th, the Alfama flat, and the tile museum on Saturday."), "stop",
        tokens(1800, 260, 15000, 0), UsageStyle.PI);
    chat.deliveryMirror("Flights on the 27th, the Alfama flat, and the tile museum on Saturday.");
    chat.user(channelText("telegram", "4242", "Alice", "Tue 2026-11-10 08:02 EST",
        "Book the museum tickets for Saturday?"));
    ObjectNode browse = chat.toolCall("browser", args("action", "open", "url", "https://example.org/tickets"));
    chat.assistant(blocks(browse), "toolUse", tokens(420, 180, 16400, 0), UsageStyle.PI);
    chat.toolResult(browse, "Two tickets reserved for Sat 28 Nov, 10:00. Reference MNAZ-2231.", null);
    chat.assistant(say("Booked: two tickets, Saturday 10:00, reference MNAZ-2231."), "stop",
        tokens(300, 120, 16900, 0), UsageStyle.PI);
    int forkPoint = chat.entries.size();
    chat.deliveryMirror("Booked: two tickets, Saturday 10:00, reference MNAZ-2231.");
    chat.at(at("2026-11-10T18:45:03Z")).user(channelText("telegram", "4242", "Alice", "Tue 2026-11-10 13:45 EST",
        "Thanks! Any vegetarian places near the museum?"));
    chat.assistant(say("Ao 26 Vegan Food Project and Jardim dos Sentidos are both 15 minutes away."), "stop",
        tokens(610, 230, 17100, 0), UsageStyle.PI);
    List<String> chatLines = new ArrayList<>(List.of(HomeFiles.jsonl(chat.entries).split("\n")));
    chatLines.add(6, "{\"type\":\"message\" \"id\":\"deadbeef\",\"parentId\":null}");
    chatLines.add(10, "{\"type\":\"custom\",\"customType\":\"openclaw.cache-ttl\",\"data\":{\"prunedToolResults\":[");
    files.text(t0File, String.join("\n", chatLines) + "\n");
    ledger.malformed.add(new Ledger.BadLine(t0File, 7, "missing ':' / ',' between members"));
    ledger.malformed.add(new Ledger.BadLine(t0File, 11, "truncated JSON object (crash mid-write)"));
    ledger.countedFiles.add(new Ledger.FileNote(t0File, "fork parent of " + keyTelegram + " (2 malformed lines)"));
    ledger.orphans.add(new Ledger.Orphan(AGENT, t0, t0File, keyTelegram, "fork parent (the index now names the fork)"));

    // ---- the fork: copies of the parent's path first (same id + timestamp: deduplicate), then new entries
    Instant forkAt = at("2026-11-12T09:15:00Z");
    String t1File = DIR + Times.forkStamp(forkAt) + "_" + t1 + ".jsonl";
    Transcript fork = new Transcript(V3, ids, ledger, AGENT, keyTelegram, t1, t1File);
    fork.header(forkAt, CWD, FOREIGN_DIR + t0 + ".jsonl");
    fork.copy(chat.entries.subList(1, forkPoint)).assumeModel(ModelPrice.CLAUDE);
    fork.at(at("2026-11-12T09:15:30Z")).user(channelText("telegram", "4242", "Alice", "Thu 2026-11-12 04:15 EST",
        "Change of plan: make it Sunday instead."));
    fork.assistant(say("Moved to Sunday 29 Nov, 10:00; same reference."), "stop", tokens(700, 150, 16900, 0),
        UsageStyle.PI);
    fork.at(at("2026-11-13T02:30:12Z")).user(channelText("telegram", "4242", "Alice", "Thu 2026-11-12 21:30 EST",
        "And a table for two on Sunday evening?"));
    fork.assistant(say("Reserved Taberna da Rua das Flores, Sunday 19:30, for two."), "stop",
        tokens(820, 160, 17400, 0), UsageStyle.PI);
    fork.deliveryMirror("Reserved Taberna da Rua das Flores, Sunday 19:30, for two.");
    writeTranscript(fork, keyTelegram + " (fork; the first " + (forkPoint - 1) + " entries are copies of the parent)");

    // ---- a deleted session, archived as one zstd frame
    Instant deletedAt = at("2026-11-08T12:00:00Z");
    String d0File = DIR + d0 + ".jsonl.deleted." + Times.fileStamp(deletedAt) + ".zst";
    Transcript gone = new Transcript(V3, ids, ledger, AGENT, "session:" + d0, d0, d0File);
    gone.header(at("2026-11-02T22:05:00.900Z"), CWD, null).start(ModelPrice.GEMINI, "off");
    gone.user("Translate the attached changelog into Portuguese.");
    gone.assistant(say("Registo de alteracoes: ..."), "stop", tokens(2900, 1900, 0, 0), UsageStyle.PI);
    gone.at(at("2026-11-02T23:58:31Z")).user("Now the release notes too.");
    gone.assistant(say("Notas de lancamento: ..."), "stop", tokens(3300, 2100, 0, 0), UsageStyle.PI);
    files.bytes(d0File, HomeFiles.zstd(HomeFiles.jsonl(gone.entries).getBytes(StandardCharsets.UTF_8)));
    ledger.countedFiles.add(new Ledger.FileNote(d0File, "deleted archive, one zstd frame (counted)"));
    ledger.orphans.add(new Ledger.Orphan(AGENT, d0, d0File, key("openresponses-user:7f3a9c1e"), "deleted archive"));

    // ---- isolated cron runs
    String c1File = DIR + c1 + ".jsonl";
    Transcript digest = new Transcript(V3, ids, ledger, AGENT, keyC1, c1, c1File);
    digest.header(at("2026-11-15T12:00:00.120Z"), CWD, null).start(ModelPrice.GPT5, "low");
    digest.user("[cron:" + jobDigest + " Morning digest] Summarise my unread GitHub notifications and today's "
        + "calendar in five bullet points.\nCurrent time: Sunday, November 15th, 2026 - 7:00 AM (America/New_York)\n\n"
        + "Return your summary as plain text; it will be delivered automatically.");
    ObjectNode notes = digest.toolCall("exec", args("command", "gh api notifications | jq length"));
    digest.assistant(blocks(digest.thinking("Count notifications first."), notes), "toolUse",
        tokens(3900, 140, 8200, 0), UsageStyle.PI);
    digest.toolResult(notes, "14", execDetails(0, 640, CWD));
    digest.assistant(say("- 14 unread notifications (3 review requests)\n- 10:00 standup\n- 14:00 dentist\n"
        + "- PR #812 approved\n- Lisbon check-in opens Tuesday"), "stop", tokens(420, 610, 12160, 0), UsageStyle.PI);
    writeTranscript(digest, keyC1 + " (isolated cron run)");
    Instant digestEnd = digest.now();

    String c2File = DIR + c2 + ".jsonl";
    Transcript health = new Transcript(V3, ids, ledger, AGENT, keyC2, c2, c2File);
    health.header(at("2026-11-16T06:00:00.080Z"), CWD, null).start(ModelPrice.CLAUDE, "off");
    health.user("[cron:" + jobHealth + " Repo health] Run scripts/repo-health.sh and report failures.\n"
        + "Current time: Monday, November 16th, 2026 - 6:00 AM (UTC)");
    health.error("529 {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}");
    writeTranscript(health, keyC2 + " (isolated cron run that failed)");

    // ---- the session index
    ObjectNode index = JsonOut.object();
    ObjectNode eMain = SessionEntries.entry(main, at("2026-11-05T08:00:01.250Z"), at("2026-11-20T16:40:02Z"));
    eMain.put("chatType", "direct").put("channel", "webchat");
    eMain.set("origin", JsonOut.object().put("provider", "webchat").put("surface", "webchat").put("chatType", "direct"));
    eMain.put("sessionFile", FOREIGN_DIR + m1 + ".jsonl").put("status", "running");
    SessionEntries.lastRun(eMain, main, SKILLS);
    index.set(keyMain, eMain);
    ObjectNode eChat = SessionEntries.entry(fork, forkAt, fork.now());
    eChat.put("chatType", "direct").put("channel", "telegram").put("lastChannel", "telegram");
    eChat.set("origin", SessionEntries.origin("Alice", "telegram", "direct", "telegram:4242", "telegram:4242"));
    eChat.put("sessionFile", FOREIGN_DIR + Times.forkStamp(forkAt) + "_" + t1 + ".jsonl").put("status", "done");
    SessionEntries.lastRun(eChat, fork, SKILLS);
    index.set(keyTelegram, eChat);
    index.set(keyA, subagentEntry(subOne, keyMain, 1, "orchestrator", "ci-audit", a));
    index.set(keyB, subagentEntry(subTwo, keyA, 2, "leaf", "ci-logs", b));
    ObjectNode eC1 = SessionEntries.entry(digest, at("2026-11-15T12:00:00.120Z"), digestEnd);
    eC1.put("label", "Cron: Morning digest").put("sessionFile", FOREIGN_DIR + c1 + ".jsonl").put("status", "done");
    SessionEntries.lastRun(eC1, digest, SKILLS);
    index.set(keyC1, eC1);
    ObjectNode eC2 = SessionEntries.entry(health, at("2026-11-16T06:00:00.080Z"), health.now());
    eC2.put("label", "Cron: Repo health").put("sessionFile", FOREIGN_DIR + c2 + ".jsonl").put("status", "failed");
    eC2.put("modelProvider", "anthropic").put("model", "claude-sonnet-4-5");
    index.set(keyC2, eC2);
    files.prettyJson(DIR + "sessions.json", index);
    ledger.excludedFiles.add(new Ledger.FileNote(DIR + "sessions.json", "session index, not a transcript"));
    ObjectNode bak = JsonOut.object();
    ObjectNode bakMain = eMain.deepCopy().put("sessionId", m0).put("sessionFile", FOREIGN_DIR + m0 + ".jsonl");
    bak.set(keyMain, bakMain);
    files.prettyJson(DIR + "sessions.json.bak.1", bak);
    ledger.excludedFiles.add(new Ledger.FileNote(DIR + "sessions.json.bak.1", "index backup"));

    ledger.sessions.add(new Ledger.Session(AGENT, keyMain, "MAIN", m1, List.of(), null, 0, "sessions.json"));
    ledger.sessions.add(new Ledger.Session(AGENT, keyTelegram, "DIRECT", t1, List.of(), null, 0, "sessions.json"));
    ledger.sessions.add(new Ledger.Session(AGENT, keyA, "SUBAGENT", a, List.of(), keyMain, 1, "sessions.json"));
    ledger.sessions.add(new Ledger.Session(AGENT, keyB, "SUBAGENT", b, List.of(), keyA, 2, "sessions.json"));
    ledger.sessions.add(new Ledger.Session(AGENT, keyC1, "CRON_RUN", c1, List.of(), null, 0, "sessions.json"));
    ledger.sessions.add(new Ledger.Session(AGENT, keyC2, "CRON_RUN", c2, List.of(), null, 0, "sessions.json"));

    writeSubagentRuns(runA, keyA, keyMain, subOne, "Audit the flaky CI jobs of the last week", "ci-audit",
        "google/gemini-2.5-pro", runB, keyB, subTwo);
    new MainCronFiles(ids, ledger, files).write(jobDigest, jobHealth, c1, keyC1, digestEnd, c2, keyC2,
        health.now());
  }

  private ObjectNode subagentEntry(Transcript t, String parent, int depth, String role, String label, String id) {
    Instant start = Instant.parse(t.entries.get(0).get("timestamp").asText());
    ObjectNode entry = SessionEntries.entry(t, start, t.now());
    entry.put("spawnedBy", parent).put("parentSessionKey", parent).put("spawnDepth", depth);
    entry.put("subagentRole", role).put("label", label).put("spawnedWorkspaceDir", CWD);
    entry.put("sessionFile", FOREIGN_DIR + id + ".jsonl").put("status", "done");
    entry.put("startedAt", start.toEpochMilli()).put("endedAt", t.now().toEpochMilli());
    entry.put("runtimeMs", t.now().toEpochMilli() - start.toEpochMilli());
    SessionEntries.lastRun(entry, t, SKILLS);
    return entry;
  }

  private void writeSubagentRuns(String runA, String keyA, String keyMain, Transcript a, String taskA, String labelA,
      String modelA, String runB, String keyB, Transcript b) {
    ObjectNode runs = JsonOut.object();
    runs.set(runA, run(runA, keyA, keyMain, taskA, labelA, modelA, a));
    runs.set(runB, run(runB, keyB, keyA, "Fetch the last 20 CI run logs and list the failing steps", "ci-logs",
        "local/llama", b));
    ObjectNode registry = JsonOut.object().put("version", 2);
    registry.set("runs", runs);
    files.prettyJson("subagents/runs.json", registry);
  }

  private ObjectNode run(String runId, String child, String requester, String task, String label, String model,
      Transcript t) {
    Instant start = Instant.parse(t.entries.get(0).get("timestamp").asText());
    ObjectNode run = JsonOut.object().put("runId", runId).put("childSessionKey", child);
    run.put("requesterSessionKey", requester).put("requesterDisplayKey", requester).put("task", task);
    run.put("cleanup", "keep").put("label", label).put("model", model).put("spawnMode", "run");
    run.put("createdAt", start.toEpochMilli() - 150).put("startedAt", start.toEpochMilli());
    run.put("endedAt", t.now().toEpochMilli());
    run.set("outcome", JsonOut.object().put("status", "ok"));
    return run;
  }

  private void writeTranscript(Transcript t, String note) {
    files.text(t.source, HomeFiles.jsonl(t.entries));
    ledger.countedFiles.add(new Ledger.FileNote(t.source, note));
  }

  private void writeExcludedCopies(String m1, Transcript main) {
    String checkpoint = DIR + m1 + ".checkpoint." + ids.uuid() + ".jsonl";
    files.text(checkpoint, HomeFiles.jsonl(main.entries.subList(0, 12)));
    ledger.excludedFiles.add(new Ledger.FileNote(checkpoint, "pre-compaction checkpoint copy (would double count)"));
    String trajectory = DIR + m1 + ".trajectory.jsonl";
    ArrayNode lines = JsonOut.array();
    lines.add(JsonOut.object().put("type", "run.start").put("ts", "2026-11-05T08:00:03.100Z").put("sessionId", m1));
    lines.add(JsonOut.object().put("type", "model.call.completed").put("ts", "2026-11-05T08:00:05.800Z")
        .put("provider", "anthropic").put("model", "claude-sonnet-4-5").put("durationMs", 2650));
    lines.add(JsonOut.object().put("type", "run.end").put("ts", "2026-11-05T08:00:05.900Z").put("status", "ok"));
    StringBuilder text = new StringBuilder();
    lines.forEach(line -> text.append(JsonOut.line(line)).append('\n'));
    files.text(trajectory, text.toString());
    ledger.excludedFiles.add(new Ledger.FileNote(trajectory, "runtime trajectory trace"));
    String lock = DIR + m1 + ".jsonl.lock";
    files.text(lock, "{\"pid\":48213,\"createdAt\":\"2026-11-20T16:40:02.004Z\"}\n");
    ledger.excludedFiles.add(new Ledger.FileNote(lock, "writer lock"));
  }
}
