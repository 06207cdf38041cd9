package io.clawmetry.core.view;

import io.clawmetry.api.UsagePeriod;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * The spellings users type for usage queries, shared by the CLI's arguments and the HTTP API's parameters: periods
 * ({@code daily}, {@code week}, {@code models}, ...) and dates ({@code 2026-11-24} or {@code 20261124}).
 */
public final class UsageArguments {

  /** What to tell a user who gave an unknown period. */
  public static final String PERIODS = "daily, weekly, monthly, session, model, provider, agent, channel or origin";

  private UsageArguments() {}

  /** The period a word names (singular or plural, any case), or empty. */
  public static Optional<UsagePeriod> period(String word) {
    switch (word.toLowerCase(Locale.ROOT)) {
      case "daily":
      case "day":
        return Optional.of(UsagePeriod.DAILY);
      case "weekly":
      case "week":
        return Optional.of(UsagePeriod.WEEKLY);
      case "monthly":
      case "month":
        return Optional.of(UsagePeriod.MONTHLY);
      case "session":
      case "sessions":
        return Optional.of(UsagePeriod.SESSION);
      case "model":
      case "models":
        return Optional.of(UsagePeriod.MODEL);
      case "provider":
      case "providers":
        return Optional.of(UsagePeriod.PROVIDER);
      case "agent":
      case "agents":
        return Optional.of(UsagePeriod.AGENT);
      case "channel":
      case "channels":
        return Optional.of(UsagePeriod.CHANNEL);
      case "origin":
      case "origins":
        return Optional.of(UsagePeriod.ORIGIN);
      default:
        return Optional.empty();
    }
  }

  /** A date as {@code YYYY-MM-DD} or {@code YYYYMMDD}, or empty when it is neither. */
  public static Optional<LocalDate> date(String s) {
    try {
      return Optional.of(
          s.length() == 8 ? LocalDate.parse(s, DateTimeFormatter.BASIC_ISO_DATE) : LocalDate.parse(s));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
