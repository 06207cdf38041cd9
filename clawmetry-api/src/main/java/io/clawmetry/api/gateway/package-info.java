/**
 * The OpenClaw gateway as ClawMetry sees it over its WebSocket protocol: connection status, typed read results, live
 * events and the cron management calls. Records, enums and interfaces only; the client lives in
 * {@code io.clawmetry.core.gateway}.
 *
 * <p>ClawMetry is read-only. The only writes it ever makes are the cron management calls of {@link Gateway}
 * ({@code cron.update}, {@code cron.run}, {@code cron.add}, {@code cron.remove}), and only when a user asks for them.
 */
package io.clawmetry.api.gateway;
