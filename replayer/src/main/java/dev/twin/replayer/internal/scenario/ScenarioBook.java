package dev.twin.replayer.internal.scenario;

import dev.twin.replayer.config.ConfigException;
import dev.twin.replayer.config.ConfigProblem;
import dev.twin.replayer.config.ConfigProblems;
import dev.twin.replayer.config.Scenario;
import dev.twin.replayer.config.TwinConfig;
import dev.twin.replayer.internal.convention.MagicRecords;
import dev.twin.replayer.internal.spec.ApiOperation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every scenario of a configuration, compiled against its operations: per operation the scenarios to try in file
 * order, and by name for {@code Twin-Scenario}. A glob that matches no operation is a config error (the scenario
 * could never apply), reported with every other one at once.
 */
public final class ScenarioBook {
    private final Map<String, List<CompiledScenario>> byOperation;
    private final Map<String, CompiledScenario> byName;
    /** {@code magic} of the expressions and templates: the configuration's magic values. */
    private final Map<String, Map<String, Object>> magic;

    private ScenarioBook(Map<String, List<CompiledScenario>> byOperation, Map<String, CompiledScenario> byName,
                         Map<String, Map<String, Object>> magic) {
        this.byOperation = byOperation;
        this.byName = byName;
        this.magic = magic;
    }

    public static ScenarioBook compile(TwinConfig config, List<ApiOperation> operations, OperationTables tables)
            throws ConfigException {
        List<ConfigProblem> problems = new ArrayList<>();
        Map<String, List<CompiledScenario>> byOperation = new HashMap<>();
        Map<String, CompiledScenario> byName = new LinkedHashMap<>();
        for (Scenario scenario : config.sandbox().scenarios()) {
            Set<String> ids = new LinkedHashSet<>();
            for (int i = 0; i < scenario.operations().size(); i++) {
                String glob = scenario.operations().get(i);
                String pointer = scenario.operations().size() == 1 ? scenario.pointer() + "/when/operation"
                        : scenario.pointer() + "/when/operation/" + i;
                String refused = OperationGlob.problem(glob);
                if (refused != null) {
                    problems.add(ConfigProblems.at(config.sourceMap(), pointer, refused));
                    continue;
                }
                OperationGlob compiled = OperationGlob.of(glob);
                List<String> matched = operations.stream().map(ApiOperation::id).filter(compiled::matches).toList();
                if (matched.isEmpty()) {
                    problems.add(ConfigProblems.at(config.sourceMap(), pointer, ConfigProblems.withSuggestion(
                            "no imported operation matches '" + glob + "', so this scenario could never apply",
                            glob, operations.stream().map(ApiOperation::id).toList())));
                }
                if (!scenario.then().set().isEmpty()) {
                    matched.stream().filter(id -> tables.target(id) == null).findFirst().ifPresent(id ->
                            problems.add(ConfigProblems.at(config.sourceMap(), scenario.pointer() + "/then/set",
                                    "set changes the row an operation acts on, but " + id
                                            + " is not bound to a table (extend)")));
                }
                ids.addAll(matched);
            }
            CompiledScenario compiled = CompiledScenario.of(scenario, ids);
            byName.put(scenario.name(), compiled);
            ids.forEach(id -> byOperation.computeIfAbsent(id, k -> new ArrayList<>()).add(compiled));
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new ScenarioBook(Map.copyOf(byOperation), byName, MagicRecords.plain(config.sandbox().magic()));
    }

    Map<String, Map<String, Object>> magic() {
        return magic;
    }

    public boolean isEmpty() {
        return byName.isEmpty();
    }

    List<CompiledScenario> forOperation(String operationId) {
        return byOperation.getOrDefault(operationId, List.of());
    }

    Optional<CompiledScenario> named(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The scenario's operation globs and {@code when.match} as written, for {@code /__twin/scenarios}. */
    public Optional<Scenario> scenario(String name) {
        return named(name).map(CompiledScenario::scenario);
    }

    /** Scenario names in file order (for messages and {@code /__twin/scenarios}). */
    public List<String> names() {
        return List.copyOf(byName.keySet());
    }
}
