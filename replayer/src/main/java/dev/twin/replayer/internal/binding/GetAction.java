package dev.twin.replayer.internal.binding;

import dev.twin.replayer.internal.http.TwinResponse;
import dev.twin.replayer.internal.state.TenantTables;

/**
 * {@code get}: the row with the path's id, or the provider's not-found error; for a {@code content} table with a
 * media type, the bytes the row holds.
 */
final class GetAction implements BindingAction {
    private final Rows rows;
    private final int status;

    GetAction(Rows rows, int status) {
        this.rows = rows;
        this.status = status;
    }

    @Override
    public TwinResponse run(BoundRequest request, TenantTables tables) {
        var content = rows.table().content();
        if (content != null && content.mediaType() != null) {
            return RowContent.answer(status, content, rows.existing(request, tables).data());
        }
        return rows.answer(status, rows.existing(request, tables), request, tables);
    }
}
