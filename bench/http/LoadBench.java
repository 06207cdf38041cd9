import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop HTTP load client for the ClawMetry dashboard: for each route, a warm-up of a fixed number of requests,
 * then {@code clients} concurrent clients each sending one request after the other for a bounded time (or until a
 * bounded total count), and a line with p50 / p90 / p99 / max latency and requests per second. It starts nothing
 * itself and talks ONLY to 127.0.0.1 (any other host is refused); every phase is bounded in count and time.
 *
 * <p>Usage: {@code java LoadBench.java --url http://127.0.0.1:PORT [--clients 50] [--warmup 200] [--seconds 20]
 * [--max-requests 200000] [--timeout-seconds 30] [ROUTE ...]} (default routes: /api/overview, /api/usage,
 * /api/usage?period=model). JDK HttpClient only, HTTP/1.1.
 */
public final class LoadBench {

  private static final List<String> DEFAULT_ROUTES = List.of("/api/overview", "/api/usage", "/api/usage?period=model");

  /** Hard caps whatever the arguments say. */
  private static final int MAX_CLIENTS = 200;
  private static final int MAX_SECONDS = 300;
  private static final int MAX_WARMUP_SECONDS = 120;
  /** A phase stops early after this many failed requests (a server that is down is not hammered). */
  private static final int MAX_FAILURES = 100;

