package dev.twin.replayer.internal.state;

import java.util.List;
import java.util.Map;

/**
 * What a replica learns of a tenant from the shared store ({@link SharedState#sync}).
 *
 * @param at     the version the tenant is at
 * @param whole  true: {@code rows} and {@code events} are everything the tenant holds (its cache is replaced);
 *               false: only what changed after the version the replica held
 * @param meta   the tenant's bookkeeping ({@link SharedWrite#meta()}); empty when unchanged
 * @param rows   rows changed (or all rows), in no particular order
 * @param events events stored after the version held (or all kept), oldest first
 */
public record TenantSync(TenantVersion at, boolean whole, Map<String, String> meta, List<StoredRow> rows,
                         List<SharedEvent> events) {
    public TenantSync {
        meta = Map.copyOf(meta);
        rows = List.copyOf(rows);
        events = List.copyOf(events);
    }

    /** Nothing new since {@code at}. */
    public static TenantSync unchanged(TenantVersion at) {
        return new TenantSync(at, false, Map.of(), List.of(), List.of());
    }

    public boolean isUnchanged() {
        return !whole && rows.isEmpty() && events.isEmpty() && meta.isEmpty();
    }
}
