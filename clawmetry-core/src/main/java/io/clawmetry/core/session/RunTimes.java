package io.clawmetry.core.session;

import java.time.Instant;

/** How long a recorded run took, by one rule for every record of it. */
public final class RunTimes {

  private RunTimes() {}

  /**
   * @param recorded the runtime OpenClaw recorded ({@code runtimeMs}, {@code elapsedMs}), or null
   * @param startedAt the record's own start of the run, or null
   * @param endedAt the record's own end of the run, or null
   * @return {@code recorded} when it is there (and not negative), else {@code endedAt − startedAt} when both are there
   *     and in order, else null
   */
  public static Long runtimeMs(Long recorded, Instant startedAt, Instant endedAt) {
    if (recorded != null && recorded >= 0) {
      return recorded;
    }
    return startedAt == null || endedAt == null || endedAt.isBefore(startedAt) ? null
        : endedAt.toEpochMilli() - startedAt.toEpochMilli();
  }
}
