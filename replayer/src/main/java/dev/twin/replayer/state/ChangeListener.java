package dev.twin.replayer.state;

import java.util.List;

/**
 * Told about every committed transaction that changed rows (events and webhooks listen here). Called on the
 * committing thread while the tenant is locked: it must be quick and must not open a transaction itself.
 */
@FunctionalInterface
public interface ChangeListener {
    ChangeListener NONE = (tenant, changes) -> { };

    void committed(String tenant, List<RowChange> changes);
}
