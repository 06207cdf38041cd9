package io.clawmetry.api;

/** The kind of a session, parsed from its key (OpenClaw's session-key grammar) and lineage. */
public enum SessionKind {
  MAIN,
  DIRECT,
  GROUP,
  CHANNEL,
  SUBAGENT,
  /** The rolling session of a cron job ({@code cron:<jobId>}). */
  CRON,
  /** One isolated cron run ({@code cron:<jobId>:run:<sessionId>}). */
  CRON_RUN,
  HEARTBEAT,
  OTHER
}
