package io.clawmetry.api.gateway;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One entry of {@code sessions.usage.logs}.
 *
 * @param timestamp when
 * @param role {@code user}, {@code assistant}, ...
 * @param content the text
 * @param tokens tokens, or null
 * @param cost cost in USD, or null
 */
public record UsageLogEntry(Instant timestamp, String role, String content, Long tokens, BigDecimal cost) {}
