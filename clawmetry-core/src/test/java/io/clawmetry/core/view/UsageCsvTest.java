package io.clawmetry.core.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.clawmetry.api.RecordedCost;
import io.clawmetry.api.Usage;
import io.clawmetry.api.UsagePeriod;
import io.clawmetry.api.UsageQuery;
import io.clawmetry.api.UsageReport;
import io.clawmetry.api.UsageRow;
import io.clawmetry.core.pricing.CostFunction;
import io.clawmetry.core.pricing.PriceBook;
import io.clawmetry.core.usage.ModelCall;
import io.clawmetry.core.usage.UsageAggregator;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The CSV and JSON of a usage report put each model's failed calls on that model's row or breakdown, name the model of
 * a bucket whose calls all failed, and name the agent of rows that belong to one agent.
 */
class UsageCsvTest {

  private static final String HEADER =
      "agentId,provider,model,inputTokens,outputTokens,cacheReadTokens,cacheWriteTokens,totalTokens,cost,costSource,"
          + "calls,unpricedCalls,errors,cacheWrite1hTokens\r\n";
  private static final Instant T = Instant.parse("2026-11-09T10:00:00Z");

  private static ModelCall call(String agent, String provider, String model, boolean error) {
    Usage u =
        error
            ? Usage.ZERO
            : new Usage(100, 10, 0, 0, 110, 0, new RecordedCost(null, null, null, null, new BigDecimal("0.5")));
    return new ModelCall(agent, "s", "agent:" + agent + ":main", "user", null, T, provider, model, u, error);
  }

  private static UsageReport report(UsageQuery q) {
    UsageAggregator a = new UsageAggregator(q, new CostFunction(new PriceBook(List.of())));
    a.add(call("ops", "google", "gemini-2.5-pro", false));
    a.add(call("ops", "openai", "gpt-5", true));
    a.add(call("ops", "qwen-portal", "vision-model", true));
    a.add(call("ops", "qwen-portal", "vision-model", true));
    a.add(call("main", "google", "gemini-2.5-pro", true));
    List<UsageRow> rows = a.rows();
    return new UsageReport(q, rows, UsageAggregator.totals(rows), List.of(), List.of());
  }

  private static String csv(UsageReport r) throws Exception {
    StringBuilder b = new StringBuilder();
    UsageCsv.write(r, b);
    return b.toString();
  }

  @Test
  void eachRowCarriesItsOwnModelsErrors() throws Exception {
    UsageReport r = report(UsageQuery.daily(ZoneId.of("UTC")));
    assertEquals(
        "date," + HEADER
            + "2026-11-09,,google,gemini-2.5-pro,100,10,0,0,110,0.5,recorded,1,0,1,0\r\n"
            + "2026-11-09,,openai,gpt-5,0,0,0,0,0,0,recorded,0,0,1,0\r\n"
            + "2026-11-09,,qwen-portal,vision-model,0,0,0,0,0,0,recorded,0,0,2,0\r\n",
        csv(r));
    JsonNode day = UsageViews.report(r).get("daily").get(0);
    assertEquals(4, day.get("errors").asLong());
    assertEquals("[\"gemini-2.5-pro\"]", day.get("modelsUsed").toString());
    JsonNode breakdowns = day.get("modelBreakdowns");
    assertEquals(3, breakdowns.size());
    assertEquals("gemini-2.5-pro", breakdowns.get(0).get("modelName").asText());
    assertEquals(1, breakdowns.get(0).get("errors").asLong());
    assertEquals("gpt-5", breakdowns.get(1).get("modelName").asText());
    assertEquals(1, breakdowns.get(1).get("errors").asLong());
    assertEquals(2, breakdowns.get(2).get("errors").asLong());
  }

  @Test
  void aBucketWhoseCallsAllFailedNamesItsModelAndRowsOfOneAgentNameIt() throws Exception {
    UsageReport r = report(UsageQuery.daily(ZoneId.of("UTC")).withPeriod(UsagePeriod.MODEL).forAgent("ops"));
    assertEquals(
        "bucket," + HEADER
            + "google/gemini-2.5-pro,ops,google,gemini-2.5-pro,100,10,0,0,110,0.5,recorded,1,0,0,0\r\n"
            + "openai/gpt-5,ops,openai,gpt-5,0,0,0,0,0,0,recorded,0,0,1,0\r\n"
            + "qwen-portal/vision-model,ops,qwen-portal,vision-model,0,0,0,0,0,0,recorded,0,0,2,0\r\n",
        csv(r));
    JsonNode rows = UsageViews.report(r).get("models");
    for (JsonNode row : rows) {
      assertEquals("ops", row.get("agentId").asText(), row.toString());
    }
    UsageReport byAgent = report(UsageQuery.daily(ZoneId.of("UTC")).withPeriod(UsagePeriod.AGENT));
    assertEquals(
        "agent," + HEADER
            + "ops,ops,google,gemini-2.5-pro,100,10,0,0,110,0.5,recorded,1,0,0,0\r\n"
            + "ops,ops,openai,gpt-5,0,0,0,0,0,0,recorded,0,0,1,0\r\n"
            + "ops,ops,qwen-portal,vision-model,0,0,0,0,0,0,recorded,0,0,2,0\r\n"
            + "main,main,google,gemini-2.5-pro,0,0,0,0,0,0,recorded,0,0,1,0\r\n",
        csv(byAgent));
  }
}
