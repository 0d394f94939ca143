/**
 * The sandbox in front of the stateful twin: {@link dev.twin.replayer.internal.sandbox.SandboxTwin} chains scenarios, rate
 * limits, faults and events before the tables for every loaded configuration, and registers their admin endpoints.
 */
package dev.twin.replayer.internal.sandbox;
