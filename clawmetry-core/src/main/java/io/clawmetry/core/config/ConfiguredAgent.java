package io.clawmetry.core.config;

/**
 * An agent declared in {@code openclaw.json}: {@code agents.list[]} (up to July 2026) or {@code agents.entries.<id>}
 * (2026.9.6). Paths are as written (not tilde-expanded).
 *
 * @param id the agent id, trimmed and lower-cased as OpenClaw normalises it
 * @param name the display name, or null
 * @param workspace the configured workspace, or null
 * @param agentDir the configured agent dir, or null
 * @param isDefault whether the entry says {@code default: true}
 */
public record ConfiguredAgent(String id, String name, String workspace, String agentDir, boolean isDefault) {}
