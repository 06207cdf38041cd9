package io.clawmetry.core.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.clawmetry.api.RecordedCost;
import io.clawmetry.api.Usage;
import io.clawmetry.core.json.Json;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** FORMATS §4.4, row by row. */
class UsageNormalizerTest {

  private static Usage n(String json) throws Exception {
    return UsageNormalizer.normalize(Json.STRICT.readTree(json));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        // json; input; output; cacheRead; cacheWrite; total
        "{'input':1,'output':2,'cacheRead':3,'cacheWrite':4,'totalTokens':10}; 1; 2; 3; 4; 10",
        "{'inputTokens':5,'outputTokens':6}; 5; 6; 0; 0; 11",
        "{'input_tokens':5,'output_tokens':6,'cache_read_input_tokens':100,'cache_creation_input_tokens':7}; 5; 6; 100;"
            + " 7; 118",
        "{'promptTokens':9,'completionTokens':1,'cache_read':2,'cache_write':3}; 9; 1; 2; 3; 15",
        "{'prompt_tokens':14857,'completion_tokens':11,'prompt_tokens_details':{'cached_tokens':11136}}; 3721; 11; 11136;"
            + " 0; 14868",
        "{'input_tokens':100,'output_tokens':5,'input_tokens_details':{'cached_tokens':40},'total_tokens':105}; 60; 5;"
            + " 40; 0; 105",
        "{'prompt_tokens':10,'cached_tokens':30}; 0; 0; 30; 0; 30",
        "{'input':10,'cache':{'read':4,'write':2}}; 10; 0; 4; 2; 16",
        "{'input':10,'cache_read_tokens':4,'cache_write_tokens':2,'total':99}; 10; 0; 4; 2; 99",
        "{'input':7,'inputTokens':999,'output':1}; 7; 1; 0; 0; 8",
        "{'input':1,'output':1,'contextUsage':{'promptTokens':5000,'totalTokens':6000}}; 1; 1; 0; 0; 2",
      })
  void normalises(String json, long input, long output, long cacheRead, long cacheWrite, long total) throws Exception {
    Usage u = n(json.replace('\'', '"'));
    assertEquals(input, u.input(), json);
    assertEquals(output, u.output(), json);
    assertEquals(cacheRead, u.cacheRead(), json);
    assertEquals(cacheWrite, u.cacheWrite(), json);
    assertEquals(total, u.total(), json);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        // json; cacheWrite; cacheWrite1h; total
        "{'input':1,'cacheWrite':900,'cacheWrite1h':600}; 900; 600; 901",
        "{'cacheWrite':900,'cache_write_1h':300}; 900; 300; 900",
        "{'cacheWrite':900,'cacheWrite1h':600,'cache_write_1h':1}; 900; 600; 900",
        // Anthropic as sent: the count and its split by lifetime
        "{'input_tokens':3,'cache_creation_input_tokens':1500,"
            + "'cache_creation':{'ephemeral_5m_input_tokens':500,'ephemeral_1h_input_tokens':1000}}; 1500; 1000; 1503",
        // only the split: the writes are its sum (OpenClaw's reading of cache_creation)
        "{'input_tokens':3,'cache_creation':{'ephemeral_5m_input_tokens':500,'ephemeral_1h_input_tokens':1000}};"
            + " 1500; 1000; 1503",
        "{'cache_creation':{'ephemeral_5m_input_tokens':250}}; 250; 0; 250",
        "{'cache_creation':{'ephemeral_1h_input_tokens':40}}; 40; 40; 40",
        // OpenClaw's own field wins over Anthropic's split
        "{'cacheWrite':100,'cacheWrite1h':20,'cache_creation':{'ephemeral_1h_input_tokens':90}}; 100; 20; 100",
        // clamped to [0, cacheWrite]
        "{'cacheWrite':100,'cacheWrite1h':250}; 100; 100; 100",
        "{'cacheWrite':100,'cacheWrite1h':-5}; 100; 0; 100",
        "{'input':7,'cacheWrite1h':5}; 0; 0; 7",
        "{'cacheWrite':-3,'cacheWrite1h':5}; 0; 0; 0", // a negative count is implausible: 0 (ImplausibleUsageTest)
        "{'cacheWrite':100,'cacheWrite1h':'50'}; 100; 0; 100",
        "{'input':1,'cacheWrite':100}; 100; 0; 101",
      })
  void oneHourCacheWrites(String json, long cacheWrite, long cacheWrite1h, long total) throws Exception {
    Usage u = n(json.replace('\'', '"'));
    assertEquals(cacheWrite, u.cacheWrite(), json);
    assertEquals(cacheWrite1h, u.cacheWrite1h(), json);
    assertEquals(total, u.total(), json);
  }

  @Test
  void anthropicCacheReadIsNotSubtracted() throws Exception {
    Usage u = n("{\"input_tokens\":50,\"cache_read_input_tokens\":40}");
    assertEquals(50, u.input());
    assertEquals(40, u.cacheRead());
  }

  @Test
  void reasoningTokensAreReportedNotAdded() throws Exception {
    Usage u = n("{\"input\":1,\"output\":20,\"reasoningTokens\":15}");
    assertEquals(15, u.reasoning());
    assertEquals(21, u.total());
    assertEquals(7, n("{\"completion_tokens_details\":{\"reasoning_tokens\":7}}").reasoning());
  }

  @Test
  void recordedCostDropsTheFloatNoiseOfADouble() throws Exception {
    Usage u =
        n(
            "{\"input\":3721,\"cost\":{\"input\":0.011163,\"output\":0.000165,\"cacheRead\":0.0033407999999999997,"
                + "\"cacheWrite\":0,\"total\":0.006297250000000001}}");
    RecordedCost c = u.recordedCost();
    // 0.006297250000000001 is the double nearest 0.00629725 printed in full: 15 significant digits recover it
    assertEquals(new BigDecimal("0.00629725"), c.total());
    assertEquals(new BigDecimal("0.0033408"), c.cacheRead());
    assertEquals(new BigDecimal("0.011163"), c.input());
    assertEquals(0, BigDecimal.ZERO.compareTo(c.cacheWrite()));
  }

  @Test
  void zeroCostIsKeptAndMissingCostIsNull() throws Exception {
    assertEquals(0, BigDecimal.ZERO.compareTo(n("{\"cost\":{\"total\":0}}").recordedCost().total()));
    assertNull(n("{\"input\":1}").recordedCost());
    assertNull(n("{\"cost\":{\"input\":0.1}}").recordedCost());
    assertEquals(new BigDecimal("0.25"), n("{\"cost\":0.25}").recordedCost().total());
  }

  /** OpenClaw uses a recorded total only when it is finite and not negative; a negative one is no cost (estimated). */
  @Test
  void negativeCostIsNoCost() throws Exception {
    assertNull(n("{\"input\":1000,\"cost\":{\"input\":-1,\"total\":-1}}").recordedCost());
    assertNull(n("{\"input\":1000,\"cost\":-0.5}").recordedCost());
  }

  @Test
  void nonObjectIsNull() throws Exception {
    assertNull(UsageNormalizer.normalize(null));
    assertNull(n("[1,2]"));
  }
}
