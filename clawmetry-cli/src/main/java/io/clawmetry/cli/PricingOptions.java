package io.clawmetry.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Price options of the commands that report cost. */
final class PricingOptions {
  @Option(
      names = "--pricing-overrides",
      paramLabel = "FILE",
      description = "JSON prices that win over all others: {\"provider/model\": {\"input\", \"output\", "
          + "\"cacheRead\", \"cacheWrite\"}} in USD per 1M tokens.")
  Path overrides;

  @Option(
      names = "--pricing-file",
      paramLabel = "FILE",
      description = "A newer LiteLLM model_prices_and_context_window.json, used before the bundled copy.")
  Path litellm;
}
