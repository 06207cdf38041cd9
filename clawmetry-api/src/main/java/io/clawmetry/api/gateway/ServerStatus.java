package io.clawmetry.api.gateway;

import java.util.Map;

/**
 * {@code status}: runtime version, task counts and the session summary.
 *
 * @param runtimeVersion the gateway version
 * @param sessionCount the number of sessions, or null
 * @param tasksByStatus task counts by status ({@code queued}, {@code running}, {@code succeeded}, ...)
 * @param tasksByRuntime task counts by runtime ({@code cli}, {@code cron}, {@code subagent}, ...)
 * @param rawJson the whole payload as JSON text
 */
public record ServerStatus(
    String runtimeVersion,
    Integer sessionCount,
    Map<String, Long> tasksByStatus,
    Map<String, Long> tasksByRuntime,
    String rawJson) {

  public ServerStatus {
    tasksByStatus = Map.copyOf(tasksByStatus);
    tasksByRuntime = Map.copyOf(tasksByRuntime);
  }
}
