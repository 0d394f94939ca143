package dev.twin.replayer.internal.binding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.replayer.internal.convention.DeepMerge;
import dev.twin.replayer.internal.convention.PlainValues;
import dev.twin.replayer.internal.convention.JsonTemplate;
import dev.twin.replayer.internal.convention.TableConventions;
import dev.twin.replayer.config.CreateRule;
import dev.twin.replayer.config.UpdateRule;
import dev.twin.replayer.internal.http.ErrorKind;
import dev.twin.replayer.internal.http.TwinError;
import dev.twin.replayer.internal.http.TwinResponse;
import dev.twin.replayer.internal.state.StateException;
import dev.twin.replayer.internal.state.Row;
import dev.twin.replayer.internal.state.TenantTables;

import java.util.Map;
import java.util.Objects;

/**
 * {@code patch} (deep merge of the body into the row, Stripe's POST update) and {@code update} (the body replaces
 * the row's fields whole, a PUT); the id never changes.
 */
final class PatchAction implements BindingAction {
    private final Rows rows;
    private final int status;
    private final boolean replace;
    private final ImmutableCheck immutable;
    /** The table {@code update.copyTo} also writes the row to, or null. */
    private final TableConventions copyTarget;
    /** {@code update.checksum}'s body, compiled once; null without one. */
    private final JsonTemplate checksumBody;

    PatchAction(Rows rows, int status, boolean replace, TableConventions copyTarget) {
        this.rows = rows;
        this.status = status;
        this.replace = replace;
        this.immutable = new ImmutableCheck(rows.table().update().immutable());
        this.copyTarget = copyTarget;
        var checksum = rows.table().update().checksum();
        this.checksumBody = checksum == null || checksum.body() == null ? null
                : JsonTemplate.compile(checksum.body());
    }

    @Override
    public TwinResponse run(BoundRequest request, TenantTables tables) {
        var rule = rows.table().update();
        if (replace && Boolean.TRUE.equals(rule.upsert()) && request.id() != null
                && tables.get(rows.table().table(), request.id()).filter(r -> !Rows.isDeleted(r)).isEmpty()) {
            return created(request, tables, rule);
        }
        Row current = rows.existing(request, tables);
        String revision = Revisions.check(rows.table().revision(), request, current);
        ObjectNode fields = request.fields();
        fields.remove(rows.table().idField());
        rows.table().written().prepare(fields, tables.nowMillis());
        var refused = immutable.refusal(fields, current, request, rows, tables);
        if (refused.isPresent()) {
            return refused.get();
        }
        ObjectNode data;
        if (replace && Boolean.TRUE.equals(rule.keepUnsent())) {
            data = current.data().deepCopy(); // the fields sent are set whole; the others stay
            data.setAll(fields);
        } else if (replace) {
            data = fields.objectNode();
            request.parentParams().forEach((name, value) -> {
                if (current.data().has(name)) {
                    data.put(name, value);
                }
            });
            data.setAll(fields);
        } else {
            data = current.data();
            DeepMerge.merge(data, fields, request.isForm());
        }
        RowContent.keep(rows.table(), request.routed().request(), data, current.data());
        TwinResponse wrongDigest = replace ? checksumRefusal(request, data) : null;
        if (wrongDigest != null) {
            return wrongDigest;
        }
        Revisions.stamp(rows.table().revision(), data, revision);
        WriteIndexes.modified(rows.table().writeIndex(), data, current.data(), request);
        Row updated = tables.replace(rows.table().table(), current.id(), data);
        if (replace) {
            copy(updated, request, tables);
            alias(updated, request, tables);
        }
        if (!replace && rows.table().patchEmptyBody()) {
            return located(JsonResponses.noBody(status), request, false, updated, tables);
        }
        if (replace && Boolean.TRUE.equals(rule.emptyBody())) {
            return located(JsonResponses.noBody(rule.status() != null ? rule.status() : status), request, replace,
                    updated, tables);
        }
        return located(answer(replace && rule.status() != null ? rule.status() : status, updated, request, tables,
                replace), request, replace, updated, tables);
    }

    /** An upsert of a row that was not there: stored under the id the path names. */
    private TwinResponse created(BoundRequest request, TenantTables tables,
                                 UpdateRule rule) {
        String table = rows.table().table();
        tables.get(table, request.id()).ifPresent(deleted -> tables.delete(table, deleted.id()));
        ObjectNode data = request.fields().objectNode();
        request.parentParams().forEach(data::put);
        data.setAll(request.fields());
        rows.table().written().prepare(data, tables.nowMillis());
        data.put(rows.table().idField(), request.id());
        Revisions.stamp(rows.table().revision(), data, null);
        RowContent.keep(rows.table(), request.routed().request(), data, null);
        TwinResponse wrongDigest = checksumRefusal(request, data);
        if (wrongDigest != null) {
            return wrongDigest;
        }
        WriteIndexes.created(rows.table().writeIndex(), data, request);
        Row row = tables.insert(table, data);
        copy(row, request, tables);
        alias(row, request, tables);
        int createdStatus = rule.createdStatus() != null ? rule.createdStatus() : 201;
        return located(Boolean.TRUE.equals(rule.emptyBody()) ? JsonResponses.noBody(createdStatus)
                : answer(createdStatus, row, request, tables, true), request, true, row, tables);
    }

