package io.clawmetry.api.gateway;

/** How {@code cron.run} runs a job. */
public enum CronRunMode {
  /** Run now even if not due. */
  FORCE,
  /** Run only if due. */
  DUE;

  /** The wire value. */
  public String wire() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
