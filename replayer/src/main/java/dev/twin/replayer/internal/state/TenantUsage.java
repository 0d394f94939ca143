package dev.twin.replayer.internal.state;

/**
 * What one tenant holds against its quotas: the rows it owns (its own rows and its changed copies of seed rows;
 * the shared seed rows cost it nothing) and their size as JSON. Kept current by each commit; counted again from
 * the overlays after a load, a restore or a copy. Guarded by the tenant's lock.
 */
final class TenantUsage {
    long rows;
    long bytes;

    static TenantUsage of(TenantState state) {
        TenantUsage usage = new TenantUsage();
        state.tables.values().forEach(overlay -> overlay.heldRows().forEach(row -> usage.add(row, 1)));
        return usage;
    }

    void add(Row row, int sign) {
        if (row != null) {
            rows += sign;
            bytes += sign * RowSize.of(row);
        }
    }
}
