package dev.twin.replayer.internal.server;

import dev.twin.replayer.config.WriteCounter;
import dev.twin.replayer.internal.http.TwinRequest;
import dev.twin.replayer.internal.http.TwinResponse;
import dev.twin.replayer.internal.state.LoopAnswer;

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
        if (response.delivery().fault() != null) {
            return response;
        }
        // counted with no header too: rows' writeIndex fields read the count
        AtomicLong count = byTenant.computeIfAbsent(tenant == null ? "" : tenant, t -> new AtomicLong());
        boolean accepted = response.status() >= 200 && response.status() < 300 && WRITES.contains(request.method());
        long writes = count.get();
        if (accepted) {
            writes = count.incrementAndGet();
            LoopAnswer.whenRunAgain(count::decrementAndGet); // a request run again on a worker counts there
        }
        return counter.isOn() ? response.withHeader(counter.header(), Long.toString(counter.start() + writes))
                : response;
    }

    /**
     * The counter's value should the tenant's next request be an accepted write. Two writes of one tenant answered
     * at once may both read the same value (the count moves when each is answered).
     */
    long next(WriteCounter counter, String tenant) {
        AtomicLong count = byTenant.get(tenant == null ? "" : tenant);
        return counter.start() + (count == null ? 0 : count.get()) + 1;
    }

    void reset() {
        byTenant.clear();
    }

    void reset(String tenant) {
        byTenant.remove(tenant);
    }
}
