package io.clawmetry.examples;

import java.math.BigDecimal;

/**
 * {@code openclaw.json} as hand-written JSON5 (comments, unquoted keys, trailing commas, an {@code $include} and a
 * {@code ${VAR}} token), {@code models.json5} with the price table, workspace memory files and a log file.
 */
final class ConfigFiles {
  private ConfigFiles() {}

  /** Writes the configuration, workspace and log files. */
  static void write(HomeFiles files) {
    String home = Scenario.FOREIGN_STATE_DIR;
    files.text("openclaw.json", """
        // OpenClaw configuration of the ClawMetry example home (synthetic data, see EXAMPLE.txt).
        // JSON5 on purpose: comments, unquoted keys and trailing commas are all accepted by OpenClaw.
        {
          $include: "./models.json5", // the price table lives next door
          meta: {
            lastTouchedVersion: "2026.9.6",
            lastTouchedAt: "2026-11-20T18:00:00.000Z",
          },
          wizard: { lastRunVersion: "2026.6.18", lastRunAt: "2026-06-21T09:14:02.000Z" },
          gateway: {
            mode: "local",
            port: 18789,
            bind: "loopback",
            auth: {
              mode: "token",
              token: "${CLAWMETRY_EXAMPLE_TOKEN}", // resolved from the environment; no secret is checked in
            },
          },
          agents: {
            defaults: {
              workspace: "HOME/workspace",
              model: { primary: "anthropic/claude-sonnet-4-5", fallbacks: ["openai/gpt-5"] },
              models: {
                "anthropic/claude-sonnet-4-5": { alias: "sonnet" },
                "openai/gpt-5": { alias: "gpt5" },
                "google/gemini-2.5-pro": {},
                "local/llama": { alias: "llama" },
              },
            },
            entries: {
              main: { name: "Main", workspace: "HOME/workspace", agentDir: "HOME/agents/main/agent" },
              ops: { name: "Ops", workspace: "HOME/workspace-ops", agentDir: "HOME/agents/ops/agent" },
              research: {
                name: "Research",
                workspace: "HOME/workspace-research",
                agentDir: "HOME/agents/research/agent",
                identity: { name: "Scholar" },
              },
            },
          },
          session: {
            mainKey: "main",
            maintenance: { pruneAfter: "30d", maxDiskBytes: "10gb" },
          },
          cron: { enabled: true },
          channels: {
            telegram: { enabled: true, dmPolicy: "pairing" },
            discord: { enabled: true },
          },
        }
        """.replace("HOME", home));
    StringBuilder models = new StringBuilder();
    models.append("// Prices in USD per 1M tokens, merged into openclaw.json by its $include.\n{\n  models: {\n");
    models.append("    mode: \"merge\",\n    providers: {\n");
    String provider = null;
    for (ModelPrice m : ModelPrice.ALL) {
      if (!m.provider().equals(provider)) {
        if (provider != null) {
          models.append("        ],\n      },\n");
        }
        provider = m.provider();
        models.append("      ").append(quoteIfNeeded(provider)).append(": {\n");
        if (provider.equals("local")) {
          models.append("        baseUrl: \"http://127.0.0.1:8000/v1\",\n        apiKey: \"${LOCAL_LLM_KEY}\",\n");
        }
        models.append("        api: \"").append(m.api()).append("\",\n        models: [\n");
      }
      models.append("          {\n            id: \"").append(m.model()).append("\",\n            name: \"")
          .append(m.name()).append("\",\n            contextWindow: ").append(m.contextWindow())
          .append(",\n            maxTokens: 32000,\n            cost: { input: ").append(plain(m.input()))
          .append(", output: ").append(plain(m.output())).append(", cacheRead: ").append(plain(m.cacheRead()))
          .append(", cacheWrite: ").append(plain(m.cacheWrite())).append(" },\n          },\n");
    }
    models.append("        ],\n      },\n    },\n  },\n}\n");
    files.text("models.json5", models.toString());

    files.text("workspace/AGENTS.md", "# AGENTS.md\n\nRead SOUL.md, USER.md and today's memory file at the start of "
        + "every session. Write durable facts to MEMORY.md.\n");
    files.text("workspace/MEMORY.md", "# MEMORY.md\n\n- Alice lives in Lisbon from 27 Nov; prefers Telegram.\n"
        + "- Landlord: Mr. Costa (German speaker); heating broke twice in November.\n"
        + "- Morning digest cron paused on 16 Nov at Alice's request.\n");
    files.text("workspace/memory/2026-11-10.md", "# 2026-11-10\n\n- Booked tile museum tickets for Saturday "
        + "(reference MNAZ-2231), later moved to Sunday.\n- Suggested vegetarian places near the museum.\n");
    files.text("logs/config-audit.jsonl",
        "{\"ts\":\"2026-11-01T03:29:55.310Z\",\"source\":\"cron\",\"event\":\"config.write\",\"path\":\"" + home
            + "/cron/jobs.json\"}\n{\"ts\":\"2026-11-20T18:00:00.000Z\",\"source\":\"cli\",\"event\":\"config.write\""
            + ",\"path\":\"" + home + "/openclaw.json\"}\n");
    files.text("EXAMPLE.txt", "Synthetic OpenClaw state directory generated by io.clawmetry.examples."
        + "ExampleHomeGenerator.\nEvery value is made up; the known totals are in ../home-truth.json.\n");
  }

  private static String quoteIfNeeded(String key) {
    return key.matches("[A-Za-z_$][A-Za-z0-9_$]*") ? key : "\"" + key + "\"";
  }

  private static String plain(double price) {
    return BigDecimal.valueOf(price).stripTrailingZeros().toPlainString();
  }
}
