package dev.twin.replayer.internal.callback;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The password (Twilio's auth token) or Bearer token each tenant last authenticated with, the key its callbacks are
 * signed with: an application validates a callback with the token it calls the API with. Held in memory only —
 * never in the state file, a log or the journal — and bounded: when full it forgets every tenant and learns them
 * again from their next requests.
 */
final class TenantSecrets {
    private static final int CAPACITY = 4096;

    private final ConcurrentHashMap<String, String> byTenant = new ConcurrentHashMap<>();

    void remember(String tenant, String secret) {
        if (secret == null || secret.equals(byTenant.get(tenant))) {
            return;
        }
        if (byTenant.size() >= CAPACITY) {
            byTenant.clear();
        }
        byTenant.put(tenant, secret);
    }

    /** Null when the tenant sent none since the twin started. */
    String of(String tenant) {
        return byTenant.get(tenant);
    }

    void clear() {
        byTenant.clear();
    }
}
