package io.clawmetry.examples;

import static io.clawmetry.examples.Transcript.Style.V3;
import static io.clawmetry.examples.Transcript.Style.V4;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Agent {@code research}: migrated from JSONL to SQLite ({@code openclaw doctor --fix}). The imported files sit in
 * {@code session-sqlite-import-archive/}; one live JSONL was imported but left in place; an old reset archive was
 * never imported.
 */
final class ResearchAgentScenario extends Scenario {
  static final String AGENT = "research";
  static final String DB = "agents/research/agent/openclaw-agent.sqlite";
  static final String DIR = "agents/research/sessions/";
  static final String ARCHIVE = DIR + "session-sqlite-import-archive/";
  static final String FOREIGN_DIR = FOREIGN_STATE_DIR + "/agents/research/sessions/";
  static final String CWD = FOREIGN_STATE_DIR + "/workspace-research";
  static final String SKILLS = "/usr/lib/node_modules/openclaw/skills";

  ResearchAgentScenario(Ids ids, Ledger ledger, HomeFiles files) {
    super(ids, ledger, files);
  }

  /** Builds the transcripts and writes the files and the agent database. */
  void write() throws SQLException {
    String r0 = ids.uuid();
    String r1 = ids.uuid();
    String r2 = ids.uuid();
    String r3 = ids.uuid();
    String keyMain = "agent:research:main";
    String keyPaper = "agent:research:explicit:paper-review";
    String keyDiscord = "agent:research:discord:direct:5150";

    Instant resetAt = at("2026-11-04T10:00:00Z");
    String r0File = DIR + r0 + ".jsonl.reset." + Times.fileStamp(resetAt);
    Transcript old = new Transcript(V3, ids, ledger, AGENT, "session:" + r0, r0, r0File);
    old.header(at("2026-11-02T15:30:00.600Z"), CWD, null).start(ModelPrice.CLAUDE, "medium");
    old.user("Collect recent papers on speculative decoding.");
    old.assistant(say("Found 6 papers from 2025-2026; the two most cited are ..."), "stop",
        tokens(2600, 900, 0, 12000), UsageStyle.PI);
    old.at(at("2026-11-03T22:15:07Z")).user("Summarise the second one.");
    old.assistant(say("It drafts with a 1B model and verifies 4-8 tokens per step ..."), "stop",
        tokens(700, 640, 14400, 0), UsageStyle.PI);
    files.text(r0File, HomeFiles.jsonl(old.entries));
    ledger.countedFiles.add(new Ledger.FileNote(r0File, "E2 reset archive, never imported (counted)"));
    ledger.orphans.add(new Ledger.Orphan(AGENT, r0, r0File, keyMain, "reset archive not imported into SQLite"));

    Transcript main = new Transcript(V3, ids, ledger, AGENT, keyMain, r1, DB);
    main.header(at("2026-11-04T10:00:04.100Z"), CWD, null).start(ModelPrice.CLAUDE, "medium");
    main.user("Start a reading list on KV-cache compression.");
    main.assistant(say("Reading list started with 4 entries."), "stop", tokens(1900, 420, 13100, 0), UsageStyle.PI);
    main.at(at("2026-11-06T22:45:03Z")).switchModel(ModelPrice.LLAMA);
    main.user("Extract the abstracts into notes/kv-cache.md.");
    ObjectNode write = main.toolCall("write", args("path", "notes/kv-cache.md", "content", "# KV-cache compression"));
    main.assistant(blocks(write), "toolUse", tokens(8800, 1300, 0, 0), UsageStyle.PI);
    main.toolResult(write, "Wrote 4120 bytes to notes/kv-cache.md", null);
    main.assistant(say("Abstracts saved to notes/kv-cache.md."), "stop", tokens(10300, 60, 0, 0), UsageStyle.PI);
    List<ObjectNode> imported = new ArrayList<>(main.entries);
    main.continueAs(V4).at(at("2026-11-19T14:20:05Z")).switchModel(ModelPrice.CLAUDE);
    main.user("Add the two new arXiv papers from this week.");
    main.assistant(say("Added: 'KVQuant-2' and 'Cache Folding'."), "stop", tokens(1500, 210, 15800, 0),
        UsageStyle.PI);

    Transcript paper = new Transcript(V3, ids, ledger, AGENT, keyPaper, r2, DB);
    paper.header(at("2026-11-08T19:05:00.800Z"), CWD, null).start(ModelPrice.GEMINI, "high");
    paper.user("Review the attached draft for the workshop paper.");
    paper.assistant(say("Main issues: the baseline is under-tuned and Table 2 lacks variance."), "stop",
        tokens(48_000, 2_200, 0, 0), UsageStyle.PI);
    paper.at(at("2026-11-09T00:20:14Z")).user("Suggest a fairer baseline.");
    paper.assistant(say("Tune the baseline's learning rate over the same grid and report 3 seeds."), "stop",
        tokens(1100, 520, 47_000, 0), UsageStyle.PI);

    Transcript discord = new Transcript(V3, ids, ledger, AGENT, keyDiscord, r3, DB);
    discord.header(at("2026-11-13T16:00:00.300Z"), CWD, null).start(ModelPrice.GPT5, "low");
    discord.user(channelText("discord", "5150", "bob", "Fri 2026-11-13 16:00 UTC", "Any good survey on RAG eval?"));
    discord.assistant(say("Try the 2025 survey 'Evaluating Retrieval-Augmented Generation'."), "stop",
        tokens(1500, 190, 2048, 0), UsageStyle.PI);
    String r3File = DIR + r3 + ".jsonl";
    files.text(r3File, HomeFiles.jsonl(discord.entries));
    ledger.duplicateFiles.add(new Ledger.FileNote(r3File,
        "live JSONL left in place, every entry also in the agent DB (same session id, ids and timestamps)"));

    files.text(ARCHIVE + r1 + ".jsonl", HomeFiles.jsonl(imported));
    files.text(ARCHIVE + r2 + ".jsonl", HomeFiles.jsonl(paper.entries));
    ledger.excludedFiles.add(new Ledger.FileNote(ARCHIVE + r1 + ".jsonl", "import archive (its events are in SQLite)"));
    ledger.excludedFiles.add(new Ledger.FileNote(ARCHIVE + r2 + ".jsonl", "import archive (its events are in SQLite)"));
    ObjectNode moved = JsonOut.object();
    ObjectNode movedMain = SessionEntries.entry(main, at("2026-11-04T10:00:04.100Z"), at("2026-11-06T22:46:00Z"));
    movedMain.put("chatType", "direct").put("sessionFile", FOREIGN_DIR + r1 + ".jsonl");
    moved.set(keyMain, movedMain);
    ObjectNode movedPaper = SessionEntries.entry(paper, at("2026-11-08T19:05:00.800Z"), paper.now());
    movedPaper.put("label", "paper-review").put("sessionFile", FOREIGN_DIR + r2 + ".jsonl");
    moved.set(keyPaper, movedPaper);
    files.prettyJson(ARCHIVE + "sessions.json", moved);
    ledger.excludedFiles.add(new Ledger.FileNote(ARCHIVE + "sessions.json", "imported session index"));

    try (AgentDatabase db = new AgentDatabase(files.path(DB), AGENT, at("2026-11-15T08:30:00.000Z"))) {
      db.node(new AgentDatabase.Node(keyMain, r1, entry(main), main.now(), "done", at("2026-11-04T10:00:04.100Z"),
          "operator", "human", null, null, null, null, main.now()));
      db.node(new AgentDatabase.Node(keyPaper, r2, entry(paper).put("label", "paper-review"), paper.now(), "done",
          at("2026-11-08T19:05:00.800Z"), "run", "human", null, null, "paper-review", "paper-review", paper.now()));
      ObjectNode discordEntry = entry(discord).put("chatType", "direct").put("channel", "discord");
      discordEntry.set("origin", SessionEntries.origin("bob", "discord", "direct", "discord:5150", "discord:5150"));
      db.node(new AgentDatabase.Node(keyDiscord, r3, discordEntry, discord.now(), "done",
          at("2026-11-13T16:00:00.300Z"), "channel", "human", null, null, null, null, discord.now()));
      db.window(new AgentDatabase.Window(main, null, null, "done", "direct", null, null, null), Set.of());
      db.window(new AgentDatabase.Window(paper, null, null, "done", null, null, null, "paper-review"), Set.of());
      db.window(new AgentDatabase.Window(discord, null, null, "done", "direct", "discord", null, null), Set.of());
    }
    ledger.countedFiles.add(new Ledger.FileNote(DB, "agent research: 3 imported sessions (one continued in SQLite)"));
    ledger.sessions.add(new Ledger.Session(AGENT, keyMain, "MAIN", r1, List.of(), null, 0, "session_nodes"));
    ledger.sessions.add(new Ledger.Session(AGENT, keyPaper, "OTHER", r2, List.of(), null, 0, "session_nodes"));
    ledger.sessions.add(new Ledger.Session(AGENT, keyDiscord, "DIRECT", r3, List.of(), null, 0, "session_nodes"));
  }

  private ObjectNode entry(Transcript t) {
    Instant start = Instant.parse(t.entries.get(0).get("timestamp").asText());
    ObjectNode entry = SessionEntries.entry(t, start, t.now());
    entry.put("status", "done");
    SessionEntries.lastRun(entry, t, SKILLS);
    return entry;
  }
}
