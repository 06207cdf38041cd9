package io.clawmetry.api;

/**
 * One agent of the installation and where its data lives.
 *
 * @param id the agent id (lower case, default {@code main})
 * @param era which storage era the agent's transcripts are in
 * @param agentDir {@code <stateDir>/agents/<id>/agent} or its override
 * @param sessionsDir {@code <stateDir>/agents/<id>/sessions}
 * @param database the per-agent SQLite database, or null
 * @param schemaVersion the database's {@code user_version}, or null
 * @param workspace the agent's workspace directory, or null
 * @param transcriptFiles how many counted JSONL transcript files (live and archives) were found
 * @param databaseEvents how many {@code transcript_events} rows the database holds
 */
public record AgentInfo(
    String id,
    Era era,
    String agentDir,
    String sessionsDir,
    String database,
    Integer schemaVersion,
    String workspace,
    int transcriptFiles,
    long databaseEvents) {}
