package io.clawmetry.api;

import java.util.List;

/**
 * A result list together with the sources it was read from and the warnings met while reading them.
 *
 * @param items the results
 * @param sources every source that contributed (files and databases)
 * @param warnings problems met while reading those sources; never fatal
 * @param <T> the item type
 */
public record Report<T>(List<T> items, List<SourceRef> sources, List<Warning> warnings) {
  public Report {
    items = List.copyOf(items);
    sources = List.copyOf(sources);
    warnings = List.copyOf(warnings);
  }
}