  /** The outcome of one phase on one route. */
  private record Result(
      String route, int clients, long ok, long failed, double seconds, long[] sortedNanos, long bytes) {

    double rps() {
      return ok / seconds;
    }

    /** Nearest-rank percentile in milliseconds. */
    double pctMs(double p) {
      if (sortedNanos.length == 0) {
        return Double.NaN;
      }
      int rank = (int) Math.ceil(p / 100.0 * sortedNanos.length);
      return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, rank - 1))] / 1e6;
    }
  }

  private final URI base;
  private final int clients;
  private final int warmup;
  private final int seconds;
  private final long maxRequests;
  private final Duration timeout;
  private final HttpClient http;

  private LoadBench(URI base, int clients, int warmup, int seconds, long maxRequests, Duration timeout) {
    this.base = base;
    this.clients = clients;
    this.warmup = warmup;
    this.seconds = seconds;
    this.maxRequests = maxRequests;
    this.timeout = timeout;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .proxy(HttpClient.Builder.NO_PROXY)
            .build();
  }

  public static void main(String[] args) throws Exception {
    String url = null;
    int clients = 50;
    int warmup = 200;
    int seconds = 20;
    long maxRequests = 200_000;
    int timeoutSeconds = 30;
    List<String> routes = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--url" -> url = value(args, ++i, a);
        case "--clients" -> clients = Integer.parseInt(value(args, ++i, a));
        case "--warmup" -> warmup = Integer.parseInt(value(args, ++i, a));
        case "--seconds" -> seconds = Integer.parseInt(value(args, ++i, a));
        case "--max-requests" -> maxRequests = Long.parseLong(value(args, ++i, a));
        case "--timeout-seconds" -> timeoutSeconds = Integer.parseInt(value(args, ++i, a));
        case "-h", "--help" -> {
          usage();
          return;
        }
        default -> {
          if (a.startsWith("--")) {
            fail("unknown option " + a);
          }
          if (!a.startsWith("/")) {
            fail("a route starts with /: " + a);
          }
          routes.add(a);
        }
      }
    }
    if (url == null) {
      fail("--url is required");
    }
    URI base = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    if (!"http".equals(base.getScheme()) || !"127.0.0.1".equals(base.getHost()) || base.getPort() <= 0
        || base.getUserInfo() != null) {
      fail("refusing " + url + ": only http://127.0.0.1:PORT is allowed");
    }
    if (clients < 1 || clients > MAX_CLIENTS) {
      fail("--clients must be 1.." + MAX_CLIENTS);
    }
    if (seconds < 1 || seconds > MAX_SECONDS) {
      fail("--seconds must be 1.." + MAX_SECONDS);
    }
    if (warmup < 0 || warmup > 100_000 || maxRequests < 1 || maxRequests > 10_000_000) {
      fail("--warmup must be 0..100000 and --max-requests 1..10000000");
    }
    if (timeoutSeconds < 1 || timeoutSeconds > 120) {
      fail("--timeout-seconds must be 1..120");
    }
    if (routes.isEmpty()) {
      routes.addAll(DEFAULT_ROUTES);
    }
    LoadBench bench = new LoadBench(base, clients, warmup, seconds, maxRequests, Duration.ofSeconds(timeoutSeconds));
    System.out.printf(Locale.ROOT, "target %s, %d clients, warm-up %d requests, %d s or %d requests per route%n",
        base, clients, warmup, seconds, maxRequests);
    List<Result> results = new ArrayList<>();
    for (String route : routes) {
      Result w = bench.run(route, Math.min(clients, Math.max(1, warmup)), warmup, MAX_WARMUP_SECONDS);
      System.out.printf(Locale.ROOT, "warm-up %-28s %6d ok %4d failed in %6.1f s (p50 %.1f ms, max %.1f ms)%n",
          route, w.ok(), w.failed(), w.seconds(), w.pctMs(50), w.pctMs(100));
      Result r = bench.run(route, clients, maxRequests, seconds);
      results.add(r);
    }
    System.out.println();
    System.out.printf(Locale.ROOT, "%-28s %7s %8s %6s %9s %9s %9s %9s %9s %10s%n",
        "route", "clients", "requests", "failed", "p50 ms", "p90 ms", "p99 ms", "max ms", "req/s", "body KiB");
    boolean anyFailed = false;
    for (Result r : results) {
      anyFailed |= r.failed() > 0;
      System.out.printf(Locale.ROOT, "%-28s %7d %8d %6d %9.1f %9.1f %9.1f %9.1f %9.1f %10.1f%n",
          r.route(), r.clients(), r.ok(), r.failed(), r.pctMs(50), r.pctMs(90), r.pctMs(99), r.pctMs(100), r.rps(),
          r.ok() == 0 ? 0.0 : r.bytes() / (double) r.ok() / 1024);
    }
    System.exit(anyFailed ? 1 : 0);
  }

  /**
   * Runs {@code clients} closed-loop clients against one route until {@code maxCount} requests were started or
   * {@code maxSeconds} elapsed, whichever comes first.
   */
  private Result run(String route, int clients, long maxCount, int maxSeconds) throws Exception {
    if (maxCount == 0) {
      return new Result(route, clients, 0, 0, 0, new long[0], 0);
    }
    URI uri = URI.create(base + route);
    if (!"127.0.0.1".equals(uri.getHost()) || uri.getPort() != base.getPort()) {
      fail("refusing " + uri + ": only " + base + " is allowed");
    }
    HttpRequest request =
        HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json").GET().build();
    AtomicLong started = new AtomicLong();
    AtomicInteger failed = new AtomicInteger();
    AtomicLong bytes = new AtomicLong();
    long start = System.nanoTime();
    long deadline = start + TimeUnit.SECONDS.toNanos(maxSeconds);
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<Future<long[]>> futures = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      futures.add(
          pool.submit(
              () -> {
                long[] lat = new long[1024];
                int n = 0;
                while (System.nanoTime() < deadline
                    && failed.get() < MAX_FAILURES
                    && started.incrementAndGet() <= maxCount) {
                  long t0 = System.nanoTime();
                  try {
                    HttpResponse<byte[]> resp = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    long t1 = System.nanoTime();
                    if (resp.statusCode() != 200) {
                      if (failed.incrementAndGet() == 1) {
                        System.err.println("first failure on " + route + ": HTTP " + resp.statusCode());
                      }
                      continue;
                    }
                    bytes.addAndGet(resp.body().length);
                    if (n == lat.length) {
                      lat = Arrays.copyOf(lat, n * 2);
                    }
                    lat[n++] = t1 - t0;
                  } catch (IOException e) {
                    if (failed.incrementAndGet() == 1) {
                      System.err.println("first failure on " + route + ": " + e);
                    }
                  }
                }
                return Arrays.copyOf(lat, n);
              }));
    }
    pool.shutdown();
    // each client stops at the deadline; one request in flight may take up to the request timeout
    if (!pool.awaitTermination(maxSeconds + timeout.toSeconds() + 5, TimeUnit.SECONDS)) {
      pool.shutdownNow();
      fail("clients did not stop in time on " + route);
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    long[] all = new long[0];
    for (Future<long[]> f : futures) {
      long[] part = f.get();
      int old = all.length;
      all = Arrays.copyOf(all, old + part.length);
      System.arraycopy(part, 0, all, old, part.length);
    }
    Arrays.sort(all);
    return new Result(route, clients, all.length, failed.get(), elapsed, all, bytes.get());
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      fail(option + " needs a value");
    }
    return args[i];
  }

  private static void usage() {
    System.out.println(
        "usage: java LoadBench.java --url http://127.0.0.1:PORT [--clients 50] [--warmup 200] [--seconds 20]\n"
            + "       [--max-requests 200000] [--timeout-seconds 30] [ROUTE ...]\n"
            + "default routes: " + String.join(" ", DEFAULT_ROUTES));
  }

  private static void fail(String message) {
    System.err.println("LoadBench: " + message);
    System.exit(2);
  }
}
