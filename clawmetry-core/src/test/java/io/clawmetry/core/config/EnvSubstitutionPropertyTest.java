package io.clawmetry.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.clawmetry.core.discovery.Environment;
import io.clawmetry.core.warn.Warnings;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seeded random strings made of plain text, {@code $-}, {@code ${SET}}, {@code ${UNSET}}, {@code $${SET}} and {@code
 * ${lower}} pieces substitute exactly as the piece-wise model says.
 */
class EnvSubstitutionPropertyTest {

  private static final Map<String, String> VARS = Map.of("SET_A", "alpha", "B_2", "b$2");

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 42, 1234, 99999, 271828, 314159})
  void substitutionMatchesThePieceModel(long seed) {
    Random r = new Random(seed);
    EnvLookup env = EnvLookup.of(Environment.of(VARS, Path.of("/")));
    for (int round = 0; round < 200; round++) {
      StringBuilder input = new StringBuilder();
      StringBuilder expected = new StringBuilder();
      int unresolved = 0;
      int pieces = r.nextInt(6);
      for (int i = 0; i < pieces; i++) {
        switch (r.nextInt(7)) {
          case 0 -> append(input, expected, "t" + r.nextInt(10), null);
          case 1 -> append(input, expected, "$-", "$-");
          case 2 -> append(input, expected, "${SET_A}", "alpha");
          case 3 -> append(input, expected, "${B_2}", "b$2");
          case 4 -> {
            append(input, expected, "${UNSET_" + i + "}", "");
            unresolved++;
          }
          case 5 -> append(input, expected, "$${SET_A}", "${SET_A}");
          default -> append(input, expected, "${lower}", "${lower}");
        }
      }
      // no piece ends with "$", so pieces cannot combine into a different token
      Warnings w = new Warnings();
      String out = new EnvSubstitution(env, w, "cfg").substitute(input.toString(), "p");
      String why = "seed " + seed + " round " + round + " input " + input;
      assertEquals(expected.toString(), out, why);
      assertEquals(unresolved, w.list().stream().mapToLong(x -> x.count()).sum(), why);
    }
  }

  private static void append(StringBuilder in, StringBuilder exp, String piece, String result) {
    in.append(piece);
    exp.append(result == null ? piece : result);
  }
}
