package dev.twin.replayer.config;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Binds {@code customOperations:}. Every expression is parsed now, and every variable it reads must be
 * {@code input}, {@code request} or an earlier step's {@code as} — which also catches the classic
 * {@code status: succeeded} that meant the string {@code 'succeeded'}.
 */
final class CustomOperationsBinder {
    /** Variables every expression may read ({@code magic}: the {@code magicValues} catalogues). */
    static final List<String> BUILT_IN_VARIABLES = List.of("input", "request", "magic");
    /** Names a step's {@code as} may not take. */
    static final List<String> RESERVED_VARIABLES = List.of("input", "request", "magic", Step.EACH_VARIABLE);

    private CustomOperationsBinder() {
    }

    static List<CustomOperation> bind(YamlMapping root, KnownTables tables) {
        List<CustomOperation> operations = new ArrayList<>();
        Map<String, SourceLocation> names = new LinkedHashMap<>();
        Set<String> known = names(root);
        for (YamlMapping entry : root.mappings("customOperations")) {
            CustomOperation operation = bindOne(entry, tables, names, known);
            if (operation != null) {
                operations.add(operation);
            }
        }
        checkCalls(root, operations);
        return operations;
    }

    /** A call step must not lead back to its own operation: a run would never end. */
    private static void checkCalls(YamlMapping root, List<CustomOperation> operations) {
        Map<String, CustomOperation> byName = new LinkedHashMap<>();
        operations.forEach(operation -> byName.put(operation.name(), operation));
        for (CustomOperation operation : operations) {
            List<String> path = cycleFrom(operation.name(), operation, byName, new ArrayList<>());
            if (path != null) {
                root.context().problem(new ConfigProblem(operation.location(), "customOperations: "
                        + operation.name() + " calls itself through " + String.join(" -> ", path)
                        + " (a call step must not lead back to its own operation)"));
            }
        }
    }

    private static List<String> cycleFrom(String start, CustomOperation current, Map<String, CustomOperation> byName,
                                          List<String> path) {
        path.add(current.name());
        for (Step step : current.steps()) {
            if (step.type() != Step.Type.CALL) {
                continue;
            }
            if (step.operation().equals(start)) {
                List<String> cycle = new ArrayList<>(path);
                cycle.add(start);
                return cycle;
            }
            CustomOperation next = byName.get(step.operation());
            if (next != null && !path.contains(next.name())) {
                List<String> found = cycleFrom(start, next, byName, path);
                if (found != null) {
                    return found;
                }
            }
        }
        path.remove(path.size() - 1);
        return null;
    }

    /** The names {@code extend[].operation} may use, valid or not (so a broken one is not reported twice). */
    static Set<String> names(YamlMapping root) {
        Set<String> names = new LinkedHashSet<>();
        JsonNode operations = root.raw("customOperations");
        if (operations != null && operations.isArray()) {
            for (JsonNode entry : operations) {
                if (entry.path("name").isValueNode() && !entry.path("name").isNull()) {
                    names.add(entry.get("name").asText());
                }
            }
        }
        return names;
    }

    private static CustomOperation bindOne(YamlMapping m, KnownTables tables, Map<String, SourceLocation> names,
                                           Set<String> known) {
        m.allowOnly("name", "steps", "response");
        String name = m.requiredString("name");
        if (name != null) {
            SourceLocation earlier = names.putIfAbsent(name, m.location("name"));
            if (earlier != null) {
                m.problem("name", "duplicate custom operation '" + name + "' (also at " + earlier + ")");
            }
        }
        Set<String> scope = new LinkedHashSet<>(BUILT_IN_VARIABLES);
        List<Step> steps = new ArrayList<>();
        if (m.require("steps")) {
            List<YamlMapping> entries = m.mappings("steps");
            if (entries.isEmpty() && m.raw("steps").isArray()) {
                m.problem("steps", "at least one step is required");
            }
            for (YamlMapping entry : entries) {
                Step step = new StepBinder(entry, tables, scope, known).bind();
                if (step != null) {
                    steps.add(step);
                    if (step.as() != null) {
                        scope.add(step.as());
                    }
                } else if (entry.node().path("as").isTextual()) {
                    scope.add(entry.node().get("as").textValue()); // a broken step's name is not reported again
                }
            }
        }
        Map<String, Expression> responseExpressions = new LinkedHashMap<>();
        JsonNode response = m.require("response") ? m.raw("response") : null;
        if (response != null) {
            collectExpressions(m, m.pointer("response"), "", m.node().get("response"), scope, responseExpressions);
        }
        if (name == null || response == null || m.context().hasProblems()) {
            return null;
        }
        return new CustomOperation(name, steps, response, responseExpressions, m.location());
    }

    /** Every string (or other scalar) leaf of a response is an expression; keys are pointers inside it. */
    private static void collectExpressions(YamlMapping m, String pointer, String inner, JsonNode value,
                                           Set<String> scope, Map<String, Expression> into) {
        if (value.isObject()) {
            value.fields().forEachRemaining(field -> collectExpressions(m,
                    ConfigProblems.child(pointer, field.getKey()), ConfigProblems.child(inner, field.getKey()),
                    field.getValue(), scope, into));
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                collectExpressions(m, ConfigProblems.child(pointer, i), ConfigProblems.child(inner, i),
                        value.get(i), scope, into);
            }
        } else if (!value.isNull()) {
            Expression expression = ExpressionReader.read(m, pointer, value, scope);
            if (expression != null) {
                into.put(inner, expression);
            }
        }
    }
}
