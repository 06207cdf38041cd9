package io.clawmetry.api;

/**
 * One file or database that ClawMetry read.
 *
 * @param kind what sort of source it is
 * @param path its path (absolute), or for a database table {@code <db path>#<table>}
 */
public record SourceRef(SourceKind kind, String path) {}
