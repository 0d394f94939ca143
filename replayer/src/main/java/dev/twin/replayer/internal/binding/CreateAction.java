package dev.twin.replayer.internal.binding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.twin.replayer.internal.convention.ExistingRow;
import dev.twin.replayer.internal.convention.PlainValues;
import dev.twin.replayer.internal.convention.ReplacedField;
import dev.twin.replayer.internal.custom.StepFailure;
import dev.twin.replayer.internal.convention.TableConventions;
import dev.twin.replayer.internal.http.ErrorKind;
import dev.twin.replayer.internal.http.TwinError;
import dev.twin.replayer.internal.http.TwinResponse;
import dev.twin.replayer.internal.state.Row;
import dev.twin.replayer.internal.state.StateException;
import dev.twin.replayer.internal.state.TenantTables;
import org.apache.commons.jexl3.JexlException;
import org.apache.commons.jexl3.MapContext;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code create}: stores the body's fields (and the parent path parameters, e.g. Twilio's {@code AccountSid}) as a
 * new row; answers the shaped row with the create status. The table mints the id unless the body names one (as
 * Stripe allows for products), in which case a taken id is a CONFLICT (or, with {@code create.upsert}, the row it
 * names is replaced). Fields the API ignores are dropped first;
 * the fields it derives from the input ({@code create.derive}) and generates per row ({@code create.generate}) are
 * stored with the row; {@code create.location} names the new row in a {@code Location} header, and
 * {@code create.headers} adds headers rendered over the row ({@code create.emptyBody}: the headers are the answer).
 */
final class CreateAction implements BindingAction {
    private final Rows rows;
    private final int status;
    private final List<String> requiredFields;
    private final Map<String, Map<String, Object>> magic;
    private final FormCheck forms;

    /**
     * @param requiredFields top-level body fields the operation's schema marks required
     * @param magic          what {@code create.derive} expressions read as {@code magic}
     */
    CreateAction(Rows rows, int status, List<String> requiredFields, Map<String, Map<String, Object>> magic) {
        this.rows = rows;
        this.status = status;
        this.requiredFields = List.copyOf(requiredFields);
        this.magic = magic;
        this.forms = new FormCheck(rows.table().createForms());
    }

    @Override
    public TwinResponse run(BoundRequest request, TenantTables tables) {
        ObjectNode fields = request.fields();
        for (String required : requiredFields) {
            JsonNode value = fields.get(required);
            if (value == null || value.isNull()) {
                throw new StateException(new TwinError(ErrorKind.VALIDATION_ERROR,
                        "Missing required param: " + required + ".", required, false, "required"));
            }
        }
        java.util.Optional<TwinResponse> refused = forms.refusal(fields, request,
                rows.table().errors().status(ErrorKind.VALIDATION_ERROR));
        if (refused.isPresent()) {
            return refused.get();
        }
        TwinResponse unnamed = unnamedRow(fields, tables);
        if (unnamed != null) {
            return unnamed;
        }
        // a required field ignored was sent all the same: only not kept
        rows.table().written().prepare(fields, tables.nowMillis());
        ObjectNode data = fields.objectNode();
        request.parentParams().forEach(data::put);
        data.setAll(fields);
        rows.table().createDefaults().fields().forEachRemaining(field -> {
            if (!data.has(field.getKey())) {
                data.set(field.getKey(), field.getValue().deepCopy());
            }
        });
        derive(data, fields, request, tables.nowMillis());
        lookUp(data, fields, tables);
        checkLimits(fields, tables);
        RowContent.keep(rows.table(), request.routed().request(), data, null);
        WriteIndexes.created(rows.table().writeIndex(), data, request);
        Row row = revisionOfExisting(request, tables, data);
        if (row == null) {
            row = upsertOfExisting(tables, data);
        }
        if (row == null) {
            Revisions.stamp(rows.table().revision(), data, null);
            row = tables.insert(rows.table().table(), data);
        }
        row = withGenerated(row, tables);
        TableConventions table = rows.table();
        TwinResponse response = table.createEmptyBody() ? JsonResponses.noBody(status)
                : table.createBody() == null ? rows.written(status, row, request, tables)
                : JsonResponses.of(status, table.createBody().render(Map.of("item",
                PlainValues.toPlain(rows.shaped(row, request, tables)))));
        if (!table.createHeaders().isEmpty()) {
            response = RenderedHeaders.add(response, table.createHeaders(),
                    PlainValues.toPlain(rows.shaped(row, request, tables)), request, row.data());
        }
        return switch (table.createLocation()) {
            case NONE -> response;
            case RELATIVE -> response.withHeader("Location", itemPath(request, row));
            case ABSOLUTE -> response.withHeader("Location", "http://"
                    + Objects.requireNonNullElse(request.routed().request().header("Host"), "127.0.0.1")
                    + itemPath(request, row));
        };
    }

