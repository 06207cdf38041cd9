package io.clawmetry.api;

/**
 * A problem met while reading, reported instead of thrown. Malformed lines of one file are one warning: {@code count}
 * says how many, {@code firstPosition} where the first one is.
 *
 * @param kind what went wrong
 * @param source the file or database concerned
 * @param count how many occurrences (at least 1)
 * @param firstPosition where the first occurrence is (for example {@code line 12}, {@code seq 40}), or empty
 * @param message a human explanation
 */
public record Warning(WarningKind kind, String source, long count, String firstPosition, String message) {}
