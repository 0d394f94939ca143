package dev.twin.replayer.internal.resource;

import dev.twin.replayer.config.Binding;
import dev.twin.replayer.config.ConfigProblem;
import dev.twin.replayer.config.ConfigProblems;
import dev.twin.replayer.config.CustomOperation;
import dev.twin.replayer.config.EventRule;
import dev.twin.replayer.config.Step;
import dev.twin.replayer.config.TableConfig;
import dev.twin.replayer.config.TwinConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * With {@code stateful: auto}, twin.yaml may name a table the specs give ({@code extend[].table}, a custom
 * operation's step, an event rule, a lifecycle or callback, a table's references and embeds), which is known only once they are read: each such name is checked here, once
 * the derived tables are in, and one not there is reported at its line as a table written in twin.yaml would be.
 */
final class TableReferences {
    private TableReferences() {
    }

    static List<ConfigProblem> check(TwinConfig config) {
        Set<String> tables = config.tables().stream().map(TableConfig::name)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
        List<ConfigProblem> problems = new ArrayList<>();
        for (Binding binding : config.extend()) {
            if (!binding.derived() && binding.table() != null && !tables.contains(binding.table())) {
                problems.add(ConfigProblems.at(config.sourceMap(), binding.pointer() + "/table",
                        missing(binding.table(), tables)));
            }
        }
        for (CustomOperation operation : config.customOperations()) {
            for (Step step : operation.steps()) {
                if (step.table() != null && !tables.contains(step.table())) {
                    problems.add(new ConfigProblem(step.location(), "customOperations " + operation.name() + ": "
                            + missing(step.table(), tables)));
                }
            }
        }
        for (TableConfig table : config.tables()) {
            table.references().forEach((field, target) -> {
                if (!tables.contains(target)) {
                    problems.add(new ConfigProblem(table.location(), "tables " + table.name() + ".references."
                            + field + ": " + missing(target, tables)));
                }
            });
            if (table.embed() != null) {
                table.embed().children().keySet().stream().filter(child -> !tables.contains(child)).forEach(child ->
                        problems.add(new ConfigProblem(table.location(), "tables " + table.name()
                                + ".embed.children: " + missing(child, tables))));
            }
        }
        for (EventRule rule : config.sandbox().events().emit()) {
            if (!tables.contains(rule.table())) {
                problems.add(new ConfigProblem(rule.location(), "events.emit: " + missing(rule.table(), tables)));
            }
        }
        for (dev.twin.replayer.config.Lifecycle lifecycle : config.sandbox().lifecycles()) {
            if (!tables.contains(lifecycle.table())) {
                problems.add(new ConfigProblem(lifecycle.location(), "lifecycles " + lifecycle.name() + ".table: "
                        + missing(lifecycle.table(), tables)));
            }
            lifecycle.enter().forEach((state, entry) -> entry.update().forEach(update -> {
                if (!tables.contains(update.table())) {
                    problems.add(new ConfigProblem(update.location(), "lifecycles " + lifecycle.name() + ".enter."
                            + state + ".update.table: " + missing(update.table(), tables)));
                }
            }));
        }
        for (dev.twin.replayer.config.CallbackRule rule : config.sandbox().callbacks().send()) {
            if (!tables.contains(rule.table())) {
                problems.add(new ConfigProblem(rule.location(), "callbacks " + rule.name() + ".table: "
                        + missing(rule.table(), tables)));
            }
        }
        return problems;
    }

    private static String missing(String table, Set<String> tables) {
        return ConfigProblems.withSuggestion("no table '" + table + "' (neither written under tables: nor a "
                + "resource stateful: auto found in the specs)", table, tables);
    }
}
