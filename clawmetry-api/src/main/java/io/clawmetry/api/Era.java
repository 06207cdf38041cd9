package io.clawmetry.api;

/** The storage era of one agent's transcripts. */
public enum Era {
  /** JSONL transcripts and {@code sessions.json} (OpenClaw up to 2026.7.1). */
  JSONL,
  /** Per-agent SQLite database with {@code transcript_events} (2026.7.2 on). */
  SQLITE,
  /** SQLite database plus JSONL files left from before the migration (archives, imported files). */
  MIGRATED,
  /** Neither transcripts nor a transcript database were found. */
  EMPTY
}
