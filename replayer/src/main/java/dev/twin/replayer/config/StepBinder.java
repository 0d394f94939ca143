package dev.twin.replayer.config;

import dev.twin.replayer.http.ErrorKind;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Binds one custom-operation step; which keys are allowed and required depends on its {@code type}. */
final class StepBinder {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern LEADING_VARIABLE = Pattern.compile("^\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*\\.");
    private static final Map<Step.Type, List<String>> ALLOWED = new EnumMap<>(Step.Type.class);
    private static final Map<Step.Type, List<String>> REQUIRED = new EnumMap<>(Step.Type.class);

    static {
        allow(Step.Type.READ, List.of("table", "id", "as"), "error");
        allow(Step.Type.LIST, List.of("table", "as"), "where");
        allow(Step.Type.CREATE, List.of("table", "set"), "id", "as");
        allow(Step.Type.UPDATE, List.of("table", "id", "set"), "as");
        allow(Step.Type.DELETE, List.of("table", "id"));
        allow(Step.Type.SET, List.of("as", "value"));
        allow(Step.Type.VALIDATE, List.of("check", "error"));
    }

    private final YamlMapping m;
    private final KnownTables tables;
    private final Set<String> scope;

    StepBinder(YamlMapping m, KnownTables tables, Set<String> scope) {
        this.m = m;
        this.tables = tables;
        this.scope = scope;
    }

    private static void allow(Step.Type type, List<String> required, String... optional) {
        REQUIRED.put(type, required);
        List<String> allowed = new java.util.ArrayList<>(List.of("type"));
        allowed.addAll(required);
        allowed.addAll(List.of(optional));
        allowed.add("when");
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
        Expression id = expression("id");
        String as = variableName(type, id);
        Map<String, Expression> set = expressionMap("set");
        Map<String, Expression> where = expressionMap("where");
        Expression value = expression("value");
        Expression check = expression("check");
        StepError error = m.has("error") ? error(m.mapping("error")) : null;
        Expression when = expression("when");
        ok &= !(m.has("id") && id == null) && !(m.has("value") && value == null)
                && !(m.has("check") && check == null) && !(m.has("error") && error == null)
                && !(m.has("when") && when == null);
        return ok ? new Step(type, table, id, as, set, where, value, check, error, when, m.location()) : null;
    }

    /**
     * The step's {@code as}; an update without one rebinds the variable its id came from ({@code id: pi.id}
     * → {@code pi}), so a later {@code response: pi} shows the updated row.
     */
    private String variableName(Step.Type type, Expression id) {
        String as = m.string("as");
        if (as != null) {
            if (!IDENTIFIER.matcher(as).matches()) {
                m.problem("as", "invalid variable name '" + as + "': use letters, digits and '_'");
                return null;
            }
            if (CustomOperationsBinder.BUILT_IN_VARIABLES.contains(as)) {
                m.problem("as", "'" + as + "' is a built-in variable; choose another name");
                return null;
            }
            return as;
        }
        if (type == Step.Type.UPDATE && id != null) {
            Matcher leading = LEADING_VARIABLE.matcher(id.source());
            if (leading.find() && scope.contains(leading.group(1))
                    && !CustomOperationsBinder.BUILT_IN_VARIABLES.contains(leading.group(1))) {
                return leading.group(1);
            }
        }
        return null;
    }

    private StepError error(YamlMapping e) {
        if (e == null) {
            return null;
        }
        e.allowOnly("kind", "code", "message", "param", "status");
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
        return ok ? new StepError(kind, code, message, e.string("param"), status) : null;
    }

    private Expression expression(String key) {
        return m.has(key) ? ExpressionReader.read(m, m.pointer(key), m.node().get(key), scope) : null;
    }

    private Map<String, Expression> expressionMap(String key) {
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
