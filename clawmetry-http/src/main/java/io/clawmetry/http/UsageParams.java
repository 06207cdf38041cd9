package io.clawmetry.http;

import io.clawmetry.api.CostMode;
import io.clawmetry.api.UsagePeriod;
import io.clawmetry.api.UsageQuery;
import io.clawmetry.core.view.UsageArguments;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

/**
 * The query string of {@code /api/usage} and {@code /api/usage.csv}: {@code period} (daily, weekly, monthly,
 * session, model, provider, agent, channel, origin), {@code since}/{@code until} (YYYY-MM-DD or YYYYMMDD, inclusive),
 * {@code tz} (IANA zone), {@code mode} (auto, calculate, display), {@code agent}, {@code startOfWeek}. Bad values are
 * a 400 with a message, as in the CLI.
 */
final class UsageParams {

  private UsageParams() {}

  static UsageQuery parse(Request r, ZoneId defaultZone) {
    UsagePeriod period = period(r.param("period"));
    LocalDate since = date(r.param("since"), "since");
    LocalDate until = date(r.param("until"), "until");
    if (since != null && until != null && since.isAfter(until)) {
      throw HttpFailure.badRequest("since is after until");
    }
    ZoneId zone = zone(r.param("tz"), defaultZone);
    CostMode mode = enumValue(CostMode.class, r.param("mode"), CostMode.AUTO, "mode");
    DayOfWeek sow = enumValue(DayOfWeek.class, r.param("startOfWeek"), DayOfWeek.MONDAY, "startOfWeek");
    String agent = r.param("agent");
    if (agent != null && (agent.isEmpty() || !Ids.valid(agent))) {
      throw HttpFailure.badRequest("bad agent id");
    }
    return new UsageQuery(period, since, until, zone, sow, mode, agent);
  }

  static ZoneId zone(String tz, ZoneId defaultZone) {
    if (tz == null || tz.isEmpty()) {
      return defaultZone;
    }
    try {
      return ZoneId.of(tz);
    } catch (DateTimeException e) {
      throw HttpFailure.badRequest("unknown time zone (use an IANA name like Europe/Paris)");
    }
  }

  private static UsagePeriod period(String p) {
    if (p == null || p.isEmpty()) {
      return UsagePeriod.DAILY;
    }
    return UsageArguments.period(p)
        .orElseThrow(() -> HttpFailure.badRequest("unknown period; use " + UsageArguments.PERIODS));
  }

  private static LocalDate date(String s, String name) {
    if (s == null || s.isEmpty()) {
      return null;
    }
    return UsageArguments.date(s)
        .orElseThrow(() -> HttpFailure.badRequest(name + " expects a date like 2026-11-24"));
  }

  /** The {@code mode} parameter alone (auto, calculate, display; default auto), for views that price single calls. */
  static CostMode costMode(Request r) {
    return enumValue(CostMode.class, r.param("mode"), CostMode.AUTO, "mode");
  }

  private static <E extends Enum<E>> E enumValue(Class<E> type, String s, E dflt, String name) {
    if (s == null || s.isEmpty()) {
      return dflt;
    }
    try {
      return Enum.valueOf(type, s.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw HttpFailure.badRequest("bad " + name);
    }
  }
}
