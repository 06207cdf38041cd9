package io.clawmetry.api;

import java.time.Duration;

/**
 * What a {@link ClawMetry#refresh()} read.
 *
 * @param fullRead whether everything was read (first time, or a transcript was rewritten, replaced or removed)
 * @param filesRead transcript files read (in part or whole)
 * @param bytesRead bytes of transcript files read
 * @param newEvents distinct transcript events added
 * @param took how long it took
 */
public record RefreshStats(boolean fullRead, int filesRead, long bytesRead, long newEvents, Duration took) {}
