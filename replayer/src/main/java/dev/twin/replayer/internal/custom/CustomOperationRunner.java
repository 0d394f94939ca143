package dev.twin.replayer.internal.custom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.replayer.config.CustomOperation;
import dev.twin.replayer.config.Expression;
import dev.twin.replayer.config.Step;
import dev.twin.replayer.config.StepError;
import dev.twin.replayer.internal.convention.DeepMerge;
import dev.twin.replayer.internal.convention.JsonView;
import dev.twin.replayer.internal.convention.PlainValues;
import dev.twin.replayer.internal.convention.TableConventions;
import dev.twin.replayer.internal.convention.TimeVariable;
import dev.twin.replayer.internal.http.BasicAuth;
import dev.twin.replayer.internal.http.ErrorKind;
import dev.twin.replayer.internal.http.TwinError;
import dev.twin.replayer.internal.http.TwinRequest;
import dev.twin.replayer.internal.state.Row;
import dev.twin.replayer.internal.state.TenantTables;
import org.apache.commons.jexl3.JexlException;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Runs one configured custom operation (confirm, capture, refund ...) inside the caller's transaction: its steps
 * in order, then its response. Expressions were parsed once when twin.yaml loaded; a run only evaluates them.
 * Any failure throws, so the caller's transaction keeps none of the steps' writes (unless a {@code fail} step
 * says {@code commit: true}, see {@link StepFailure#commits()}).
 *
 * <p>A step runs only when its {@code when} is true, and once per element of its {@code each} list (the element is
 * {@code each}; {@code as} then holds the list of results). A {@code call} step runs another custom operation in
 * the same transaction with its own {@code input} and binds its answer.
 *
 * <p>Variables: {@code input} (path parameters, query and body merged), {@code request} (method, path, headers,
 * query, body, tenant, {@code now} in unix seconds of the twin's clock, {@code time} (that instant in each format,
 * {@link TimeVariable}), {@code user} (the Basic-auth user name: Twilio's account SID) and {@code nonce}: 24 fresh
 * random base62 characters for secrets such as Stripe's {@code client_secret}), {@code magic} (the
 * {@code magicValues} catalogues) and every step's {@code as}.
 */
public final class CustomOperationRunner {
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CustomOperation operation;
    private final Map<String, TableConventions> tables;
    private final Function<String, CustomOperation> operations;
    private final Map<String, Map<String, Object>> magic;

    public CustomOperationRunner(CustomOperation operation, Map<String, TableConventions> tables) {
        this(operation, tables, name -> null, Map.of());
    }

    /**
     * @param operations the custom operations {@code call} steps name, by name
     * @param magic      what expressions read as {@code magic}
     */
    public CustomOperationRunner(CustomOperation operation, Map<String, TableConventions> tables,
                                 Function<String, CustomOperation> operations, Map<String, Map<String, Object>> magic) {
        this.operation = Objects.requireNonNull(operation, "operation");
        this.tables = Map.copyOf(tables);
        this.operations = Objects.requireNonNull(operations, "operations");
        this.magic = Objects.requireNonNull(magic, "magic");
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
        scope.set("magic", magic);
        Object answer = execute(operation, scope, state, request);
        return shaped(answer, scope);
    }

    /** The operation's steps, then its response as plain values (rows still the maps steps bound). */
    private Object execute(CustomOperation current, Scope scope, TenantTables state, TwinRequest request) {
        for (Step step : current.steps()) {
            try {
                apply(step, scope, state, request);
            } catch (JexlException | IllegalArgumentException | ArithmeticException | ClassCastException
                     | IndexOutOfBoundsException e) {
                // what the request's values made an expression do: the client's error, never a 500
                throw new StepFailure(new TwinError(ErrorKind.VALIDATION_ERROR, "Operation " + current.name()
                        + " could not evaluate a step at " + step.location() + ": " + e.getMessage(), null),
                        null, null);
            }
        }
        try {
            return response(current, scope);
        } catch (JexlException e) {
            throw new StepFailure(new TwinError(ErrorKind.VALIDATION_ERROR, "Operation " + current.name()
                    + " could not build its response: " + e.getMessage(), null), null, null);
        }
    }

    private void apply(Step step, Scope scope, TenantTables state, TwinRequest request) {
        if (step.each() == null) {
            if (runs(step, scope)) {
                bindResult(step, scope, applyOnce(step, scope, state, request));
            } else if (step.as() != null && !scope.variables().has(step.as())) {
                scope.set(step.as(), null); // a skipped step leaves an earlier value of its name as it was
            }
            return;
        }
        Object elements = step.each().evaluate(scope.variables());
        Collection<?> items = elements == null ? List.of() : elements instanceof Collection<?> list ? list
                : elements instanceof Map<?, ?> map ? map.values() : List.of(elements);
        List<Object> results = new ArrayList<>();
        Object outer = scope.get(Step.EACH_VARIABLE);
        try {
            for (Object item : items) {
                scope.set(Step.EACH_VARIABLE, item);
                if (runs(step, scope)) {
                    results.add(applyOnce(step, scope, state, request));
                }
            }
        } finally {
            scope.set(Step.EACH_VARIABLE, outer);
        }
        if (step.as() != null) {
            scope.set(step.as(), results);
        }
    }

    private static boolean runs(Step step, Scope scope) {
        return step.when() == null || Boolean.TRUE.equals(step.when().evaluate(scope.variables()));
    }

    /** Binds {@code as}; an update without one rebinds every variable that held the row it changed. */
    private static void bindResult(Step step, Scope scope, Object result) {
        if (step.as() != null) {
            scope.set(step.as(), result);
        } else if (step.type() == Step.Type.UPDATE && result != null) {
            Scope.RowRef ref = scope.rowOf(result);
            if (ref != null) {
                scope.variablesHolding(ref.table(), ref.row().id()).forEach(name -> scope.set(name, result));
            }
        }
    }

    /** One run of a step; its value (a row as a plain map, rows, a value, a called operation's answer) or null. */
    private Object applyOnce(Step step, Scope scope, TenantTables state, TwinRequest request) {
        switch (step.type()) {
            case READ -> {
                Object wanted = step.id().evaluate(scope.variables());
                if (wanted == null && step.optional()) {
                    return null;
                }
                String id = text(step.id(), scope);
                Row row = state.get(step.table(), id).filter(Row::isListed).orElse(null);
                if (row == null && step.optional()) {
                    return null;
                }
                if (row == null) {
                    throw missing(step, id, scope, request);
                }
                return plainRow(scope, step.table(), row);
            }
            case LIST -> {
                List<Object> rows = new ArrayList<>();
                Map<String, Object> wanted = new LinkedHashMap<>();
                step.where().forEach((field, expression) -> wanted.put(field, expression.evaluate(scope.variables())));
                for (Row row : candidates(state, step.table(), wanted)) {
                    if (row.isListed() && wanted.entrySet().stream()
                            .allMatch(w -> sameValue(row.storedField(w.getKey()), w.getValue()))) {
                        rows.add(plainRow(scope, step.table(), row));
                    }
                }
                return rows;
            }
            case CREATE -> {
                ObjectNode data = values(step.set(), scope);
                if (step.id() != null) {
                    data.put(tables.get(step.table()).idField(), text(step.id(), scope));
                }
                return plainRow(scope, step.table(), state.insert(step.table(), data));
            }
            case UPDATE -> {
                String id = text(step.id(), scope);
                Row current = state.get(step.table(), id).filter(Row::isListed)
                        .orElseThrow(() -> missing(step, id, scope, request));
                ObjectNode data = current.data();
                data.setAll(values(step.set(), scope));
                if (!step.merge().isEmpty()) {
                    DeepMerge.merge(data, values(step.merge(), scope), true);
                }
                if (step.mergeAll() != null && shaped(step.mergeAll().evaluate(scope.variables()), scope)
                        instanceof ObjectNode whole) {
                    whole.remove(tables.get(step.table()) == null ? "id" : tables.get(step.table()).idField());
                    DeepMerge.merge(data, whole, true);
                }
                return plainRow(scope, step.table(), state.replace(step.table(), id, data));
            }
            case DELETE -> {
                String id = text(step.id(), scope);
                if (!state.delete(step.table(), id)) {
                    throw missing(step, id, scope, request);
                }
                return null;
            }
            case SET -> {
                return step.value().evaluate(scope.variables());
            }
            case VALIDATE -> {
                Object verdict = step.check().evaluate(scope.variables());
                if (!Boolean.TRUE.equals(verdict)) {
                    throw failure(step.error(), scope, "Validation failed: " + step.check().source(), false);
                }
                return null;
            }
            case FAIL -> throw failure(step.error(), scope, "The request could not be completed.", step.commit());
            case CALL -> {
                CustomOperation called = operations.apply(step.operation());
                if (called == null) {
                    throw new IllegalArgumentException("no custom operation '" + step.operation() + "'");
                }
                Scope inner = scope.child();
                Object input = scope.get("input");
                if (!step.input().isEmpty()) {
                    Map<String, Object> given = new LinkedHashMap<>();
                    step.input().forEach((field, expression) ->
                            given.put(field, expression.evaluate(scope.variables())));
                    input = given;
                }
                inner.set("input", input);
                inner.set("request", scope.get("request"));
                inner.set("magic", magic);
                return execute(called, inner, state, request);
            }
            default -> throw new IllegalStateException("unknown step type " + step.type());
        }
    }

    /**
     * The rows a list step looks at: those an index finds for one of its {@code where} fields (a reference, a parent
     * field), so a step costs what it finds, not what the table holds; else every row.
     */
    private static List<Row> candidates(TenantTables state, String table, Map<String, Object> wanted) {
        for (Map.Entry<String, Object> where : wanted.entrySet()) {
            if (where.getValue() != null && !(where.getValue() instanceof Map) && !(where.getValue() instanceof Collection)) {
                Optional<List<Row>> indexed = state.rowsWhere(table, where.getKey(), String.valueOf(where.getValue()));
                if (indexed.isPresent()) {
                    return indexed.get();
                }
            }
        }
        return state.list(table);
    }

    /** The row as steps see it (with its table's defaults), remembered as standing for the row. */
    private Object plainRow(Scope scope, String table, Row row) {
        TableConventions conventions = tables.get(table);
        Object plain = conventions == null ? JsonView.ofRow(row, Map.of()) : conventions.shaper().view(row);
        scope.register(plain, table, row);
        return plain;
    }

    private Object response(CustomOperation current, Scope scope) {
        JsonNode template = current.response();
        if (template == null || template.isNull() || template.isMissingNode()) {
            return new LinkedHashMap<String, Object>();
        }
        return evaluate(template, "", current.responseExpressions(), scope);
    }

    /** A response template's value: expressions evaluated, constants as plain values, rows left as bound. */
    private Object evaluate(JsonNode template, String pointer, Map<String, Expression> expressions, Scope scope) {
        Expression expression = expressions.get(pointer);
        if (expression != null) {
            return expression.evaluate(scope.variables());
        }
        if (template.isObject()) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = template.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String child = pointer + "/" + field.getKey().replace("~", "~0").replace("/", "~1");
                out.put(field.getKey(), evaluate(field.getValue(), child, expressions, scope));
            }
            return out;
        }
        if (template.isArray()) {
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < template.size(); i++) {
                out.add(evaluate(template.get(i), pointer + "/" + i, expressions, scope));
            }
            return out;
        }
        return PlainValues.toPlain(template);
    }

    /** A value for a body or a stored field: a bound row is shaped by its table, maps and lists recursively. */
    private JsonNode shaped(Object value, Scope scope) {
        Scope.RowRef ref = scope.rowOf(value);
        if (ref != null && tables.containsKey(ref.table())) {
            return tables.get(ref.table()).shaper().shape(ref.row());
        }
        JsonNode viewed = JsonView.treeOf(value);
        if (viewed != null) {
            return viewed.deepCopy(); // a part of a row (each.price of an item): as stored
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            map.forEach((k, v) -> out.set(String.valueOf(k), shaped(v, scope)));
            return out;
        }
        if (value instanceof Collection<?> list) {
            var out = JsonNodeFactory.instance.arrayNode();
            list.forEach(item -> out.add(shaped(item, scope)));
            return out;
        }
        return PlainValues.toJson(value);
    }

    private ObjectNode values(Map<String, Expression> set, Scope scope) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        set.forEach((field, expression) -> data.set(field, shaped(expression.evaluate(scope.variables()), scope)));
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

    private StepFailure missing(Step step, String id, Scope scope, TwinRequest request) {
        if (step.error() != null) {
            return failure(step.error(), scope, null, false);
        }
        TableConventions table = tables.get(step.table());
        String message = table == null ? "No such row: '" + id + "'" : table.notFound().message(id, request);
        return new StepFailure(new TwinError(ErrorKind.NOT_FOUND, message, paramOf(step.id())), null, null);
    }

    private StepFailure failure(StepError error, Scope scope, String fallbackMessage, boolean commit) {
        if (error == null) {
            return new StepFailure(new TwinError(ErrorKind.VALIDATION_ERROR, fallbackMessage, null), null, null,
                    null, null, commit);
        }
        String message = null;
        if (error.message() != null && scope != null) {
            Object value = error.message().evaluate(scope.variables());
            message = value == null ? null : String.valueOf(value);
        }
        if (message == null) {
            message = fallbackMessage != null ? fallbackMessage : "The request could not be completed.";
        }
        ObjectNode extra = null;
        if (!error.extra().isEmpty() && scope != null) {
            extra = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, Expression> field : error.extra().entrySet()) {
                JsonNode value = shaped(field.getValue().evaluate(scope.variables()), scope);
                if (!value.isNull()) {
                    extra.set(field.getKey(), value);
                }
            }
        }
        return new StepFailure(new TwinError(error.kind(), message, error.param()), error.code(), error.status(),
                error.type(), extra, commit);
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
