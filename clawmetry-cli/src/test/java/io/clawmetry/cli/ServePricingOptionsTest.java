package io.clawmetry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.clawmetry.core.discovery.Environment;
import io.clawmetry.core.json.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve --pricing-overrides/--pricing-file} price the dashboard as {@code usage} prices with the same files:
 * the dashboard's {@code /api/usage} on 127.0.0.1 equals {@code usage --json} with the same overrides (before, serve
 * had neither option and the dashboard could only use the default prices).
 */
@Timeout(60)
class ServePricingOptionsTest {

  @TempDir Path tmp;

  @Test
  void helpListsThePriceOptions() {
    CliRun r = CliRun.run(tmp, "serve", "--help");
    assertEquals(Main.OK, r.exitCode, r.err);
    assertTrue(r.out.contains("--pricing-overrides=FILE") && r.out.contains("--pricing-file=FILE"), r.out);
  }

  @Test
  void anUnreadablePriceFileIsAUsageErrorBeforeServing() {
    CliRun r = CliRun.run(tmp, "serve", "--port", "0", "--pricing-file", tmp.resolve("nope.json").toString(),
        "--home", CliRun.exampleHome().toString());
    assertEquals(Main.USAGE, r.exitCode, r.err);
    assertTrue(r.err.contains("cannot read the pricing file"), r.err);
    assertFalse(r.out.contains("dashboard on"), r.out);
  }

  @Test
  void theDashboardUsesTheSamePricesAsUsage() throws Exception {
    Path overrides = Files.writeString(tmp.resolve("prices.json"),
        "{\"openai/gpt-5\": {\"input\": 1000000, \"output\": 0, \"cacheRead\": 0, \"cacheWrite\": 0}}");
    String home = CliRun.exampleHome().toString();
    Environment env = Environment.of(Map.of("CLAWMETRY_HOME", tmp.resolve("cm").toString(), "CLAWMETRY_CACHE", "0"),
        tmp.resolve("user"));
    CliRun cli = CliRun.run(env, "usage", "model", "-z", "UTC", "--mode", "calculate", "--json",
        "--pricing-overrides", overrides.toString(), "--home", home);
    assertEquals(Main.OK, cli.exitCode, cli.err);
    JsonNode expected = Json.STRICT.readTree(cli.out);

    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    AtomicInteger code = new AtomicInteger(-1);
    Thread serve = new Thread(() -> code.set(Main.run(new String[] {"serve", "--port", "0", "--bind", "127.0.0.1",
        "--home", home, "--pricing-overrides", overrides.toString()},
        new PrintWriter(out, true), new PrintWriter(err, true), env)));
    serve.start();
    try {
      String base = null;
      Pattern url = Pattern.compile("dashboard on (http://127\\.0\\.0\\.1:\\d+/)");
      for (int i = 0; i < 200 && base == null && serve.isAlive(); i++) {
        Matcher m = url.matcher(out.toString());
        base = m.find() ? m.group(1) : null;
        if (base == null) {
          Thread.sleep(50);
        }
      }
      assertNotNull(base, "exit " + code.get() + ": " + out + " / " + err);
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      HttpResponse<String> r = http.send(
          HttpRequest.newBuilder(URI.create(base + "api/usage?period=model&tz=UTC&mode=calculate")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, r.statusCode(), r.body());
      JsonNode served = Json.STRICT.readTree(r.body());
      assertEquals(expected, served);
      // the overrides are in effect ($1 per input token: gpt-5's 30,194 input tokens in the example home's truth)
      JsonNode gpt5 = null;
      for (JsonNode row : served.get("models")) {
        if (row.get("model").asText().equals("openai/gpt-5")) {
          gpt5 = row;
        }
      }
      assertNotNull(gpt5, served.toString());
      assertEquals(0, new BigDecimal("30194").compareTo(gpt5.get("totalCost").decimalValue()), gpt5.toString());
    } finally {
      serve.interrupt();
      serve.join(20_000);
    }
    assertFalse(serve.isAlive(), "serve stopped on interrupt");
  }
}
