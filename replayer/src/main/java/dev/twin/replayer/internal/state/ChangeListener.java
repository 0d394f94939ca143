package dev.twin.replayer.internal.state;

import java.util.List;

/**
 * Told about every committed transaction that changed rows (events and webhooks listen here). Called on the
 * committing thread while the tenant is locked: it must be quick and must not open a transaction itself.
 *
 * <p>With shared state ({@link SharedState}) a commit stores its events with its rows, so they are made before it:
 * {@link #emitted} instead of {@link #committed}, then {@link #stored} once they are stored, also for events other
 * replicas stored. For this replica's own commits {@link #storedChanges} and {@link #stored} may be called once the
 * tenant's lock was let go (a commit whose reply from the store came after it),
 * on the thread of the request that committed, in commit order for each tenant.
 */
@FunctionalInterface
public interface ChangeListener {
    ChangeListener NONE = (tenant, changes) -> { };

    void committed(String tenant, List<RowChange> changes);

    /**
     * Shared state: the events these changes emit, made (not yet logged or sent) before the commit that stores
     * them with the rows; the commit may be tried again, asking again.
     *
     * @param tables the tenant's rows as the commit leaves them, to read (never write) what the events depend on,
     *               such as the tenant's webhook endpoints
     */
    default List<SharedEvent> emitted(String tenant, List<RowChange> changes, TenantTables tables) {
        return List.of();
    }

    /**
     * Shared state: whether {@link #emitted} now keeps the changes it is told (a batch of a scenario's transactions
     * that emits its net events later) rather than only making events of them. A commit refused by the store cannot
     * take such changes back, so the store then asks for events only from a copy known to be current.
     */
    default boolean keepsEmitted() {
        return false;
    }

    /**
     * Shared state: events the store now holds for the tenant, oldest first, stored by a commit of this replica
     * or of another; {@code whole}: they are all the tenant has (after a reset, a restore or a first read).
     */
    default void stored(String tenant, List<SharedEvent> events, boolean whole) {
    }

    /**
     * Shared state: this replica's transaction made these changes and they are now stored (after {@link #emitted}
     * and before {@link #stored}); changes other replicas stored are not told here.
     */
    default void storedChanges(String tenant, List<RowChange> changes) {
    }
}
