package io.clawmetry.examples;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** Turns the {@link Ledger} into {@code home-truth.json} (schema documented in {@code examples/README.md}). */
final class TruthReport {
  private TruthReport() {}

  /** Totals of a group of calls. */
  private static final class Bucket {
    long calls;
    long input;
    long output;
    long cacheRead;
    long cacheWrite;
    long totalTokens;
    BigDecimal recordedCost = BigDecimal.ZERO;
    long missingCost;

    void add(Ledger.Call call) {
      calls++;
      input += call.tokens().input();
      output += call.tokens().output();
      cacheRead += call.tokens().cacheRead();
      cacheWrite += call.tokens().cacheWrite();
      totalTokens += call.tokens().total();
      if (call.cost() == null) {
        missingCost++;
      } else {
        recordedCost = recordedCost.add(call.cost());
      }
    }

    ObjectNode json() {
      ObjectNode node = JsonOut.object().put("modelCalls", calls).put("input", input).put("output", output);
      node.put("cacheRead", cacheRead).put("cacheWrite", cacheWrite).put("totalTokens", totalTokens);
      node.put("recordedCost", recordedCost.toPlainString()).put("missingCostMessages", missingCost);
      return node;
    }
  }

  /** The truth document. */
  static ObjectNode build(Ledger ledger, long seed) {
    ObjectNode root = JsonOut.object().put("schema", "clawmetry-example-truth/1");
    root.put("generator", ExampleHomeGenerator.class.getName()).put("seed", seed).put("stateDir", "home");
    List<Ledger.Call> calls = ledger.calls.stream()
        .sorted(Comparator.comparing(Ledger.Call::at).thenComparing(Ledger.Call::sessionId)).toList();
    Bucket total = new Bucket();
    calls.forEach(total::add);
    root.set("totals", total.json());
    root.set("byAgent", group(calls, Ledger.Call::agentId));
    root.set("bySessionKey", group(calls, Ledger.Call::sessionKey));
    root.set("bySessionId", group(calls, Ledger.Call::sessionId));
    root.set("byModel", group(calls, call -> call.provider() + "/" + call.model()));
    ObjectNode byDay = JsonOut.object();
    for (ZoneId zone : Ledger.ZONES) {
      byDay.set(zone.getId(), group(calls, call -> call.at().atZone(zone).toLocalDate().toString()));
    }
    root.set("byDay", byDay);
    ArrayNode callRows = JsonOut.array();
    for (Ledger.Call call : calls) {
      ObjectNode row = JsonOut.object().put("timestamp", Times.iso(call.at())).put("agentId", call.agentId());
      row.put("sessionKey", call.sessionKey()).put("sessionId", call.sessionId()).put("source", call.source());
      row.put("model", call.provider() + "/" + call.model()).put("input", call.tokens().input());
      row.put("output", call.tokens().output()).put("cacheRead", call.tokens().cacheRead());
      row.put("cacheWrite", call.tokens().cacheWrite()).put("totalTokens", call.tokens().total());
      row.put("recordedCost", call.cost() == null ? null : call.cost().toPlainString());
      callRows.add(row);
    }
    root.set("calls", callRows);
    ArrayNode missing = JsonOut.array();
    for (Ledger.MissingCost m : ledger.missingCosts) {
      missing.add(JsonOut.object().put("sessionId", m.sessionId()).put("model", m.model())
          .put("input", m.tokens().input()).put("output", m.tokens().output())
          .put("estimatedCostFromConfig", m.estimatedFromConfig().toPlainString()));
    }
    root.set("missingCost", missing);
    ObjectNode errors = JsonOut.object().put("count", ledger.errors.size());
    ArrayNode errorRows = JsonOut.array();
    for (Ledger.ErrorRow e : ledger.errors) {
      errorRows.add(JsonOut.object().put("timestamp", Times.iso(e.at())).put("agentId", e.agentId())
          .put("sessionId", e.sessionId()).put("source", e.source()).put("model", e.model())
          .put("errorMessage", e.errorMessage()));
    }
    errors.set("rows", errorRows);
    root.set("errors", errors);
    root.put("deliveryMirrorRows", ledger.deliveryMirrorRows);
    root.set("malformedLines", lines(ledger.malformed));
    root.set("partialLastLines", lines(ledger.partialLastLines));
    ObjectNode filesNode = JsonOut.object();
    filesNode.set("counted", notes(ledger.countedFiles));
    filesNode.set("duplicates", notes(ledger.duplicateFiles));
    filesNode.set("excluded", notes(ledger.excludedFiles));
    root.set("files", filesNode);
    root.set("sessions", sessions(ledger));
    ArrayNode orphans = JsonOut.array();
    ledger.orphans.stream().sorted(Comparator.comparing(Ledger.Orphan::file)).forEach(o -> orphans.add(
        JsonOut.object().put("agentId", o.agentId()).put("sessionId", o.sessionId()).put("file", o.file())
            .put("sessionKey", "session:" + o.sessionId()).put("logicalKey", o.logicalKey()).put("why", o.why())));
    root.set("orphanTranscripts", orphans);
    root.set("subagentTree", tree(ledger, null));
    root.set("cron", cron(ledger));
    return root;
  }

