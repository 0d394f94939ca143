package dev.twin.replayer.config;

import java.util.List;
import java.util.Objects;

/**
 * One entry of {@code faults.rules}: for requests of the matching operations (and tenant), with the given
 * probability, delay the answer and/or replace it by a fault.
 *
 * @param name        for {@code twin fault clear NAME}; defaults to {@code rule-<index>}
 * @param operations  operation globs ({@code ["*"]} when not written)
 * @param tenant      a credential or tenant key ({@code t_...}), or null for every tenant
 * @param fault       the fault, or null for latency only
 * @param latency     the delay, or null
 * @param probability 0 to 1 (default 1: every matching request)
 */
public record FaultRule(String name, List<String> operations, String tenant, FaultType fault, LatencySpec latency,
                        double probability, SourceLocation location, String pointer) {
    public FaultRule {
        Objects.requireNonNull(name, "name");
        operations = List.copyOf(operations);
        if (fault == null && latency == null) {
            throw new IllegalArgumentException("a fault rule needs a fault or a latency");
        }
    }
}
