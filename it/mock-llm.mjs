#!/usr/bin/env node
// ClawMetry's mock model server for the real-gateway integration test: an OpenAI-compatible chat-completions API on
// 127.0.0.1 that answers every prompt with a short text (no tool calls). No dependencies.
//   GET  /v1/models                 -> mock-1
//   POST /v1/chat/completions       -> stream (SSE, usage chunk last) or JSON; usage ~ chars/4
//   POST /v1/embeddings             -> deterministic 16-dim vectors
// Env: MOCK_LLM_PORT (required), MOCK_LLM_LOG (JSONL request log, optional).
import http from "node:http";
import fs from "node:fs";

const port = Number(process.env.MOCK_LLM_PORT);
const logFile = process.env.MOCK_LLM_LOG || "";
let n = 0;
const tokens = (s) => Math.max(1, Math.ceil(String(s ?? "").length / 4));
const text = (c) => (typeof c === "string" ? c : Array.isArray(c) ? c.map((p) => p?.text ?? "").join("") : "");

function json(res, status, body) {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

function chat(body, res) {
  const messages = Array.isArray(body.messages) ? body.messages : [];
  const prompt = messages.map((m) => text(m.content)).join("\n");
  const reply = `ClawMetry mock reply #${++n}.`;
  const usage = { prompt_tokens: tokens(prompt), completion_tokens: tokens(reply), total_tokens: tokens(prompt) + tokens(reply),
                  prompt_tokens_details: { cached_tokens: 0 } };
  if (logFile) fs.appendFileSync(logFile, JSON.stringify({ n, model: body.model, stream: !!body.stream, usage }) + "\n");
  const id = `chatcmpl-mock-${n}`;
  const created = Math.floor(Date.now() / 1000);
  if (!body.stream) {
    return json(res, 200, { id, object: "chat.completion", created, model: body.model,
      choices: [{ index: 0, message: { role: "assistant", content: reply }, finish_reason: "stop" }], usage });
  }
  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
  const send = (o) => res.write(`data: ${JSON.stringify(o)}\n\n`);
  const base = { id, object: "chat.completion.chunk", created, model: body.model };
  send({ ...base, choices: [{ index: 0, delta: { role: "assistant", content: "" }, finish_reason: null }] });
  send({ ...base, choices: [{ index: 0, delta: { content: reply }, finish_reason: null }] });
  send({ ...base, choices: [{ index: 0, delta: {}, finish_reason: "stop" }] });
  send({ ...base, choices: [], usage });
  res.end("data: [DONE]\n\n");
}

http.createServer((req, res) => {
  let raw = "";
  req.on("data", (c) => (raw += c));
  req.on("end", () => {
    let body = {};
    try { body = raw ? JSON.parse(raw) : {}; } catch { return json(res, 400, { error: { message: "bad json" } }); }
    const path = (req.url || "").split("?")[0];
    if (req.method === "GET" && path === "/v1/models") return json(res, 200, { object: "list", data: [{ id: "mock-1", object: "model", owned_by: "mock" }] });
    if (req.method === "POST" && path === "/v1/chat/completions") return chat(body, res);
    if (req.method === "POST" && path === "/v1/embeddings") {
      const inputs = Array.isArray(body.input) ? body.input : [body.input];
      return json(res, 200, { object: "list", model: body.model, usage: { prompt_tokens: 1, total_tokens: 1 },
        data: inputs.map((s, i) => ({ object: "embedding", index: i,
          embedding: Array.from({ length: 16 }, (_, k) => ((String(s).charCodeAt(k % Math.max(1, String(s).length)) || 0) % 7) / 7) })) });
    }
    json(res, 404, { error: { message: `no route ${req.method} ${path}` } });
  });
}).listen(port, "127.0.0.1", () => console.log(`mock-llm listening on 127.0.0.1:${port}`));