  private static ObjectNode group(List<Ledger.Call> calls, Function<Ledger.Call, String> key) {
    Map<String, Bucket> buckets = new TreeMap<>();
    for (Ledger.Call call : calls) {
      buckets.computeIfAbsent(key.apply(call), k -> new Bucket()).add(call);
    }
    ObjectNode node = JsonOut.object();
    buckets.forEach((k, bucket) -> node.set(k, bucket.json()));
    return node;
  }

  private static ArrayNode lines(List<Ledger.BadLine> bad) {
    ArrayNode array = JsonOut.array();
    bad.stream().sorted(Comparator.comparing(Ledger.BadLine::file).thenComparing(Ledger.BadLine::line))
        .forEach(b -> array.add(JsonOut.object().put("file", b.file()).put("line", b.line()).put("what", b.what())));
    return array;
  }

  private static ArrayNode notes(List<Ledger.FileNote> notes) {
    ArrayNode array = JsonOut.array();
    notes.stream().sorted(Comparator.comparing(Ledger.FileNote::file))
        .forEach(n -> array.add(JsonOut.object().put("file", n.file()).put("note", n.note())));
    return array;
  }

  private static ObjectNode sessions(Ledger ledger) {
    Map<String, ArrayNode> byAgent = new TreeMap<>();
    ledger.sessions.stream().sorted(Comparator.comparing(Ledger.Session::key)).forEach(s -> {
      ObjectNode node = JsonOut.object().put("key", s.key()).put("kind", s.kind()).put("sessionId", s.sessionId());
      ArrayNode previous = JsonOut.array();
      s.previousSessionIds().forEach(previous::add);
      node.set("previousSessionIds", previous);
      node.put("spawnedBy", s.spawnedBy()).put("depth", s.depth()).put("index", s.index());
      byAgent.computeIfAbsent(s.agentId(), a -> JsonOut.array()).add(node);
    });
    ObjectNode node = JsonOut.object();
    byAgent.forEach((agent, list) -> {
      ObjectNode agentNode = JsonOut.object().put("count", list.size());
      agentNode.set("sessions", list);
      node.set(agent, agentNode);
    });
    return node;
  }

  private static ArrayNode tree(Ledger ledger, String parent) {
    ArrayNode children = JsonOut.array();
    ledger.sessions.stream()
        .filter(s -> parent == null
            ? s.spawnedBy() == null && ledger.sessions.stream().anyMatch(c -> s.key().equals(c.spawnedBy()))
            : parent.equals(s.spawnedBy()))
        .sorted(Comparator.comparing(Ledger.Session::key))
        .forEach(s -> {
          ObjectNode node = JsonOut.object().put("key", s.key()).put("sessionId", s.sessionId()).put("depth", s.depth());
          node.set("children", tree(ledger, s.key()));
          children.add(node);
        });
    return children;
  }

  private static ObjectNode cron(Ledger ledger) {
    ArrayNode jobs = JsonOut.array();
    ledger.cronJobs.stream().sorted(Comparator.comparing(Ledger.CronJob::id)).forEach(j -> jobs.add(
        JsonOut.object().put("id", j.id()).put("name", j.name()).put("agentId", j.agentId()).put("source", j.source())
            .put("enabled", j.enabled()).put("lastRunStatus", j.lastRunStatus())
            .put("consecutiveErrors", j.consecutiveErrors())));
    ArrayNode runs = JsonOut.array();
    ledger.cronRuns.stream().sorted(Comparator.comparing(Ledger.CronRun::at)).forEach(r -> runs.add(
        JsonOut.object().put("jobId", r.jobId()).put("runAt", Times.iso(r.at())).put("status", r.status())
            .put("sessionId", r.sessionId()).put("sessionKey", r.sessionKey()).put("source", r.source())));
    ObjectNode node = JsonOut.object().put("jobCount", jobs.size()).put("runCount", runs.size());
    node.set("jobs", jobs);
    node.set("runs", runs);
    return node;
  }
}
