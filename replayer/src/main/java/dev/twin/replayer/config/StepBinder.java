package dev.twin.replayer.config;

import dev.twin.replayer.internal.http.ErrorKind;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Binds one custom-operation step; which keys are allowed and required depends on its {@code type}. */
final class StepBinder {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Map<Step.Type, List<String>> ALLOWED = new EnumMap<>(Step.Type.class);
    private static final Map<Step.Type, List<String>> REQUIRED = new EnumMap<>(Step.Type.class);

    static {
        allow(Step.Type.READ, List.of("table", "id", "as"), "error", "optional");
        allow(Step.Type.LIST, List.of("table", "as"), "where");
        allow(Step.Type.CREATE, List.of("table", "set"), "id", "as");
        allow(Step.Type.UPDATE, List.of("table", "id"), "set", "merge", "as");
        allow(Step.Type.DELETE, List.of("table", "id"));
        allow(Step.Type.SET, List.of("as", "value"));
        allow(Step.Type.VALIDATE, List.of("check", "error"));
        allow(Step.Type.FAIL, List.of("error"), "commit");
        allow(Step.Type.CALL, List.of("operation"), "input", "as");
    }

    private final YamlMapping m;
    private final KnownTables tables;
    private final Set<String> scope;
    private final Set<String> operations;

    /**
     * @param scope      the variables the step's expressions may read (the built-ins and earlier steps' names)
     * @param operations the custom operations a {@code call} step may name
     */
    StepBinder(YamlMapping m, KnownTables tables, Set<String> scope, Set<String> operations) {
        this.m = m;
        this.tables = tables;
        this.scope = scope;
        this.operations = operations;
    }

    private static void allow(Step.Type type, List<String> required, String... optional) {
        REQUIRED.put(type, required);
        List<String> allowed = new java.util.ArrayList<>(List.of("type"));
        allowed.addAll(required);
        allowed.addAll(List.of(optional));
        allowed.addAll(List.of("when", "each"));
        ALLOWED.put(type, allowed);
    }

    /** The step, or null when it has problems (already reported). */
    Step bind() {
        if (!m.require("type")) {
            return null;
        }
        Step.Type type = m.enumValue("type", Step.Type.class, null);
        if (type == null) {
            return null;
        }
        m.allowOnly(ALLOWED.get(type).toArray(String[]::new));
        boolean ok = true;
        for (String key : REQUIRED.get(type)) {
            ok &= m.require(key);
        }
        String table = m.string("table");
        if (table != null && !tables.contains(table)) {
            m.problem("table", ConfigProblems.withSuggestion("no table '" + table + "'", table, tables.written()));
            ok = false;
        }
        // the list of `each` is read in the outer scope; everything else per element, with `each` in scope
        Expression each = expression("each", scope);
        Set<String> inner = scope;
        if (m.has("each")) {
            inner = new java.util.LinkedHashSet<>(scope);
            inner.add(Step.EACH_VARIABLE);
        }
        Expression when = expression("when", inner);
        Expression id = expression("id", inner);
        String as = variableName(type, id);
        Map<String, Expression> set = expressionMap("set", inner);
        Map<String, Expression> where = expressionMap("where", inner);
        // merge: a map of field -> expression, or one expression whose map is merged whole
        boolean mergeWhole = m.has("merge") && m.node().get("merge").isValueNode();
        Map<String, Expression> merge = mergeWhole ? null : expressionMap("merge", inner);
        Expression mergeAll = mergeWhole ? expression("merge", inner) : null;
        Map<String, Expression> input = expressionMap("input", inner);
        Expression value = expression("value", inner);
        Expression check = expression("check", inner);
        StepError error = m.has("error") ? error(m.mapping("error"), inner) : null;
        ok &= !(m.has("id") && id == null) && !(m.has("value") && value == null)
                && !(m.has("check") && check == null) && !(m.has("error") && error == null)
                && !(m.has("when") && when == null) && !(m.has("each") && each == null)
                && !(mergeWhole && mergeAll == null);
        if (type == Step.Type.UPDATE && !m.has("set") && !m.has("merge")) {
            m.problem("an update step needs set or merge (or both)");
            ok = false;
        }
        String operation = m.string("operation");
        if (operation != null && !operations.contains(operation)) {
            m.problem("operation", ConfigProblems.withSuggestion("no custom operation '" + operation + "'",
                    operation, operations));
            ok = false;
        }
        Boolean commit = m.bool("commit", false);
        Boolean optional = m.bool("optional", false);
        return ok ? new Step(type, table, id, as, set, where, value, check, error, m.location(), when, each, merge,
                operation, input, Boolean.TRUE.equals(commit), Boolean.TRUE.equals(optional), mergeAll) : null;
    }

    /**
     * The step's {@code as}, or null. (An update without one rebinds, at run time, every variable that held the row
     * it changed, so a later {@code response: pi} shows the updated row.)
     */
    private String variableName(Step.Type type, Expression id) {
        String as = m.string("as");
        if (as == null) {
            return null;
        }
        if (!IDENTIFIER.matcher(as).matches()) {
            m.problem("as", "invalid variable name '" + as + "': use letters, digits and '_'");
            return null;
        }
        if (CustomOperationsBinder.RESERVED_VARIABLES.contains(as)) {
            m.problem("as", "'" + as + "' is a built-in variable; choose another name");
            return null;
        }
        return as;
    }

    private StepError error(YamlMapping e, Set<String> scope) {
        if (e == null) {
            return null;
        }
        e.allowOnly("kind", "code", "message", "param", "status", "type", "extra");
        ErrorKind kind = e.has("kind") ? e.enumValue("kind", ErrorKind.class, null) : null;
        boolean ok = e.require("kind") && kind != null;
        JsonNode code = e.raw("code");
        if (code != null && !code.isValueNode()) {
            e.problem("code", "expected a string or a number, got " + YamlMapping.describe(code, null));
            ok = false;
        }
        Expression message = e.has("message")
                ? ExpressionReader.read(e, e.pointer("message"), e.node().get("message"), scope) : null;
        ok &= !(e.has("message") && message == null);
        Integer status = e.integer("status", null, 100, 599);
        Map<String, Expression> extra = expressionMap(e, "extra", scope);
        ok &= !(e.has("extra") && extra == null);
        return ok ? new StepError(kind, code, message, e.string("param"), status, e.string("type"), extra) : null;
    }

    private Expression expression(String key, Set<String> scope) {
        return m.has(key) ? ExpressionReader.read(m, m.pointer(key), m.node().get(key), scope) : null;
    }

    private Map<String, Expression> expressionMap(String key, Set<String> scope) {
        return expressionMap(m, key, scope);
    }

    private static Map<String, Expression> expressionMap(YamlMapping m, String key, Set<String> scope) {
        YamlMapping map = m.mapping(key);
        if (map == null) {
            return null;
        }
        Map<String, Expression> result = new LinkedHashMap<>();
        map.node().fields().forEachRemaining(field -> {
            Expression expression = ExpressionReader.read(map, map.pointer(field.getKey()), field.getValue(), scope);
            if (expression != null) {
                result.put(field.getKey(), expression);
            }
        });
        return result;
    }
}
