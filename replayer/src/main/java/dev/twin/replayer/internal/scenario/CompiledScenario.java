package dev.twin.replayer.internal.scenario;

import dev.twin.replayer.config.Expressions;
import dev.twin.replayer.config.Scenario;
import dev.twin.replayer.internal.convention.JsonTemplate;

import java.util.List;
import java.util.Set;

/**
 * A scenario ready for requests: the operations its globs matched, its templates compiled, and which variables its
 * expressions read (so the stored row is only fetched when one reads {@code row}).
 */
record CompiledScenario(Scenario scenario, Set<String> operationIds, JsonTemplate body, JsonTemplate message,
                        JsonTemplate extra, boolean matchReadsRow, boolean setReadsRow) {

    static CompiledScenario of(Scenario scenario, Set<String> operationIds) {
        var then = scenario.then();
        var error = then.error();
        boolean matchReadsRow = scenario.match() != null
                && Expressions.variables(scenario.match()).contains("row");
        boolean setReadsRow = then.set().values().stream()
                .anyMatch(e -> Expressions.variables(e).contains("row"));
        return new CompiledScenario(scenario, Set.copyOf(operationIds),
                then.body() == null ? null : JsonTemplate.compile(then.body()),
                error == null ? null : JsonTemplate.compile(com.fasterxml.jackson.databind.node.TextNode.valueOf(
                        error.message())),
                error == null || error.extra() == null ? null : JsonTemplate.compile(error.extra()),
                matchReadsRow, setReadsRow);
    }

    String name() {
        return scenario.name();
    }

    List<String> globs() {
        return scenario.operations();
    }
}
