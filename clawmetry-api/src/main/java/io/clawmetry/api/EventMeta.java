package io.clawmetry.api;

import java.time.Instant;

/**
 * What every transcript event carries.
 *
 * @param sessionId the session the event belongs to (from the transcript header or the database)
 * @param id the entry id, or null for entries without one (v1 and bare lines)
 * @param parentId the parent entry id, or null
 * @param timestamp when the entry was written (entry timestamp, else message timestamp), or null when unknown
 * @param origin where it was read
 * @param dedupKey a key stable across sources: the same entry read from a JSONL archive, a fork copy and SQLite has the
 *     same key
 */
public record EventMeta(
    String sessionId, String id, String parentId, Instant timestamp, EventOrigin origin, String dedupKey) {}
