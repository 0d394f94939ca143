package dev.twin.replayer.internal.binding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.replayer.internal.convention.PlainValues;
import dev.twin.replayer.internal.convention.TableConventions;
import dev.twin.replayer.internal.http.TwinResponse;
import dev.twin.replayer.internal.state.Row;
import dev.twin.replayer.internal.state.TenantTables;

import java.util.Map;

/**
 * {@code delete}: removes the row (or, with {@code preserve}, marks it deleted so get and list stop seeing it) and
 * answers the delete status with the body template rendered over {@code item} (Stripe's
 * {@code {id, object, deleted: true}}), the row as it was ({@code answersRow}), or no body.
 */
final class DeleteAction implements BindingAction {
    private final Rows rows;
    private final int status;

    DeleteAction(Rows rows, int status) {
        this.rows = rows;
        this.status = status;
    }

    @Override
    public TwinResponse run(BoundRequest request, TenantTables tables) {
        TableConventions table = rows.table();
        Row row = rows.existing(request, tables);
        String revision = Revisions.check(table.revision(), request, row);
        if (table.preserveDeleted()) {
            ObjectNode marked = row.data();
            marked.put(TableConventions.DELETED_MARKER, true);
            tables.replace(table.table(), row.id(), marked);
        } else {
            tables.delete(table.table(), row.id());
        }
        if (table.deleteBody() == null && !table.deleteAnswersRow()) {
            return JsonResponses.noBody(status);
        }
        ObjectNode item = table.shaper().shape(withDeletingWrite(row, request));
        if (revision != null) {
            // the answer names the deletion's own revision, as CouchDB's {ok, id, rev} does
            Revisions.stamp(table.revision(), item, revision);
        }
        JsonNode body = table.deleteBody() == null ? null
                : table.deleteBody().render(Map.of("item", PlainValues.toPlain(item)));
        if (table.deleteAnswersRow()) {
            item.remove(table.deleteOmit());
            if (body instanceof ObjectNode extra) {
                item.setAll(extra);
            }
            return JsonResponses.of(status, item);
        }
        return JsonResponses.of(status, body);
    }

    /** The row as the delete's answer shows it: its modified write index the deleting write's. */
    private Row withDeletingWrite(Row row, BoundRequest request) {
        var rule = rows.table().writeIndex();
        if (rule == null || rule.modified() == null) {
            return row;
        }
        ObjectNode data = row.data();
        WriteIndexes.modified(rule, data, null, request);
        return new Row(row.id(), data, row.createdAtMillis(), row.updatedAtMillis());
    }
}
