/**
 * A twin in-process: {@link dev.twin.replayer.Twin} starts exactly what {@code twin serve} runs and closes what it
 * opened; {@link dev.twin.replayer.ServedRequest} and {@link dev.twin.replayer.TwinEvent} are what it tells about the
 * requests it answered and the events they emitted.
 *
 * <p>twin's public API is this package, {@code dev.twin.replayer.config} (the {@code twin.yaml} model) and
 * {@code dev.twin.junit5}. Everything under {@code dev.twin.replayer.internal} is internal: it may change in any
 * release.
 */
package dev.twin.replayer;
