package io.clawmetry.api;

/** The kinds of OpenClaw data ClawMetry reads. */
public enum SourceKind {
  /** A live JSONL transcript {@code <sessionId>.jsonl}. */
  JSONL_TRANSCRIPT,
  /** A {@code .jsonl.reset.<ts>} or {@code .jsonl.deleted.<ts>} archive. */
  JSONL_ARCHIVE,
  /** A zstd-compressed transcript or archive ({@code .zst}). */
  ZSTD_ARCHIVE,
  /** Rows of {@code transcript_events} in a per-agent SQLite database. */
  SQLITE_TRANSCRIPT,
  /** The session index {@code sessions.json}. */
  SESSION_INDEX_JSON,
  /** The session index tables {@code session_nodes} / {@code session_windows}. */
  SESSION_INDEX_SQLITE,
  /** The state database {@code state/openclaw.sqlite}. */
  STATE_DATABASE,
  /** The cron store {@code cron/jobs.json} (and {@code jobs-state.json}). */
  CRON_STORE_JSON,
  /** A cron run log {@code cron/runs/<jobId>.jsonl}. */
  CRON_RUN_LOG,
  /** The sub-agent registry {@code subagents/runs.json}. */
  SUBAGENT_REGISTRY_JSON,
  /** The configuration {@code openclaw.json}. */
  CONFIG
}
