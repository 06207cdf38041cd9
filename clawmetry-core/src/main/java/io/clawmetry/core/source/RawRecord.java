package io.clawmetry.core.source;

import io.clawmetry.api.EventOrigin;

/**
 * One transcript entry as text, before parsing: a complete JSONL line or one {@code transcript_events} row.
 *
 * @param json the entry's JSON text
 * @param origin where it was read
 * @param sessionIdHint the session id known from outside the text (the database row's {@code session_id}, or the
 *     file's header id once read), or null
 */
public record RawRecord(String json, EventOrigin origin, String sessionIdHint) {}