    /**
     * {@code update.checksum}: the refusal when the PUT names, in the rule's parameter, another digest than that of
     * the bytes the row would hold; null when it names none or the right one.
     */
    private TwinResponse checksumRefusal(BoundRequest request, ObjectNode data) {
        var rule = rows.table().update().checksum();
        if (rule == null || rule.form() == null) {
            return null;
        }
        String named = request.routed().request().queryParam(rule.param());
        if (named == null || named.equals(rule.form().render(RowContent.bytes(data)))) {
            return null;
        }
        if (checksumBody == null) {
            throw new StateException(new TwinError(ErrorKind.VALIDATION_ERROR, rule.param() + " " + named
                    + " does not match the digest of the content", rule.param()));
        }
        int refused = rule.status() != null ? rule.status()
                : rows.table().errors().status(ErrorKind.VALIDATION_ERROR);
        ObjectNode shown = data.deepCopy();
        shown.remove(TableConventions.CONTENT_FIELD);
        return JsonResponses.of(refused, checksumBody.render(Map.of("item", PlainValues.toPlain(shown))));
    }

    /**
     * {@code update.alias}: the row as stored, also under the digest of the PUT's body in the rule's form (replacing
     * a row there), so it is read under both ids; a PUT without a body makes none.
     */
    private void alias(Row row, BoundRequest request, TenantTables tables) {
        var form = rows.table().update().alias();
        byte[] body = request.routed().request().body();
        if (form == null || body.length == 0) {
            return;
        }
        String id = form.render(body);
        if (id.equals(row.id())) {
            return;
        }
        String table = rows.table().table();
        ObjectNode data = row.data().deepCopy();
        data.put(rows.table().idField(), id);
        tables.get(table, id).ifPresent(old -> tables.delete(table, old.id()));
        tables.insert(table, data);
    }

    /**
     * {@code update.copyTo}: the row as stored, also written to the other table under the value of the query
     * parameter the rule names (replacing a row there); nothing when the request does not send it.
     */
    private void copy(Row row, BoundRequest request, TenantTables tables) {
        var rule = rows.table().update().copyTo();
        if (copyTarget == null || rule == null) {
            return;
        }
        String id = request.routed().request().queryParam(rule.idParam());
        if (id == null || id.isEmpty()) {
            return;
        }
        ObjectNode data = row.data().deepCopy();
        data.remove(rows.table().idField());
        data.put(copyTarget.idField(), id);
        tables.get(copyTarget.table(), id).ifPresent(old -> tables.delete(copyTarget.table(), old.id()));
        tables.insert(copyTarget.table(), data);
    }

    /**
     * For a PUT, the row's own URL in {@code Location} when {@code update.location} asks for it, and the
     * {@code update.headers} rendered over the row; for a PATCH, the URL when {@code patch.location} asks for it
     * and the {@code patch.headers}.
     */
    private TwinResponse located(TwinResponse response, BoundRequest request, boolean replace, Row row,
                                 TenantTables tables) {
        var headers = replace ? rows.table().updateHeaders() : rows.table().patchHeaders();
        if (!headers.isEmpty()) {
            response = RenderedHeaders.add(response, headers, PlainValues.toPlain(rows.shaped(row, request, tables)),
                    request, row.data());
        }
        var location = replace ? rows.table().update().location() : rows.table().patchLocation();
        if (location == null || location == CreateRule.Location.NONE) {
            return response;
        }
        String path = request.routed().request().path();
        return response.withHeader("Location", location == CreateRule.Location.RELATIVE ? path
                : "http://" + Objects.requireNonNullElse(request.routed().request().header("Host"), "127.0.0.1")
                + path);
    }

    /** The row, or for a PUT the acknowledgement {@code update.body} names instead. */
    private TwinResponse answer(int status, Row row, BoundRequest request, TenantTables tables, boolean replace) {
        JsonTemplate acknowledgement = rows.table().updateBody();
        if (replace && acknowledgement != null) {
            return JsonResponses.of(status, acknowledgement.render(Map.of("item",
                    PlainValues.toPlain(rows.shaped(row, request, tables)))));
        }
        return rows.written(status, row, request, tables);
    }
}
