package io.clawmetry.api;

import java.time.Instant;

/**
 * One sub-agent run: a child session spawned by a requester session.
 *
 * @param runId the run id, or null when known only from session lineage
 * @param childSessionKey the sub-agent's session key
 * @param requesterSessionKey the session that spawned it
 * @param agentId the agent of the child session
 * @param depth 1 for a child of a top-level session, 2 for a grandchild, ...
 * @param task the task it was given, or null
 * @param label its label, or null
 * @param model the model it ran on, or null
 * @param status {@code running|done|failed|...}, or null
 * @param createdAt when it was spawned, or null
 * @param endedAt when it ended, or null
 * @param source where it was read
 * @param runtimeMs how long it ran as its record says: OpenClaw's recorded runtime ({@code runtimeMs}, or the outcome's
 *     {@code elapsedMs}), else {@code endedAt − startedAt} of the same record (the run's start, not {@code createdAt});
 *     null when neither is there
 */
public record SubagentRun(
    String runId,
    String childSessionKey,
    String requesterSessionKey,
    String agentId,
    int depth,
    String task,
    String label,
    String model,
    String status,
    Instant createdAt,
    Instant endedAt,
    SourceRef source,
    Long runtimeMs) {}
