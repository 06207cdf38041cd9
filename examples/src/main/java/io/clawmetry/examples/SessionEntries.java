package io.clawmetry.examples;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** Builds {@code SessionEntry} objects ({@code sessions.json} values and {@code session_nodes.entry_json}). */
final class SessionEntries {
  private static final String[][] SKILLS = {
    {"apple-notes", "Manage Apple Notes via the memo CLI: create, view, edit, delete, search, move and export notes."},
    {"clawhub", "Search ClawHub for skills when a requested capability is not already available; install or update."},
    {"coding-agent", "Delegate coding tasks to a sub-agent with its own workspace; review the diff before merging."},
    {"github", "Interact with GitHub using the gh CLI: issues, pull requests, CI runs and code search."},
    {"healthcheck", "Run the workspace health-check script, summarise failures and propose fixes."},
    {"himalaya", "Read, search and draft e-mail with the himalaya CLI; never send without confirmation."},
    {"nano-pdf", "Edit PDFs with natural-language instructions using the nano-pdf CLI."},
    {"session-logs", "Search and analyse your own session logs (older conversations) with jq."},
    {"skill-creator", "Create or update agent skills: SKILL.md layout, references, scripts and assets."},
    {"summarize", "Summarise or extract text from URLs, podcasts and local files."},
    {"weather", "Get current weather and forecasts for a location (no API key required)."},
    {"web-research", "Plan a web search, open the best sources, and cite them in a short report."},
  };

  private SessionEntries() {}

  /** The large {@code skillsSnapshot} value real entries carry (a reader should skip it). */
  static ObjectNode skillsSnapshot(String skillsRoot) {
    StringBuilder prompt = new StringBuilder(
        "\n\nThe following skills provide specialized instructions for specific tasks.\n"
            + "Use the read tool to load a skill's file when the task matches its description.\n\n<available_skills>\n");
    ArrayNode skills = JsonOut.array();
    ArrayNode resolved = JsonOut.array();
    for (String[] skill : SKILLS) {
      String location = skillsRoot + "/" + skill[0] + "/SKILL.md";
      prompt.append("  <skill>\n    <name>").append(skill[0]).append("</name>\n    <description>").append(skill[1])
          .append("</description>\n    <location>").append(location).append("</location>\n  </skill>\n");
      skills.add(JsonOut.object().put("name", skill[0]));
      resolved.add(JsonOut.object().put("name", skill[0]).put("description", skill[1]).put("filePath", location)
          .put("baseDir", skillsRoot + "/" + skill[0]).put("source", "openclaw-bundled"));
    }
    prompt.append("</available_skills>");
    ObjectNode snapshot = JsonOut.object().put("prompt", prompt.toString());
    snapshot.set("skills", skills);
    snapshot.set("resolvedSkills", resolved);
    snapshot.put("version", 1);
    return snapshot;
  }

  /**
   * The common part of an entry: identity, model, and the last-run counters (deliberately those of the last call
   * only, never totals).
   */
  static ObjectNode entry(Transcript transcript, Instant startedAt, Instant updatedAt) {
    ObjectNode entry = JsonOut.object();
    entry.put("sessionId", transcript.sessionId).put("updatedAt", updatedAt.toEpochMilli());
    entry.put("sessionStartedAt", startedAt.toEpochMilli()).put("systemSent", true).put("abortedLastRun", false);
    return entry;
  }

  /** Adds model and last-run counters (the values of the last assistant call, as OpenClaw stores them). */
  static void lastRun(ObjectNode entry, Transcript transcript, String skillsRoot) {
    ModelPrice model = transcript.model();
    Tokens last = transcript.lastTokens();
    entry.put("modelProvider", model.provider()).put("model", model.model());
    entry.put("contextTokens", model.contextWindow());
    entry.put("inputTokens", last.input()).put("outputTokens", last.output()).put("cacheRead", last.cacheRead());
    entry.put("cacheWrite", last.cacheWrite());
    entry.put("totalTokens", last.input() + last.cacheRead() + last.cacheWrite()).put("totalTokensFresh", true);
    entry.set("estimatedCostUsd", JsonOut.number(transcript.lastCost()));
    entry.put("compactionCount", 0);
    entry.set("skillsSnapshot", skillsSnapshot(skillsRoot));
  }

  /** A {@code origin} object of a channel session. */
  static ObjectNode origin(String label, String provider, String chatType, String from, String to) {
    return JsonOut.object().put("label", label).put("provider", provider).put("surface", provider)
        .put("chatType", chatType).put("from", from).put("to", to).put("accountId", "default");
  }
}
