package io.clawmetry.core.report;

import io.clawmetry.api.CronJob;
import io.clawmetry.api.Overview;
import io.clawmetry.api.SessionInfo;
import io.clawmetry.api.TokenCounts;
import io.clawmetry.api.UsageLine;
import io.clawmetry.api.UsageReport;
import io.clawmetry.api.UsageRow;
import io.clawmetry.api.Warning;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/** Computes the {@link Overview} from a daily and a per-model usage report, sessions and crons. */
public final class Overviews {

  /** A session updated this recently counts as active. */
  public static final Duration ACTIVE_WINDOW = Duration.ofMinutes(30);

  /**
   * How far after now a session's update time may lie and the session still count as active: clock skew between the
   * gateway that wrote it and the reader (a home on another host or a shared disk). Anything later is not active (a
   * clock set wrong, a home copied with times in the future).
   */
  public static final Duration ACTIVE_CLOCK_SKEW = Duration.ofMinutes(1);

  private Overviews() {}

  /** The first day the daily report passed to {@link #build} must cover: the earlier of week start and month start. */
  public static LocalDate firstDayNeeded(LocalDate today) {
    LocalDate week = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    LocalDate month = today.withDayOfMonth(1);
    return week.isBefore(month) ? week : month;
  }

  /**
   * @param now the clock's instant
   * @param zone the zone of "today"
   * @param daily daily usage from {@link #firstDayNeeded} to today
   * @param monthByModel per-model usage from the first of the month to today
   */
  public static Overview build(
      Instant now,
      ZoneId zone,
      UsageReport daily,
      UsageReport monthByModel,
      List<SessionInfo> sessions,
      List<CronJob> crons,
      List<Warning> warnings) {
    LocalDate today = now.atZone(zone).toLocalDate();
    LocalDate weekStart = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    LocalDate monthStart = today.withDayOfMonth(1);
    BigDecimal day = BigDecimal.ZERO;
    BigDecimal week = BigDecimal.ZERO;
    BigDecimal month = BigDecimal.ZERO;
    TokenCounts tokensToday = TokenCounts.ZERO;
    for (UsageRow r : daily.rows()) {
      LocalDate d = LocalDate.parse(r.key());
      if (d.equals(today)) {
        day = day.add(r.cost());
        tokensToday = tokensToday.plus(r.tokens());
      }
      if (!d.isBefore(weekStart) && !d.isAfter(today)) {
        week = week.add(r.cost());
      }
      if (!d.isBefore(monthStart) && !d.isAfter(today)) {
        month = month.add(r.cost());
      }
    }
    BigDecimal projected =
        month
            .multiply(BigDecimal.valueOf(today.lengthOfMonth()))
            .divide(BigDecimal.valueOf(today.getDayOfMonth()), 6, RoundingMode.HALF_EVEN);
    List<SessionInfo> active = new ArrayList<>();
    for (SessionInfo s : sessions) {
      // "running" alone is not enough: a crashed run leaves its session marked running for good
      if (s.updatedAt() != null
          && !s.updatedAt().isBefore(now.minus(ACTIVE_WINDOW))
          && !s.updatedAt().isAfter(now.plus(ACTIVE_CLOCK_SKEW))) {
        active.add(s);
      }
    }
    List<UsageLine> top = new ArrayList<>();
    for (UsageRow r : monthByModel.rows()) {
      r.models().stream().filter(l -> l.calls() > 0).forEach(top::add); // not a model whose calls all failed
    }
    top.sort((a, b) -> b.cost().compareTo(a.cost()));
    List<CronJob> failing = new ArrayList<>();
    for (CronJob j : crons) {
      if (j.state() != null && ("error".equals(j.state().lastStatus()) || j.state().consecutiveErrors() > 0)) {
        failing.add(j);
      }
    }
    return new Overview(
        now,
        today,
        zone.getId(),
        plain(day),
        plain(week),
        plain(month),
        plain(projected),
        tokensToday,
        active,
        sessions.size(),
        top.subList(0, Math.min(5, top.size())),
        failing,
        warnings);
  }

  private static BigDecimal plain(BigDecimal v) {
    return v.signum() == 0 ? BigDecimal.ZERO : v.stripTrailingZeros();
  }
}
