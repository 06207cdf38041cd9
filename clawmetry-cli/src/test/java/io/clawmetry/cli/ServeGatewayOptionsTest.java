package io.clawmetry.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clawmetry.core.discovery.Environment;
import io.clawmetry.core.gateway.FakeGateway;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * {@code serve --gateway-url/--gateway-token} reach the dashboard's read connection (before, only the management
 * connection used them, and the page showed the configured gateway): against the fake gateway on 127.0.0.1, the
 * dashboard's {@code /api/gateway} reports that gateway connected. Interrupting the command stops the server.
 */
@Timeout(60)
class ServeGatewayOptionsTest {

  @TempDir Path tmp;

  @Test
  void theDashboardReadsFromTheGatewayTheOptionsName() throws Exception {
    try (FakeGateway gw = new FakeGateway(new CliReplayGateway())) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      AtomicInteger code = new AtomicInteger(-1);
      Environment env = Environment.of(Map.of("CLAWMETRY_HOME", tmp.resolve("cm").toString(), "CLAWMETRY_CACHE", "0"),
          tmp.resolve("user"));
      Thread serve = new Thread(() -> code.set(Main.run(new String[] {"serve", "--port", "0", "--home",
          CliRun.exampleHome().toString(), "--gateway-url", gw.uri().toString(), "--gateway-token", "t"},
          new PrintWriter(out, true), new PrintWriter(err, true), env)));
      serve.start();
      String base = null;
      Pattern url = Pattern.compile("dashboard on (http://127\\.0\\.0\\.1:\\d+/)");
      for (int i = 0; i < 200 && base == null; i++) {
        Matcher m = url.matcher(out.toString());
        base = m.find() ? m.group(1) : null;
        if (base == null) {
          Thread.sleep(50);
        }
      }
      assertNotNull(base, out + " / " + err);
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      String body = "";
      for (int i = 0; i < 100 && !body.contains("\"connected\":true"); i++) {
        body = http.send(HttpRequest.newBuilder(URI.create(base + "api/gateway")).build(),
            HttpResponse.BodyHandlers.ofString()).body();
        Thread.sleep(100);
      }
      assertTrue(body.contains("\"connected\":true"), body);
      assertTrue(body.contains(gw.uri().toString()), body);
      serve.interrupt();
      serve.join(20_000);
      assertFalse(serve.isAlive(), "serve stopped on interrupt");
      String stopped = base;
      assertTrue(assertRefused(http, stopped), "the server is closed");
    }
  }

  private static boolean assertRefused(HttpClient http, String base) throws InterruptedException {
    try {
      http.send(HttpRequest.newBuilder(URI.create(base + "api/home")).timeout(Duration.ofSeconds(2)).build(),
          HttpResponse.BodyHandlers.discarding());
      return false;
    } catch (java.io.IOException e) {
      return true;
    }
  }
}
