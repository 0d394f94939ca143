package dev.twin.replayer.binding;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.replayer.config.UpdateRule;
import dev.twin.replayer.http.TwinResponse;
import dev.twin.replayer.state.Row;
import dev.twin.replayer.state.TenantTables;

/**
 * {@code patch} (deep merge of the body into the row, Stripe's POST update) and {@code update} (the body replaces
 * the row's fields whole, a PUT); the id never changes.
 */
final class PatchAction implements BindingAction {
    private final Rows rows;
    private final int status;
    private final boolean replace;

    PatchAction(Rows rows, int status, boolean replace) {
        this.rows = rows;
        this.status = status;
        this.replace = replace;
    }

    @Override
    public TwinResponse run(BoundRequest request, TenantTables tables) {
        var rule = rows.table().update();
        if (replace && Boolean.TRUE.equals(rule.upsert()) && request.id() != null
                && tables.get(rows.table().table(), request.id()).filter(r -> !Rows.isDeleted(r)).isEmpty()) {
            return created(request, tables, rule);
        }
        Row current = rows.existing(request, tables);
        ObjectNode fields = request.fields();
        fields.remove(rows.table().idField());
        fields.remove(rows.table().ignoredFields());
        ObjectNode data;
        if (replace) {
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
        Row updated = tables.replace(rows.table().table(), current.id(), data);
        if (replace && Boolean.TRUE.equals(rule.emptyBody())) {
            return JsonResponses.noBody(rule.status() != null ? rule.status() : status);
        }
        return rows.written(replace && rule.status() != null ? rule.status() : status, updated, request, tables);
    }

    /** An upsert of a row that was not there: stored under the id the path names. */
    private TwinResponse created(BoundRequest request, TenantTables tables,
                                 UpdateRule rule) {
        String table = rows.table().table();
        tables.get(table, request.id()).ifPresent(deleted -> tables.delete(table, deleted.id()));
        ObjectNode data = request.fields().objectNode();
        request.parentParams().forEach(data::put);
        data.setAll(request.fields());
        data.remove(rows.table().ignoredFields());
        data.put(rows.table().idField(), request.id());
        Row row = tables.insert(table, data);
        int createdStatus = rule.createdStatus() != null ? rule.createdStatus() : 201;
        return Boolean.TRUE.equals(rule.emptyBody()) ? JsonResponses.noBody(createdStatus)
                : rows.written(createdStatus, row, request, tables);
    }
}
