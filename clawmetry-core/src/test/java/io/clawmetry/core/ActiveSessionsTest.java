package io.clawmetry.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.clawmetry.api.ClawMetry;
import io.clawmetry.api.SessionInfo;
import io.clawmetry.core.discovery.Environment;
import io.clawmetry.core.testing.TestHomes;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The overview's active sessions are those updated in the 30 minutes up to now, ends included, with one minute of
 * clock skew allowed into the future; a session updated later than that (a clock set wrong, a copied home) is not
 * active.
 */
class ActiveSessionsTest {

  @TempDir Path tmp;

  private Set<String> active(String now) {
    try (ClawMetry cm =
        ClawMetryBuilder.create()
            .environment(Environment.of(Map.of(), tmp))
            .stateDir(TestHomes.exampleHome())
            .clock(Clock.fixed(Instant.parse(now), ZoneOffset.UTC))
            .build()) {
      return cm.overview(ZoneId.of("UTC")).activeSessions().stream()
          .map(SessionInfo::key)
          .collect(Collectors.toSet());
    }
  }

  private static final String OPS_SUBAGENT = "agent:ops:subagent:43d8ce88-9d5f-47b7-9893-eec9a52a0231"; // 01:40:51.328
  private static final String OPS_MAIN = "agent:ops:main"; // 2026-11-19T01:52:41.524Z
  private static final String RESEARCH_MAIN = "agent:research:main"; // 2026-11-19T14:20:12.935Z

  @Test
  void sessionsUpdatedAfterNowAreNotActive() {
    // every session of the example home was updated after this instant
    assertEquals(Set.of(), active("2026-11-01T05:00:00Z"));
  }

  @Test
  void theLastThirtyMinutesEndsIncluded() {
    assertEquals(Set.of(OPS_SUBAGENT, OPS_MAIN), active("2026-11-19T02:10:00Z"));
    assertEquals(Set.of(OPS_SUBAGENT, OPS_MAIN), active("2026-11-19T02:10:51.328Z")); // exactly 30 minutes
    assertEquals(Set.of(OPS_MAIN), active("2026-11-19T02:10:51.329Z"));
  }

  @Test
  void oneMinuteOfClockSkewIntoTheFuture() {
    assertEquals(Set.of(RESEARCH_MAIN), active("2026-11-19T14:19:12.935Z")); // exactly one minute ahead
    assertEquals(Set.of(), active("2026-11-19T14:19:12.934Z"));
  }
}