    /**
     * The refusal of a create whose sent value names no live row of the table it must ({@code create.exists}): one
     * read by id per such field; null when every one names a row (or was not sent).
     */
    private TwinResponse unnamedRow(ObjectNode fields, TenantTables tables) {
        for (Map.Entry<String, ExistingRow> rule : rows.table().createExists().entrySet()) {
            JsonNode sent = fields.get(rule.getKey());
            if (sent == null || sent.isNull() || !sent.isValueNode()) {
                continue;
            }
            ExistingRow exists = rule.getValue();
            if (tables.get(exists.table(), sent.asText()).filter(r -> !Rows.isDeleted(r)).isEmpty()) {
                return exists.body() == null ? JsonResponses.noBody(exists.status())
                        : JsonResponses.of(exists.status(), exists.body().render(Map.of("sent", sent.asText())));
            }
        }
        return null;
    }

    /**
     * With revisions, a create naming an existing row's id and its current revision writes the row's next
     * revision (CouchDB's POST of a document with {@code _id} and {@code _rev}); null when it names no such row.
     */
    private Row revisionOfExisting(BoundRequest request, TenantTables tables, ObjectNode data) {
        var rule = rows.table().revision();
        JsonNode id = data.get(rows.table().idField());
        if (!rule.enabled() || id == null || !id.isTextual()) {
            return null;
        }
        Row current = tables.get(rows.table().table(), id.textValue()).filter(r -> !Rows.isDeleted(r)).orElse(null);
        if (current == null) {
            return null;
        }
        String revision = Revisions.check(rule, request, current);
        Revisions.stamp(rule, data, revision);
        return tables.replace(rows.table().table(), current.id(), data);
    }

    /**
     * With {@code create.upsert}, a create naming an existing row's id replaces that row's fields by the ones sent
     * (Alertmanager's POST of a silence with its {@code id}); the fields the server generated for the row stay as they
     * were. Null when the body names no live row.
     */
    private Row upsertOfExisting(TenantTables tables, ObjectNode data) {
        TableConventions table = rows.table();
        JsonNode id = data.get(table.idField());
        if (!table.createUpsert() || id == null || !id.isValueNode() || id.isNull()) {
            return null;
        }
        Row current = tables.get(table.table(), id.asText()).filter(r -> !Rows.isDeleted(r)).orElse(null);
        if (current == null) {
            return null;
        }
        for (String generated : table.createGenerate().keySet()) {
            JsonNode kept = current.data().get(generated);
            if (kept != null && !data.has(generated)) {
                data.set(generated, kept);
            }
        }
        return tables.replace(table.table(), current.id(), data);
    }

    /** Fields the server sets from what the client sent ({@code create.derive}), where the client sent none. */
    private void derive(ObjectNode data, ObjectNode fields, BoundRequest request, long nowMillis) {
        var derive = rows.table().createDerive();
        if (derive.isEmpty()) {
            return;
        }
        MapContext context = new MapContext();
        context.set("input", PlainValues.toPlain(fields));
        Map<String, Object> requestModel = new java.util.HashMap<>();
        requestModel.put("method", request.routed().request().method());
        requestModel.put("path", request.routed().request().path());
        requestModel.put("now", nowMillis / 1000L);
        requestModel.put("time", dev.twin.replayer.internal.convention.TimeVariable.of(nowMillis));
        requestModel.put("user", dev.twin.replayer.internal.http.BasicAuth.user(request.routed().request()));
        context.set("request", requestModel);
        context.set("magic", magic);
        derive.forEach((field, expression) -> {
            if (!fields.has(field)) {
                try {
                    data.set(field, PlainValues.toJson(expression.evaluate(context)));
                } catch (JexlException e) {
                    throw new StateException(new TwinError(ErrorKind.VALIDATION_ERROR, "create.derive." + field
                            + " at " + expression.location() + " could not be evaluated: " + e.getMessage(), field));
                }
            }
        });
    }

