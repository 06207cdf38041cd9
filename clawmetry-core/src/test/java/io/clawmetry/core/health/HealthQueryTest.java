package io.clawmetry.core.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.clawmetry.api.ClawMetry;
import io.clawmetry.api.HealthQuery;
import io.clawmetry.api.HealthSnapshot;
import io.clawmetry.api.NamedPort;
import io.clawmetry.core.ClawMetryBuilder;
import io.clawmetry.core.discovery.Environment;
import io.clawmetry.core.testing.TestHomes;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link HealthQuery} rules and {@code ClawMetry.health()} on the example home. */
class HealthQueryTest {

  @TempDir Path tmp;

  @Test
  void queryDefaultsAndValidation() {
    HealthQuery q = HealthQuery.defaults();
    assertEquals(85.0, q.diskWarnPercent());
    assertEquals(List.of(), q.extraPorts());
    HealthQuery more = q.withDiskWarnPercent(90).withPort("clawmetry", 8900).withPort("proxy", 443);
    assertEquals(List.of(new NamedPort("clawmetry", 8900), new NamedPort("proxy", 443)), more.extraPorts());
    assertEquals(90.0, more.diskWarnPercent());
    assertThrows(IllegalArgumentException.class, () -> q.withDiskWarnPercent(0));
    assertThrows(IllegalArgumentException.class, () -> q.withDiskWarnPercent(100.5));
    assertThrows(IllegalArgumentException.class, () -> q.withDiskWarnPercent(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> q.withPort("x", 0));
    assertThrows(IllegalArgumentException.class, () -> q.withPort("x", 65536));
  }

  @Test
  void facadeChecksTheGatewayPortFirstThenTheExtraPorts() {
    Instant now = Instant.parse("2026-11-20T10:15:30Z");
    Path home = TestHomes.exampleHome();
    try (ClawMetry cm =
        ClawMetryBuilder.create()
            .environment(Environment.of(Map.of(), tmp))
            .stateDir(home)
            .clock(Clock.fixed(now, ZoneOffset.UTC))
            .build()) {
      HealthSnapshot h = cm.health(HealthQuery.defaults().withDiskWarnPercent(99.9).withPort("clawmetry", 65535));
      assertEquals(now, h.at());
      assertEquals(List.of("gateway", "clawmetry"), h.ports().stream().map(p -> p.name()).toList());
      assertEquals(List.of(18789, 65535), h.ports().stream().map(p -> p.port()).toList());
      assertEquals(home.toString(), h.disk().path());
      assertEquals(99.9, h.disk().warnPercent());
      assertEquals(1, cm.health().ports().size(), "the default query checks the gateway port only");
      assertEquals(85.0, cm.health().disk().warnPercent());
    }
  }
}
