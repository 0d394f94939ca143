package dev.twin.replayer.binding;

import com.fasterxml.jackson.databind.node.ObjectNode;
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
        Row current = rows.existing(request, tables);
        ObjectNode fields = request.fields();
        fields.remove(rows.table().idField());
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
        return JsonResponses.of(status, rows.shaped(updated, request, tables));
    }
}
