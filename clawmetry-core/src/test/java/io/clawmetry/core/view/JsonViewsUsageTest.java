package io.clawmetry.core.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clawmetry.api.Usage;
import org.junit.jupiter.api.Test;

/** {@link JsonViews#usage}: {@code cacheWrite1h} only when positive, as OpenClaw writes it (goldens stay unchanged). */
class JsonViewsUsageTest {

  @Test
  void oneHourCacheWritesOnlyWhenPositive() {
    ObjectNode with = JsonViews.usage(new Usage(1, 2, 3, 900, 906, 0, null, 600));
    assertEquals(900, with.get("cacheWrite").longValue());
    assertEquals(600, with.get("cacheWrite1h").longValue());
    ObjectNode without = JsonViews.usage(new Usage(1, 2, 3, 900, 906, 0, null));
    assertFalse(without.has("cacheWrite1h"));
    assertEquals(
        "{\"input\":1,\"output\":2,\"cacheRead\":3,\"cacheWrite\":900,\"total\":906,\"reasoning\":0,"
            + "\"recordedCost\":null}",
        without.toString());
  }
}
