package io.clawmetry.core;

import java.nio.file.Path;

/**
 * Price files the user gave.
 *
 * @param overrides per-million prices that win over every other source, or null
 * @param litellm a newer LiteLLM price table, consulted before the bundled one, or null
 */
record PricingFiles(Path overrides, Path litellm) {}
