package dev.twin.replayer.custom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.replayer.config.CustomOperation;
import dev.twin.replayer.config.Expression;
import dev.twin.replayer.config.Step;
import dev.twin.replayer.config.StepError;
import dev.twin.replayer.convention.PlainValues;
import dev.twin.replayer.convention.TableConventions;
import dev.twin.replayer.convention.TimeVariable;
import dev.twin.replayer.http.BasicAuth;
import dev.twin.replayer.http.ErrorKind;
import dev.twin.replayer.http.TwinError;
import dev.twin.replayer.http.TwinRequest;
import dev.twin.replayer.state.Row;
import dev.twin.replayer.state.TenantTables;
import org.apache.commons.jexl3.JexlException;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs one configured custom operation (confirm, capture, refund ...) inside the caller's transaction: its steps
 * in order, then its response. Expressions were parsed once when twin.yaml loaded; a run only evaluates them.
 * Any failure throws, so the caller's transaction keeps none of the steps' writes.
 *
 * <p>Variables: {@code input} (path parameters, query and body merged), {@code request} (method, path, headers,
 * query, body, tenant, {@code now} in unix seconds of the twin's clock, {@code time} (that instant in each format,
 * {@link TimeVariable}), {@code user} (the Basic-auth user name: Twilio's account SID) and {@code nonce}: 24 fresh
 * random base62 characters for secrets such as Stripe's {@code client_secret}) and every step's {@code as}. A step
 * with a {@code when} that does not hold is skipped.
 */
public final class CustomOperationRunner {
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CustomOperation operation;
    private final Map<String, TableConventions> tables;

    public CustomOperationRunner(CustomOperation operation, Map<String, TableConventions> tables) {
        this.operation = Objects.requireNonNull(operation, "operation");
        this.tables = Map.copyOf(tables);
    }

    public String name() {
        return operation.name();
    }

    /**
     * @param input   path parameters, query parameters and body fields, merged (body over query over path)
     * @param request the request, for {@code request.*}
     * @return the response body, rows in it shaped by their tables' conventions
     * @throws StepFailure on a failed validation or a missing row
     */
    public JsonNode run(TenantTables state, ObjectNode input, TwinRequest request, JsonNode body) {
        Scope scope = new Scope();
        scope.set("input", PlainValues.toPlain(input));
        scope.set("request", requestModel(request, body, state.tenant(), state.nowMillis()));
        for (Step step : operation.steps()) {
            try {
                apply(step, scope, state, request);
            } catch (JexlException e) {
                throw new StepFailure(new TwinError(ErrorKind.VALIDATION_ERROR, "Operation " + operation.name()
                        + " could not evaluate a step at " + step.location() + ": " + e.getMessage(), null),
                        null, null);
            }
        }
        return response(scope, request);
    }

    private void apply(Step step, Scope scope, TenantTables state, TwinRequest request) {
        if (step.when() != null && !Boolean.TRUE.equals(step.when().evaluate(scope.variables()))) {
            if (step.as() != null) {
                scope.set(step.as(), null);
            }
            return;
        }
        switch (step.type()) {
            case READ -> {
                String id = text(step.id(), scope);
                Row row = state.get(step.table(), id).orElseThrow(() -> missing(step, id, request));
                bindRow(scope, step.as(), step.table(), row);
            }
            case LIST -> {
                List<Object> rows = new ArrayList<>();
                Map<String, Object> wanted = new LinkedHashMap<>();
                step.where().forEach((field, expression) -> wanted.put(field, expression.evaluate(scope.variables())));
                for (Row row : state.list(step.table())) {
                    ObjectNode data = row.data();
                    if (wanted.entrySet().stream().allMatch(w -> sameValue(data.get(w.getKey()), w.getValue()))) {
                        rows.add(PlainValues.toPlain(data));
                    }
                }
                scope.set(step.as(), rows);
            }
            case CREATE -> {
                ObjectNode data = values(step.set(), scope);
                if (step.id() != null) {
                    data.put(tables.get(step.table()).idField(), text(step.id(), scope));
                }
                Row row = state.insert(step.table(), data);
                if (step.as() != null) {
                    bindRow(scope, step.as(), step.table(), row);
                }
            }
            case UPDATE -> {
                String id = text(step.id(), scope);
                Row current = state.get(step.table(), id).orElseThrow(() -> missing(step, id, request));
                ObjectNode data = current.data();
                data.setAll(values(step.set(), scope));
                Row updated = state.replace(step.table(), id, data);
                List<String> names = step.as() != null ? List.of(step.as())
                        : scope.variablesHolding(step.table(), id);
                names.forEach(name -> bindRow(scope, name, step.table(), updated));
            }
            case DELETE -> {
                String id = text(step.id(), scope);
                if (!state.delete(step.table(), id)) {
                    throw missing(step, id, request);
                }
            }
            case SET -> scope.set(step.as(), step.value().evaluate(scope.variables()));
            case VALIDATE -> {
                Object verdict = step.check().evaluate(scope.variables());
                if (!Boolean.TRUE.equals(verdict)) {
                    throw failure(step.error(), scope, "Validation failed: " + step.check().source());
                }
            }
        }
    }

    private void bindRow(Scope scope, String name, String table, Row row) {
        if (name != null) {
            TableConventions conventions = tables.get(table);
            ObjectNode data = conventions == null ? row.data() : conventions.shaper().withDefaults(row.data());
            scope.setRow(name, table, row, PlainValues.toPlain(data));
        }
    }

    private JsonNode response(Scope scope, TwinRequest request) {
        JsonNode template = operation.response();
        Map<String, Expression> expressions = operation.responseExpressions();
        if (template == null || template.isNull() || template.isMissingNode()) {
            return JsonNodeFactory.instance.objectNode();
        }
        try {
            return render(template, "", expressions, scope);
        } catch (JexlException e) {
            throw new StepFailure(new TwinError(ErrorKind.VALIDATION_ERROR, "Operation " + operation.name()
                    + " could not build its response: " + e.getMessage(), null), null, null);
        }
    }

    private JsonNode render(JsonNode template, String pointer, Map<String, Expression> expressions, Scope scope) {
        Expression expression = expressions.get(pointer);
        if (expression != null) {
            return shaped(expression.evaluate(scope.variables()), scope);
        }
        if (template.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = template.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String child = pointer + "/" + field.getKey().replace("~", "~0").replace("/", "~1");
                out.set(field.getKey(), render(field.getValue(), child, expressions, scope));
            }
            return out;
        }
        if (template.isArray()) {
            var out = JsonNodeFactory.instance.arrayNode();
            for (int i = 0; i < template.size(); i++) {
                out.add(render(template.get(i), pointer + "/" + i, expressions, scope));
            }
            return out;
        }
        return template.deepCopy();
    }

    /** A value for a body: a bound row is shaped by its table, maps and lists recursively. */
    private JsonNode shaped(Object value, Scope scope) {
        Scope.RowRef ref = scope.rowOf(value);
        if (ref != null && tables.containsKey(ref.table())) {
            return tables.get(ref.table()).shaper().shape(ref.row());
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            map.forEach((k, v) -> out.set(String.valueOf(k), shaped(v, scope)));
            return out;
        }
        if (value instanceof List<?> list) {
            var out = JsonNodeFactory.instance.arrayNode();
            list.forEach(item -> out.add(shaped(item, scope)));
            return out;
        }
        return PlainValues.toJson(value);
    }

    private static ObjectNode values(Map<String, Expression> set, Scope scope) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        set.forEach((field, expression) -> data.set(field, PlainValues.toJson(expression.evaluate(scope.variables()))));
        return data;
    }

    private String text(Expression expression, Scope scope) {
        Object value = expression.evaluate(scope.variables());
        if (value == null) {
            throw new StepFailure(new TwinError(ErrorKind.VALIDATION_ERROR, "Missing required param: "
                    + paramOf(expression) + ".", paramOf(expression)), null, null);
        }
        return String.valueOf(value);
    }

    private StepFailure missing(Step step, String id, TwinRequest request) {
        if (step.error() != null) {
            return failure(step.error(), null, null);
        }
        TableConventions table = tables.get(step.table());
        String message = table == null ? "No such row: '" + id + "'" : table.notFound().message(id, request);
        return new StepFailure(new TwinError(ErrorKind.NOT_FOUND, message, paramOf(step.id())), null, null);
    }

    private StepFailure failure(StepError error, Scope scope, String fallbackMessage) {
        if (error == null) {
            return new StepFailure(new TwinError(ErrorKind.VALIDATION_ERROR, fallbackMessage, null), null, null);
        }
        String message = null;
        if (error.message() != null && scope != null) {
            Object value = error.message().evaluate(scope.variables());
            message = value == null ? null : String.valueOf(value);
        }
        if (message == null) {
            message = fallbackMessage != null ? fallbackMessage : "The request could not be completed.";
        }
        return new StepFailure(new TwinError(error.kind(), message, error.param()), error.code(), error.status());
    }

    /** {@code intent} for an id written {@code input.intent}: the parameter a client would fix. */
    private static String paramOf(Expression expression) {
        if (expression == null) {
            return null;
        }
        String source = expression.source().trim();
        return source.startsWith("input.") && source.indexOf('.', 6) < 0 ? source.substring(6) : null;
    }

    private static boolean sameValue(JsonNode field, Object wanted) {
        if (field == null || field.isNull()) {
            return wanted == null;
        }
        return wanted != null && field.asText().equals(String.valueOf(wanted));
    }

    private static Map<String, Object> requestModel(TwinRequest request, JsonNode body, String tenant,
                                                    long nowMillis) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("method", request.method());
        model.put("path", request.path());
        Map<String, Object> headers = new LinkedHashMap<>();
        request.headers().forEach((name, values) -> headers.put(name, values.isEmpty() ? null : values.get(0)));
        model.put("headers", headers);
        Map<String, Object> query = new LinkedHashMap<>();
        request.query().forEach((name, values) -> query.put(name, values.isEmpty() ? null : values.get(0)));
        model.put("query", query);
        model.put("body", PlainValues.toPlain(body));
        model.put("tenant", tenant);
        model.put("nonce", nonce());
        model.put("now", nowMillis / 1000L);
        model.put("time", TimeVariable.of(nowMillis));
        model.put("user", BasicAuth.user(request));
        return model;
    }

    private static String nonce() {
        char[] chars = new char[24];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = BASE62.charAt(RANDOM.nextInt(BASE62.length()));
        }
        return new String(chars);
    }
}
