/**
 * The twin's own time ({@code clock:} in twin.yaml): {@link dev.twin.replayer.internal.time.TwinClock} is the one clock rows,
 * rate limits, idempotency windows, events and lifecycles read, running with the system clock or standing still
 * until advanced, and moved ahead on request ({@code POST /__twin/clock}) without anything sleeping.
 */
package dev.twin.replayer.internal.time;
