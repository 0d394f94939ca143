/**
 * Faults and latency ({@code faults:}, {@code /__twin/faults}): a closed set of transport faults
 * ({@link dev.twin.replayer.config.FaultType}) and latency distributions, drawn from seeded randoms by the
 * {@link dev.twin.replayer.internal.fault.FaultBoard}, carried to the connection as the response's
 * {@link dev.twin.replayer.internal.http.Delivery} and carried out there by the server (delays scheduled on the event loop).
 */
package dev.twin.replayer.internal.fault;
