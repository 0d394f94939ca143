package dev.twin.replayer.internal.binding;

import dev.twin.replayer.internal.http.TwinResponse;
import dev.twin.replayer.internal.state.TenantTables;

/** What one bound operation does to the tenant's tables, inside one transaction. */
interface BindingAction {
    /**
     * @throws dev.twin.replayer.internal.state.StateException     for client errors (missing row, quota ...)
     * @throws dev.twin.replayer.internal.custom.StepFailure        for a failed custom-operation step
     */
    TwinResponse run(BoundRequest request, TenantTables tables);
}
