package io.clawmetry.core.event;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link SmallFieldMap} behaves as the {@link LinkedHashMap} Jackson's object nodes use, under seeded random sequences
 * of puts (repeated names included), gets, removes, iterator removes and entry writes: same contents, same order,
 * equal both ways, same hash code.
 */
class SmallFieldMapTest {

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 30);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void behavesAsALinkedHashMap(long seed) {
    Random r = new Random(seed);
    Map<String, JsonNode> expected = new LinkedHashMap<>();
    SmallFieldMap actual = new SmallFieldMap();
    String[] names = new String[20];
    for (int k = 0; k < names.length; k++) {
      names[k] = "f" + k;
    }
    for (int step = 0; step < 400; step++) {
      String name = new String(names[r.nextInt(names.length)]); // equal, not identical: lookups must use equals
      String why = "seed " + seed + " step " + step;
      switch (r.nextInt(6)) {
        case 0, 1 -> {
          JsonNode v = IntNode.valueOf(r.nextInt(100));
          assertEquals(expected.put(name, v), actual.put(name, v), why);
        }
        case 2 -> assertEquals(expected.get(name), actual.get(name), why);
        case 3 -> assertEquals(expected.remove(name), actual.remove(name), why);
        case 4 -> { // remove every third field through the iterator
          Iterator<Map.Entry<String, JsonNode>> a = actual.entrySet().iterator();
          Iterator<Map.Entry<String, JsonNode>> e = expected.entrySet().iterator();
          for (int i = 0; e.hasNext(); i++) {
            assertEquals(e.next(), a.next(), why);
            if (i % 3 == 2) {
              e.remove();
              a.remove();
            }
          }
          assertEquals(false, a.hasNext(), why);
        }
        default -> { // write through entries
          List<Map.Entry<String, JsonNode>> a = new ArrayList<>(actual.entrySet());
          for (Map.Entry<String, JsonNode> entry : a) {
            JsonNode v = IntNode.valueOf(r.nextInt(100));
            assertEquals(expected.put(entry.getKey(), v), entry.setValue(v), why);
          }
        }
      }
      assertEquals(expected.size(), actual.size(), why);
      assertEquals(new ArrayList<>(expected.entrySet()), new ArrayList<>(actual.entrySet()), why);
      assertEquals(expected, actual, why);
      assertEquals(actual, expected, why);
      assertEquals(expected.hashCode(), actual.hashCode(), why);
    }
  }
}
