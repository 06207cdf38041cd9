package io.clawmetry.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.clawmetry.api.ClawMetry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page in a real headless Chromium (Debian's chromium and chromedriver): every view on a copy of examples/home
 * shows the truth's numbers, XSS payloads in a transcript stay inert text, a cron toggle goes through the fake
 * gateway after the confirm step. Skipped (assumption) where {@code /usr/bin/chromedriver} is missing. Screenshots go
 * to {@code target/screenshots/}.
 */
@Tag("browser")
@Timeout(180)
class BrowserTest {

  static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final String XSS_SESSION = "agent:main:subagent:9a01ba7b-b82e-4d83-a921-bbec33626deb";
  static final String XSS_USER = "<img src=x onerror=alert(1)>";
  static final String XSS_TOOL = "<script>alert(2)</script>";
  static final String XSS_TOOL_NAME = "<svg onload=alert(3)>";

  @TempDir static Path tmp;
  static ClawMetry cm;
  static TestServer srv;
  static WebDriver driver;
  static SecurityTest.RecordingBridge bridge = new SecurityTest.RecordingBridge();
  static Path shots;

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(Files.isExecutable(DRIVER) && Files.isExecutable(CHROMIUM), "chromium and chromedriver not installed");
    Path home = TestHomes.copyWithWorkspaceAndLog(tmp);
    String lines =
        EventsTest.userLine("xss00001", XSS_USER)
            + "{\"type\":\"message\",\"id\":\"xss00002\",\"parentId\":\"xss00001\",\"timestamp\":\"2026-11-20T17:59:05.000Z\","
            + "\"message\":{\"role\":\"toolResult\",\"toolCallId\":\"c-x\",\"toolName\":" + EventsTest.quote(XSS_TOOL_NAME)
            + ",\"content\":[{\"type\":\"text\",\"text\":" + EventsTest.quote(XSS_TOOL) + "}],\"isError\":false,"
            + "\"timestamp\":1795283945000}}\n";
    Files.writeString(home.resolve(EventsTest.SUBAGENT_FILE), lines, StandardOpenOption.APPEND);
    cm = TestHomes.open(home, tmp.resolve("user"));
    srv = new TestServer(ClawMetryServer.builder().clawMetry(cm).clock(TestHomes.CLOCK).gateway(bridge));
    shots = TestHomes.repoRoot().resolve("clawmetry-http/target/screenshots");
    Files.createDirectories(shots);
    ChromeOptions o = new ChromeOptions();
    o.setBinary(CHROMIUM.toFile());
    o.addArguments("--headless=new", "--no-sandbox", "--disable-background-networking", "--disable-gpu",
        "--disable-dev-shm-usage", "--window-size=1280,1000", "--disable-extensions", "--no-first-run");
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
    driver = new ChromeDriver(service, o);
  }

  @AfterAll
  static void stop() {
    if (driver != null) {
      driver.quit();
    }
    if (srv != null) {
      srv.close();
    }
    if (cm != null) {
      cm.close();
    }
  }

  /** Opens a view and waits until it has rendered. */
  static WebElement open(String hash) {
    driver.get(srv.base() + "/#" + hash);
    String view = hash.contains("/") ? hash.substring(0, hash.indexOf('/')) : hash;
    new WebDriverWait(driver, Duration.ofSeconds(30))
        .until(d -> {
          WebElement m = d.findElement(By.id("main"));
          return view.equals(m.getAttribute("data-view")) && m.getAttribute("data-ready") != null ? m : null;
        });
    return driver.findElement(By.id("main"));
  }

  static String k(String key) {
    return driver.findElement(By.cssSelector("[data-k='" + key + "']")).getText();
  }

  static void shot(String name) throws Exception {
    Path png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(png, shots.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }

  static void assertNoAlert() {
    assertThrows(NoAlertPresentException.class, () -> driver.switchTo().alert());
  }

  /**
   * The Context column of the example home (as in the CLI golden {@code sessions.json}): 11 of 16 sessions know their
   * size and window, 5 show "–"; agent:main:main is 25 090 of 1 000 000 (2.5 %), agent:ops:main 153 800 of 1 048 576
   * (14.7 %); the bar is as wide as the percentage.
   */
  static void assertContextColumn() {
    java.util.Map<String, String> byKey = new java.util.HashMap<>();
    for (WebElement row : driver.findElements(By.cssSelector("[data-k='sessions'] tbody tr"))) {
      byKey.put(row.findElement(By.cssSelector("td a")).getText(),
          row.findElement(By.cssSelector("[data-k='context']")).getText());
    }
    assertEquals(16, byKey.size());
    assertEquals(5, byKey.values().stream().filter("–"::equals).count(), byKey.toString());
    assertEquals("2.5%", byKey.get("agent:main:main"));
    assertEquals("14.7%", byKey.get("agent:ops:main"));
    assertEquals("3.5%", byKey.get("agent:ops:subagent:43d8ce88-9d5f-47b7-9893-eec9a52a0231"));
    WebElement fill = driver.findElement(By.xpath(
        "//table[@data-k='sessions']//tr[td/a[text()='agent:ops:main']]//span[@data-k='context']/span[@class='bar']/span"));
    assertEquals("14.7%",
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("return arguments[0].style.width;", fill));
  }

  @Test
  void everyViewShowsTheTruth() throws Exception {
    open("overview");
    assertEquals("16", k("sessions"));
    assertEquals("$1.1773", k("cost-month"));
    assertEquals("1", k("failing-crons"));
    shot("overview");

    open("usage");
    assertEquals("1,381,433", k("usage-tokens"));
    assertEquals("385,584", k("usage-input"));
    assertEquals("24,579", k("usage-output"));
    assertEquals("927,070", k("usage-cache-read"));
    assertEquals("44,200", k("usage-cache-write"));
    assertEquals("50", k("usage-calls"));
    assertEquals("$1.1773", k("usage-cost"));
    assertTrue(k("usage-recorded").startsWith("$1.1757 / $0.0015"), k("usage-recorded"));
    // one bar per day: the truth's 18 days with calls plus one day with a failed call only
    assertEquals(19, driver.findElements(By.cssSelector("[data-k='chart-cost'] rect")).size());
    assertEquals("/api/usage.csv?period=daily&mode=auto",
        driver.findElement(By.cssSelector("[data-k='csv']")).getDomAttribute("href"));
    shot("usage");

    open("sessions");
    assertEquals("16 of 16", k("sessions-count"));
    assertContextColumn();
    shot("sessions");

    open("session/" + "agent%3Amain%3Amain");
    assertEquals("225,546", k("session-tokens"));
    assertEquals("agent:main:main", k("session-key"));
    assertEquals("2.5%", k("session-context"), "25 090 of 1 000 000 tokens");
    shot("session-timeline");

    open("subagents");
    String tree = k("tree");
    assertTrue(tree.contains("agent:main:subagent:e3e1ff5d-61a7-444f-9ca9-49f98ea1865b"), tree);
    assertTrue(tree.contains("agent:ops:subagent:43d8ce88-9d5f-47b7-9893-eec9a52a0231"), tree);
    shot("subagents");

    open("crons");
    assertEquals("3 jobs", k("cron-count"));
    open("crons/e8c01ef2-8018-4477-aca3-c86a5940bf70");
    // the crons view is already ready from the line above: wait for the job's run history itself
    new WebDriverWait(driver, Duration.ofSeconds(20))
        .ignoring(StaleElementReferenceException.class)
        .until(d -> d.findElements(By.cssSelector("[data-k='cron-runs'] tbody tr")).size() > 0);
    shot("crons");

    open("health");
    assertTrue(k("disk").endsWith("%"), k("disk"));
    assertEquals("connected", k("gateway"), "the fake gateway's status");
    List<WebElement> portRows = driver.findElements(By.cssSelector("[data-k='ports'] tbody tr"));
    assertEquals(2, portRows.size(), "the gateway port and ours");
    assertTrue(portRows.get(1).getText().startsWith("clawmetry"), portRows.get(1).getText());
    assertTrue(portRows.get(1).getText().endsWith("open"), "our own port listens: " + portRows.get(1).getText());
    shot("health");

    open("memory");
    assertEquals(3, driver.findElements(By.cssSelector("[data-k='memory-file']")).size());
    shot("memory");

    open("logs");
    assertEquals("80 lines", k("log-count"));
    shot("logs");

    open("flow");
    String flow = k("flow");
    assertTrue(flow.contains("gateway") && flow.contains("webchat") && flow.contains("google/gemini-2.5-pro"), flow);
    shot("flow");
    assertNoAlert();
  }

  @Test
  void xssPayloadsStayText() throws Exception {
    WebElement main = open("transcript/" + XSS_SESSION);
    String text = main.getText();
    assertTrue(text.contains(XSS_USER), text);
    assertTrue(text.contains(XSS_TOOL), text);
    assertTrue(text.contains(XSS_TOOL_NAME), text);
    assertTrue(main.findElements(By.cssSelector("img, script, svg[onload]")).isEmpty(), "no element injected");
    assertNoAlert();
    shot("transcript-xss");
    main = open("session/" + XSS_SESSION);
    assertTrue(main.getText().contains(XSS_USER));
    assertTrue(main.findElements(By.cssSelector("img")).isEmpty());
    assertNoAlert();
    // filtered by type: only the tool result
    open("transcript/" + XSS_SESSION);
    driver.findElement(By.cssSelector("input[value='toolResult']")).click();
    new WebDriverWait(driver, Duration.ofSeconds(20))
        .ignoring(StaleElementReferenceException.class)
        .until(d -> k("events-count").equals("2 events"));
    assertNoAlert();
  }

  @Test
  void cronToggleGoesThroughTheGatewayAfterConfirming() throws Exception {
    open("crons");
    String job = "e8c01ef2-8018-4477-aca3-c86a5940bf70";
    By disable = By.cssSelector("button[data-action='disable'][data-job='" + job + "']");
    driver.findElement(disable).click();
    driver.findElement(By.id("confirm-cancel")).click();
    Thread.sleep(300);
    assertEquals(List.of(), bridge.calls, "cancel does nothing");
    driver.findElement(disable).click();
    assertTrue(driver.findElement(By.id("confirm-text")).getText().contains("Repo health"));
    driver.findElement(By.id("confirm-ok")).click();
    new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> !bridge.calls.isEmpty());
    assertEquals(List.of(job + " DISABLE"), bridge.calls);
    new WebDriverWait(driver, Duration.ofSeconds(20))
        .until(d -> d.findElement(By.id("toast")).getText().contains("disable: accepted"));
    shot("cron-toggle");
  }
}
