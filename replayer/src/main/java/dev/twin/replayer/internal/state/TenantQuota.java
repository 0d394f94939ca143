package dev.twin.replayer.internal.state;

import dev.twin.replayer.config.Tenancy;

/** How much one tenant may hold: rows, and their bytes as JSON (see {@link TenantUsage} for what counts). */
public record TenantQuota(long rows, long bytes) {
    public static final TenantQuota DEFAULTS = of(Tenancy.DEFAULTS);

    public TenantQuota {
        if (rows < 1 || bytes < 1) {
            throw new IllegalArgumentException("quotas must be positive: " + rows + " rows, " + bytes + " bytes");
        }
    }

    public static TenantQuota of(Tenancy tenancy) {
        return new TenantQuota(tenancy.maxRows(), tenancy.maxBytes());
    }
}
