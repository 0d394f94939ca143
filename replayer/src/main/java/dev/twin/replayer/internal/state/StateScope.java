package dev.twin.replayer.internal.state;

import dev.twin.replayer.internal.http.TwinRequest;

/**
 * Which state an admin request is about, from its {@code ?tenant=} (an API key or a tenant key) and {@code ?table=}:
 * for {@code POST /__twin/reset} everything, one tenant, one table for every tenant, or one table of one tenant. A
 * blank parameter counts as absent. Read the same way by every part of the twin that resets something (the tables,
 * the rate-limit buckets).
 *
 * @param tenant the tenant key, or null for every tenant
 * @param table  the table, or null for every table
 */
public record StateScope(String tenant, String table) {

    public static StateScope of(TwinRequest request, TenantResolver tenants) {
        String tenant = blankToNull(request.queryParam("tenant"));
        return new StateScope(tenant == null ? null : tenants.tenantFromOperator(tenant),
                blankToNull(request.queryParam("table")));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
