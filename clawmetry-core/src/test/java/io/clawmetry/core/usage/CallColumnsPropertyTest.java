package io.clawmetry.core.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clawmetry.api.RecordedCost;
import io.clawmetry.api.Usage;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Seeded random calls (the seed is in every failure message) come back from {@link CallColumns} exactly. */
class CallColumnsPropertyTest {

  static Stream<Long> seeds() {
    return LongStream.range(0, 30).mapToObj(i -> 0xC0111L * 104_729 + i);
  }

  /** Mostly realistic calls, with every odd value now and then. */
  static List<Call> calls(long seed) {
    Random r = new Random(seed);
    int n = r.nextInt(r.nextBoolean() ? 50 : 3_000);
    String[] providers = {"anthropic", "openai", null, "google"};
    String[] models = {"claude-sonnet-4-5", "gpt-5", null, "gemini-2.5-pro", "mock-1"};
    List<Call> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String session = r.nextInt(100) == 0 ? null : "s-" + r.nextInt(1 + r.nextInt(2_000));
      out.add(new Call(session, timestamp(r), providers[r.nextInt(providers.length)],
          models[r.nextInt(models.length)], r.nextInt(40) == 0 ? null : usage(r), r.nextInt(20) == 0,
          r.nextInt(8) == 0));
    }
    return out;
  }

  private static Instant timestamp(Random r) {
    switch (r.nextInt(6)) {
      case 0:
        return null;
      case 1:
        return Instant.ofEpochSecond(r.nextLong() % Instant.MAX.getEpochSecond(), r.nextInt(1_000_000_000));
      case 2:
        return Instant.ofEpochSecond(1_700_000_000L + r.nextInt(100_000_000), r.nextInt(1_000_000_000));
      default:
        return Instant.ofEpochMilli(1_700_000_000_000L + (r.nextLong() & 0xFFFFFFFFFFL));
    }
  }

  private static Usage usage(Random r) {
    long cacheWrite = count(r);
    return new Usage(count(r), count(r), count(r), cacheWrite, count(r), count(r), cost(r), oneHour(r, cacheWrite));
  }

  /** A 1-hour part of {@code cacheWrite}: mostly none, else all of it, a random part or a small one. */
  static long oneHour(Random r, long cacheWrite) {
    if (cacheWrite <= 0) {
      return 0;
    }
    switch (r.nextInt(5)) {
      case 0:
        return cacheWrite;
      case 1:
        return (r.nextLong() >>> 1) % cacheWrite;
      case 2:
        return Math.min(cacheWrite, r.nextInt(200_000));
      default:
        return 0;
    }
  }

  private static long count(Random r) {
    switch (r.nextInt(10)) {
      case 0:
        return r.nextLong();
      case 1:
        return new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE, 1L << 31, -1, Long.MIN_VALUE}[r.nextInt(5)];
      case 2:
        return 0;
      default:
        return r.nextInt(200_000);
    }
  }

  private static RecordedCost cost(Random r) {
    switch (r.nextInt(8)) {
      case 0:
        return null;
      case 1:
        return new RecordedCost(null, null, null, null, null);
      case 2:
        return new RecordedCost(null, null, null, null, new BigDecimal(new BigInteger(70 + r.nextInt(60), r),
            r.nextInt(400) - 200));
      case 3:
        BigDecimal part = BigDecimal.valueOf(r.nextInt(1_000), r.nextInt(8));
        return new RecordedCost(part, r.nextBoolean() ? part : null, null, null, part.add(part));
      default:
        return new RecordedCost(null, null, null, null, BigDecimal.valueOf(r.nextLong() >> r.nextInt(64),
            r.nextInt(300) - 150));
    }
  }

  @Test
  void theGeneratedCallsHaveOneHourCacheWritesOfEverySize() {
    List<Usage> usages =
        seeds().flatMap(s -> calls(s).stream()).map(Call::usage).filter(u -> u != null).toList();
    assertTrue(usages.stream().anyMatch(u -> u.cacheWrite1h() == 0 && u.cacheWrite() > 0), "none of some writes");
    assertTrue(usages.stream().anyMatch(u -> u.cacheWrite1h() > 0 && u.cacheWrite1h() < 200_000), "small ones");
    assertTrue(usages.stream().anyMatch(u -> u.cacheWrite1h() > Integer.MAX_VALUE), "wider than an int");
    assertTrue(usages.stream().anyMatch(u -> u.cacheWrite1h() > 0 && u.cacheWrite1h() == u.cacheWrite()), "all");
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void randomCallsComeBackExactly(long seed) {
    List<Call> calls = calls(seed);
    CallColumns columns = new CallColumns();
    int cut = calls.isEmpty() ? 0 : new Random(~seed).nextInt(calls.size());
    List<Call> prefix = null;
    for (int i = 0; i < calls.size(); i++) {
      if (i == cut) {
        prefix = columns.prefix(cut);
      }
      columns.add(calls.get(i));
    }
    assertEquals(calls.size(), columns.size(), "seed " + seed);
    for (int i = 0; i < calls.size(); i++) {
      assertEquals(calls.get(i), columns.get(i), "seed " + seed + " row " + i);
    }
    if (prefix != null) {
      assertEquals(calls.subList(0, cut), prefix, "seed " + seed + " prefix of " + cut);
    }
  }
}
