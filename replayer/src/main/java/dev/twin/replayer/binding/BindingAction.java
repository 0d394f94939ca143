package dev.twin.replayer.binding;

import dev.twin.replayer.http.TwinResponse;
import dev.twin.replayer.state.TenantTables;

/** What one bound operation does to the tenant's tables, inside one transaction. */
interface BindingAction {
    /**
     * @throws dev.twin.replayer.state.StateException     for client errors (missing row, quota ...)
     * @throws dev.twin.replayer.custom.StepFailure        for a failed custom-operation step
     */
    TwinResponse run(BoundRequest request, TenantTables tables);
}
