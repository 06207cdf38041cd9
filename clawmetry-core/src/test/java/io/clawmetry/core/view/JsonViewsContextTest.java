package io.clawmetry.core.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clawmetry.api.SessionInfo;
import io.clawmetry.api.SessionKind;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The context keys of {@link JsonViews#session}: {@code contextTokens}, {@code contextWindow}, {@code contextPercent}. */
class JsonViewsContextTest {

  private static SessionInfo session(Long tokens, Long window) {
    return new SessionInfo("agent:main:lab-one", "main", SessionKind.OTHER, "a86f", List.of(), null, null, 0, null,
        null, null, null, null, null, null, null, null, null, List.of(), List.of(), tokens, window, null);
  }

  @Test
  void percentHasOneDecimalRoundedHalfUp() {
    assertEquals(new BigDecimal("10.3"), JsonViews.contextPercent(13238L, 128000L), "FORMATS lab-one 10.342 %");
    assertEquals(new BigDecimal("53.8"), JsonViews.contextPercent(17617L, 32768L), "moltbot main 53.762 %");
    assertEquals(new BigDecimal("0.1"), JsonViews.contextPercent(5L, 10000L), "0.05 rounds half up");
    assertEquals(new BigDecimal("125.0"), JsonViews.contextPercent(5L, 4L), "an overfull window is not capped");
    assertNull(JsonViews.contextPercent(null, 128000L));
    assertNull(JsonViews.contextPercent(13238L, null));
    assertNull(JsonViews.contextPercent(13238L, 0L));
  }

  @Test
  void sessionViewWritesTheThreeKeys() {
    ObjectNode known = JsonViews.session(session(13238L, 128000L));
    assertEquals(13238L, known.get("contextTokens").longValue());
    assertEquals(128000L, known.get("contextWindow").longValue());
    assertEquals("10.3", known.get("contextPercent").asText());
    ObjectNode unknown = JsonViews.session(session(null, 128000L));
    assertTrue(unknown.get("contextTokens").isNull());
    assertEquals(128000L, unknown.get("contextWindow").longValue());
    assertTrue(unknown.get("contextPercent").isNull());
  }
}