    /**
     * Fields copied from the row of another table that a sent field names ({@code create.lookup}), where the client
     * sent none: one read by id each, whatever the tables hold.
     */
    private void lookUp(ObjectNode data, ObjectNode fields, TenantTables tables) {
        rows.table().createLookup().forEach((field, lookup) -> {
            JsonNode key = fields.get(lookup.by());
            if (fields.has(field) || key == null || !key.isValueNode() || key.isNull()) {
                return;
            }
            tables.get(lookup.table(), key.asText()).filter(r -> !Rows.isDeleted(r))
                    .map(r -> r.data().get(lookup.field()))
                    .filter(value -> !value.isNull())
                    .ifPresent(value -> data.set(field, value.deepCopy()));
        });
    }

    /**
     * Sent numbers bounded by a field of the row another sent field names ({@code create.limits}), less what this
     * table's live rows naming that row hold: one read by id, and the rows naming that row through their index.
     */
    private void checkLimits(ObjectNode fields, TenantTables tables) {
        rows.table().createLimits().forEach((field, limit) -> {
            var rule = limit.rule();
            BigDecimal sent = number(fields.get(field));
            JsonNode key = fields.get(rule.by());
            if (sent == null || key == null || !key.isValueNode() || key.isNull()) {
                return;
            }
            Row named = tables.get(rule.table(), key.asText()).filter(r -> !Rows.isDeleted(r)).orElse(null);
            BigDecimal max = named == null ? null : number(named.data().get(rule.max()));
            if (max == null) {
                return;
            }
            BigDecimal remaining = max;
            if (rule.less() != null) {
                String table = rows.table().table();
                List<Row> naming = tables.rowsWhere(table, rule.by(), key.asText()).orElseGet(() -> tables.list(table)
                        .stream().filter(r -> key.asText().equals(text(r.data().get(rule.by())))).toList());
                for (Row row : naming) {
                    BigDecimal held = Rows.isDeleted(row) ? null : number(row.data().get(rule.less()));
                    remaining = held == null ? remaining : remaining.subtract(held);
                }
            }
            if (sent.compareTo(remaining) > 0) {
                Map<String, Object> model = Map.of("sent", plain(sent), "remaining", plain(remaining),
                        "row", PlainValues.toPlain(named.data()));
                throw new StepFailure(new TwinError(ErrorKind.VALIDATION_ERROR, limit.message().render(model),
                        rule.param()), rule.code() == null ? null : TextNode.valueOf(rule.code()), null);
            }
        });
    }

    private static BigDecimal number(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        try {
            return value.isTextual() ? new BigDecimal(value.textValue().trim()) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String text(JsonNode value) {
        return value == null || value.isContainerNode() ? null : value.asText();
    }

    /** 1500, not 1.5E+3 or 1500.00. */
    private static Object plain(BigDecimal number) {
        BigDecimal stripped = number.stripTrailingZeros();
        return stripped.scale() <= 0 ? (Object) stripped.toBigInteger() : stripped.toPlainString();
    }

    /**
     * Fields the server generates at create ({@code client_secret}), and sent values it replaces by minted ones
     * ({@code create.replace}), rendered over the new row and stored.
     */
    private Row withGenerated(Row row, TenantTables tables) {
        var generate = rows.table().createGenerate();
        var replace = rows.table().createReplace();
        if (generate.isEmpty() && replace.isEmpty()) {
            return row;
        }
        ObjectNode data = row.data().deepCopy();
        Map<String, Object> model = Map.of("item", PlainValues
                .toPlain(row.data()));
        generate.forEach((field, template) -> {
            if (!data.has(field)) {
                data.put(field, template.render(model));
            }
        });
        replace.forEach((field, rule) -> {
            JsonNode sent = data.get(field);
            if (sent != null && sent.isValueNode() && !sent.isNull() && !kept(rule, sent.asText(), tables)) {
                data.put(field, rule.with().render(model));
            }
        });
        return data.equals(row.data()) ? row : tables.replace(rows.table().table(), row.id(), data);
    }

    /** A sent value the server takes as its own: of the minted shape, or a live row of the table named. */
    private static boolean kept(ReplacedField rule, String sent, TenantTables tables) {
        return rule.keepsShape(sent) || (rule.table() != null
                && tables.get(rule.table(), sent).filter(r -> !Rows.isDeleted(r)).isPresent());
    }

    /** The new row's URL path: the collection the create was sent to, then the id. */
    private static String itemPath(BoundRequest request, Row row) {
        String collection = request.routed().request().path();
        return (collection.endsWith("/") ? collection : collection + "/")
                + URLEncoder.encode(row.id(), StandardCharsets.UTF_8);
    }
}
