package io.clawmetry.examples;

/** How an assistant message spells its usage object. */
enum UsageStyle {
  /** pi-ai {@code {input, output, cacheRead, cacheWrite, totalTokens, cost{...}}}. */
  PI,
  /** pi-ai fields but no {@code cost} object: the cost must be estimated. */
  PI_NO_COST,
  /** Anthropic snake_case {@code input_tokens, cache_read_input_tokens, cache_creation_input_tokens, ...}. */
  SNAKE_CASE,
  /** OpenAI {@code prompt_tokens} (cache included) with {@code cached_tokens}. */
  OPENAI
}
