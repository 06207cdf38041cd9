package io.clawmetry.api.gateway;

import java.util.List;

/**
 * One page of a paged gateway list ({@code sessions.list}, {@code cron.list}, {@code cron.runs}).
 *
 * @param <T> the item type
 * @param items the items of this page
 * @param total the total number of items, or null when not reported
 * @param hasMore whether more pages follow
 * @param nextOffset the offset of the next page, or null
 */
public record Page<T>(List<T> items, Integer total, boolean hasMore, Integer nextOffset) {

  public Page {
    items = List.copyOf(items);
  }
}
