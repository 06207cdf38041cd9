package io.clawmetry.core.source;

/**
 * What was read of one session's rows in an agent database: the highest {@code seq} and how many rows up to it. The
 * count tells rows deleted from the middle of a session (its last row kept) from a session that only grew.
 *
 * @param lastSeq the highest {@code seq} read
 * @param rows the rows read, all with {@code seq <= lastSeq}
 */
record SessionRows(long lastSeq, long rows) {}
