package dev.twin.replayer.internal.binding;

import dev.twin.replayer.internal.http.TwinResponse;
import dev.twin.replayer.internal.state.TenantTables;

/** {@code get}: the row with the path's id, or the provider's not-found error. */
final class GetAction implements BindingAction {
    private final Rows rows;
    private final int status;

    GetAction(Rows rows, int status) {
        this.rows = rows;
        this.status = status;
    }

    @Override
    public TwinResponse run(BoundRequest request, TenantTables tables) {
        return rows.answer(status, rows.existing(request, tables), request, tables);
    }
}
