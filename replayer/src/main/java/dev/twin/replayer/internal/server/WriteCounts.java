package dev.twin.replayer.internal.server;

import dev.twin.replayer.config.WriteCounter;
import dev.twin.replayer.internal.http.TwinRequest;
import dev.twin.replayer.internal.http.TwinResponse;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The writes each tenant made, for {@code server.writeCounter}: every API answer carries the counter's header with
 * the count so far (a successful write counts itself). Held by the server, so a reload of twin.yaml keeps it; a
 * reset of everything or of the tenant starts it again.
 */
final class WriteCounts {
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final ConcurrentHashMap<String, AtomicLong> byTenant = new ConcurrentHashMap<>();

    /** The answer with the counter's header set (replacing a recorded value), counting it when it is a write. */
    TwinResponse apply(WriteCounter counter, String tenant, TwinRequest request, TwinResponse response) {
        if (!counter.isOn() || response.delivery().fault() != null) {
            return response;
        }
        AtomicLong count = byTenant.computeIfAbsent(tenant == null ? "" : tenant, t -> new AtomicLong());
        boolean accepted = response.status() >= 200 && response.status() < 300 && WRITES.contains(request.method());
        long writes = accepted ? count.incrementAndGet() : count.get();
        return response.withHeader(counter.header(), Long.toString(counter.start() + writes));
    }

    void reset() {
        byTenant.clear();
    }

    void reset(String tenant) {
        byTenant.remove(tenant);
    }
}
