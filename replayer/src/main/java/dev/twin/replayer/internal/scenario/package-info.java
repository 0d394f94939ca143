/**
 * Scenarios and magic values ({@code scenarios:} in twin.yaml): a named or matching scenario answers a request
 * after validation and before the tables — a provider-shaped error, a body, a row change, latency or a fault.
 * {@link dev.twin.replayer.internal.scenario.ScenarioBook} compiles them against the operations;
 * {@link dev.twin.replayer.internal.scenario.ScenarioResponder} answers with them ({@code Twin-Scenario} forces one).
 */
package dev.twin.replayer.internal.scenario;
