package io.clawmetry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.clawmetry.core.json.Json;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --pricing-overrides} wins over every other price, in usage and in transcript costs; an unreadable price file
 * is a usage error.
 */
class PricingOptionsTest {

  @TempDir Path tmp;

  @Test
  void overridesWinInCalculateMode() throws Exception {
    Path overrides = Files.writeString(tmp.resolve("prices.json"),
        "{ // JSON5 accepted\n \"openai/gpt-5\": {input: 1000000, output: 0, cacheRead: 0, cacheWrite: 0},\n}");
    CliRun r = CliRun.run(tmp, "usage", "model", "-z", "UTC", "--json", "--mode", "calculate",
        "--pricing-overrides", overrides.toString(), "--home", CliRun.exampleHome().toString());
    assertEquals(Main.OK, r.exitCode, r.err);
    JsonNode gpt5 = null;
    for (JsonNode row : Json.STRICT.readTree(r.out).get("models")) {
      if (row.get("model").asText().equals("openai/gpt-5")) {
        gpt5 = row;
      }
    }
    // $1 per input token: the cost is the input token count exactly (30,194 in the example home's truth)
    assertEquals(0, new BigDecimal("30194").compareTo(gpt5.get("totalCost").decimalValue()), gpt5.toString());
    assertEquals("estimated", gpt5.get("costSource").asText());
  }

  @Test
  void transcriptCostsUseTheOverrides() throws Exception {
    Path overrides = Files.writeString(tmp.resolve("prices.json"),
        "{\"openai/gpt-5\": {\"input\": 1000000, \"output\": 0, \"cacheRead\": 0, \"cacheWrite\": 0}}");
    CliRun r = CliRun.run(tmp, "transcript", "agent:research:discord:direct:5150", "--json", "--mode", "calculate",
        "--pricing-overrides", overrides.toString(), "--home", CliRun.exampleHome().toString());
    assertEquals(Main.OK, r.exitCode, r.err);
    JsonNode call = null;
    for (JsonNode e : Json.STRICT.readTree(r.out).get("events")) {
      if (e.get("id").asText().equals("66ba7267")) {
        call = e;
      }
    }
    // the session's one gpt-5 call: 1,500 input tokens at $1 each (its recorded cost is 0.004031)
    assertEquals(0, new BigDecimal("1500").compareTo(call.get("cost").decimalValue()), call.toString());
  }

  @Test
  void missingPriceFileIsAUsageError() {
    CliRun r = CliRun.run(tmp, "usage", "--pricing-file", tmp.resolve("nope.json").toString(), "--home",
        CliRun.exampleHome().toString());
    assertEquals(Main.USAGE, r.exitCode);
    assertTrue(r.err.contains("cannot read the pricing file " + tmp.resolve("nope.json") + ": no such file"), r.err);
  }

  @Test
  void missingOverridesFileIsAUsageError() {
    CliRun r = CliRun.run(tmp, "usage", "--pricing-overrides", tmp.resolve("nope.json").toString(), "--home",
        CliRun.exampleHome().toString());
    assertEquals(Main.USAGE, r.exitCode);
    assertTrue(r.err.contains("cannot read the pricing overrides " + tmp.resolve("nope.json") + ": no such file"),
        r.err);
  }
}
