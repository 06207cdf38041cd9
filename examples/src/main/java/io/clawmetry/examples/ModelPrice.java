package io.clawmetry.examples;

import java.util.List;

/**
 * One model of the example configuration with its price in USD per million tokens, as {@code models.providers} holds it.
 *
 * @param provider the provider id ({@code anthropic})
 * @param model the model id ({@code claude-sonnet-4-5})
 * @param name the display name
 * @param api the wire API the transcripts record
 * @param input USD per 1M uncached input tokens
 * @param output USD per 1M output tokens
 * @param cacheRead USD per 1M cache-read tokens
 * @param cacheWrite USD per 1M cache-write tokens
 * @param contextWindow the context window in tokens
 */
record ModelPrice(
    String provider,
    String model,
    String name,
    String api,
    double input,
    double output,
    double cacheRead,
    double cacheWrite,
    int contextWindow) {

  static final ModelPrice CLAUDE =
      new ModelPrice("anthropic", "claude-sonnet-4-5", "Claude Sonnet 4.5", "anthropic-messages", 3, 15, 0.3, 3.75,
          1_000_000);
  static final ModelPrice GPT5 =
      new ModelPrice("openai", "gpt-5", "GPT-5", "openai-responses", 1.25, 10, 0.125, 0, 400_000);
  static final ModelPrice GEMINI =
      new ModelPrice("google", "gemini-2.5-pro", "Gemini 2.5 Pro", "google-generative-ai", 1.25, 10, 0.31, 0,
          1_048_576);
  static final ModelPrice LLAMA =
      new ModelPrice("local", "llama", "Llama 3.3 70B (local vLLM)", "openai-completions", 0.2, 0.6, 0.05, 0, 131_072);

  /** Every priced model, in the order {@code models.json5} lists them. */
  static final List<ModelPrice> ALL = List.of(CLAUDE, GPT5, GEMINI, LLAMA);

  /** {@code provider/model}. */
  String ref() {
    return provider + "/" + model;
  }
}
