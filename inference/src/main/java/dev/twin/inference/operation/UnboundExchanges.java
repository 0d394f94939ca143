package dev.twin.inference.operation;

import dev.twin.recorder.Exchange;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The recorded exchanges of operations that no table and no custom operation will answer ({@code PUT
 * /v2/keys/app/config/db-host} on a path that stayed literal): the twin replays them, each request answered by the
 * recorded answer to the closest recorded request, where the spec's examples would give one answer to every
 * request. Kept in recording order, bounded per operation, per exchange and in all (count and bytes), so a long
 * recording costs a bounded file and bounded memory.
 */
public final class UnboundExchanges {
    static final int PER_OPERATION = 64;
    static final int IN_ALL = 5_000;
    /** An exchange whose bodies together are larger is left to the spec (a blob download is no answer to keep). */
    static final long MAX_EXCHANGE_BYTES = 1L << 20;
    static final long MAX_BYTES = 32L << 20;

    private final Set<String> bound;
    private final Map<String, List<Exchange>> byOperation = new LinkedHashMap<>();
    private int kept;
    private long bytes;
    private long tooLarge;

    /** @param bound the operations tables answer, as "METHOD template" */
    public UnboundExchanges(Set<String> bound) {
        this.bound = Set.copyOf(bound);
    }

    /** @param operation "METHOD template" of the exchange */
    public void offer(String operation, Exchange exchange) {
        if (bound.contains(operation) || kept >= IN_ALL || !exchange.succeeded() || exchange.tunnelled()) {
            return;
        }
        long size = exchange.request().body().bytes().length + exchange.response().body().bytes().length;
        if (size > MAX_EXCHANGE_BYTES || bytes + size > MAX_BYTES) {
            tooLarge++;
            return;
        }
        List<Exchange> kept = byOperation.computeIfAbsent(operation, o -> new ArrayList<>());
        if (kept.size() < PER_OPERATION) {
            kept.add(exchange);
            this.kept++;
            bytes += size;
        }
    }

    /** Exchanges left out for their size (over 1 MB of bodies, or past 32 MB in all): those answer from the spec. */
    public long tooLarge() {
        return tooLarge;
    }

    /**
     * The exchanges to replay, in recording order, leaving out operations that became bound after they were
     * offered (custom operations inferred from what the recording's rows show).
     */
    public List<Exchange> without(Collection<String> laterBound) {
        List<Exchange> out = new ArrayList<>();
        byOperation.forEach((operation, exchanges) -> {
            if (!laterBound.contains(operation)) {
                out.addAll(exchanges);
            }
        });
        out.sort(java.util.Comparator.comparingLong(Exchange::id));
        return out;
    }
}
