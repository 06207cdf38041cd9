package io.clawmetry.api;

/**
 * Where an event was read.
 *
 * @param kind the kind of source
 * @param source the file path, or the database path
 * @param position the 1-based line number in a file, or the {@code seq} in a database
 */
public record EventOrigin(SourceKind kind, String source, long position) {}
