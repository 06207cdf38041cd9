package io.clawmetry.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.clawmetry.api.ClawMetry;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code /metrics} parses line by line as Prometheus text format 0.0.4 and its sums equal the truth. */
@Timeout(60)
class MetricsTest {

  static final Pattern HELP = Pattern.compile("# HELP ([a-zA-Z_:][a-zA-Z0-9_:]*) .+");
  static final Pattern TYPE = Pattern.compile("# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|summary|untyped)");
  static final String LABEL = "[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\\\n]|\\\\[\\\\\"n])*\"";
  static final Pattern SAMPLE =
      Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(?:" + LABEL + ")(?:," + LABEL + ")*\\})? (-?[0-9.eE+-]+|NaN|[+-]Inf)");
  static final Pattern LABEL_PAIR = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

  @Test
  void parsesAndAddsUp(@TempDir Path tmp) throws Exception {
    JsonNode truth = TestHomes.truth();
    try (ClawMetry cm = TestHomes.open(TestHomes.exampleHome(), tmp);
        TestServer s = new TestServer(ClawMetryServer.builder().clawMetry(cm))) {
      HttpResponse<String> r = s.get("/metrics");
      assertEquals(200, r.statusCode());
      assertEquals("text/plain; version=0.0.4; charset=utf-8", r.headers().firstValue("Content-Type").orElse(""));
      Set<String> helped = new HashSet<>();
      Set<String> typed = new HashSet<>();
      Map<String, BigDecimal> sums = new HashMap<>();
      Map<String, BigDecimal> tokensByType = new HashMap<>();
      int n = 0;
      for (String line : r.body().split("\n", -1)) {
        n++;
        if (line.isEmpty()) {
          assertEquals(r.body().split("\n", -1).length, n, "only the final line is empty");
          continue;
        }
        Matcher h = HELP.matcher(line);
        Matcher t = TYPE.matcher(line);
        Matcher m = SAMPLE.matcher(line);
        if (h.matches()) {
          assertTrue(helped.add(h.group(1)), "one HELP per family: " + line);
        } else if (t.matches()) {
          assertTrue(helped.contains(t.group(1)), "HELP before TYPE: " + line);
          assertTrue(typed.add(t.group(1)), "one TYPE per family: " + line);
        } else {
          assertTrue(m.matches(), "line " + n + " is not a sample: " + line);
          assertTrue(typed.contains(m.group(1)), "TYPE before samples: " + line);
          BigDecimal v = new BigDecimal(m.group(3));
          sums.merge(m.group(1), v, BigDecimal::add);
          if (m.group(1).equals("clawmetry_tokens_total")) {
            Map<String, String> labels = labels(m.group(2));
            assertTrue(labels.keySet().containsAll(Set.of("agent", "provider", "model", "type")), line);
            tokensByType.merge(labels.get("type"), v, BigDecimal::add);
          }
        }
      }
      JsonNode tot = truth.get("totals");
      assertEquals(tot.get("input").asLong(), tokensByType.get("input").longValueExact());
      assertEquals(tot.get("output").asLong(), tokensByType.get("output").longValueExact());
      assertEquals(tot.get("cacheRead").asLong(), tokensByType.get("cache_read").longValueExact());
      assertEquals(tot.get("cacheWrite").asLong(), tokensByType.get("cache_write").longValueExact());
      assertEquals(tot.get("modelCalls").asLong(), sums.get("clawmetry_model_calls_total").longValueExact());
      assertEquals(16, sums.get("clawmetry_sessions").intValueExact());
      assertEquals(truth.get("cron").get("jobCount").asInt(), sums.get("clawmetry_cron_jobs").intValueExact());
      assertEquals(1, sums.get("clawmetry_cron_failing_jobs").intValueExact());
      assertEquals(truth.get("errors").get("count").asLong(), sums.get("clawmetry_model_call_errors_total").longValueExact());
      // auto cost = recorded + the one estimated message
      BigDecimal est = new BigDecimal(truth.get("missingCost").get(0).get("estimatedCostFromConfig").asText());
      assertEquals(0, new BigDecimal("1.1757395").add(est).compareTo(sums.get("clawmetry_cost_usd_total")));
      assertTrue(sums.get("clawmetry_scan_warnings").signum() > 0);
    }
  }

  @Test
  void oneHourCacheWritesAreTheirOwnFamilyNotATokenType(@TempDir Path tmp) throws Exception {
    Path sessions = java.nio.file.Files.createDirectories(tmp.resolve("home/agents/main/sessions"));
    java.nio.file.Files.writeString(
        sessions.resolve("s1.jsonl"),
        "{\"type\":\"session\",\"version\":3,\"id\":\"s1\",\"timestamp\":\"2026-11-20T10:00:00.000Z\",\"cwd\":\"/w\"}\n"
            + "{\"type\":\"message\",\"id\":\"a1\",\"parentId\":null,\"timestamp\":\"2026-11-20T10:00:01.000Z\","
            + "\"message\":{\"role\":\"assistant\",\"content\":[],\"provider\":\"anthropic\","
            + "\"model\":\"claude-sonnet-4-5\",\"usage\":{\"input\":10,\"output\":5,\"cacheRead\":0,"
            + "\"cacheWrite\":1000,\"cacheWrite1h\":400,\"totalTokens\":1015,\"cost\":{\"total\":0.5}}}}\n");
    try (ClawMetry cm = TestHomes.open(tmp.resolve("home"), tmp.resolve("user"));
        TestServer s = new TestServer(ClawMetryServer.builder().clawMetry(cm))) {
      String body = s.get("/metrics").body();
      assertTrue(
          body.contains("clawmetry_cache_write_1h_tokens_total{agent=\"main\",provider=\"anthropic\","
              + "model=\"claude-sonnet-4-5\"} 400\n"),
          body);
      assertTrue(body.contains("type=\"cache_write\"} 1000\n"), "cache_write keeps the whole count: " + body);
      assertFalse(body.contains("type=\"cache_write_1h\""), "no token type that a sum over types would count twice");
    }
  }

  @Test
  void labelValuesAreEscaped() {
    assertEquals("a\\\\b\\\"c\\nd", PrometheusMetrics.escape("a\\b\"c\nd"));
    String labels = PrometheusMetrics.labels("model", "we\"ird\\name\n", "agent", null);
    assertEquals("{model=\"we\\\"ird\\\\name\\n\",agent=\"\"}", labels);
    assertTrue(SAMPLE.matcher("x" + labels + " 1").matches());
    assertEquals("we\\\"ird\\\\name\\n", labels(labels).get("model"));
  }

  static Map<String, String> labels(String group) {
    Map<String, String> out = new HashMap<>();
    if (group == null) {
      return out;
    }
    Matcher m = LABEL_PAIR.matcher(group);
    while (m.find()) {
      out.put(m.group(1), m.group(2));
    }
    return out;
  }
}
