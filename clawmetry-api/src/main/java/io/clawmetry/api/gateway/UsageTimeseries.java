package io.clawmetry.api.gateway;

import java.util.List;

/**
 * {@code sessions.usage.timeseries}.
 *
 * @param sessionId the session id, or null
 * @param points the points, in time order
 */
public record UsageTimeseries(String sessionId, List<UsagePoint> points) {

  public UsageTimeseries {
    points = List.copyOf(points);
  }
}
