package io.clawmetry.api;

/** How usage is bucketed. */
public enum UsagePeriod {
  DAILY,
  WEEKLY,
  MONTHLY,
  SESSION,
  MODEL,
  PROVIDER,
  AGENT,
  CHANNEL,
  /** By origin kind: user, cron, sub-agent, heartbeat, other. */
  ORIGIN
}
