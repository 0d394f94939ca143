package dev.twin.replayer.internal.verify;

import java.util.List;
import java.util.Set;

/**
 * One recorded session replayed against the twin.
 *
 * @param compared the exchanges replayed and compared, in recorded order
 * @param skipped  exchanges not replayed: failed or tunnelled (no response), or a request body cut at recording
 * @param hosts    the hosts the session's requests went to, for messages about recordings of another API
 */
public record SessionResult(String session, List<ExchangeResult> compared, int skipped, Set<String> hosts) {
    public SessionResult {
        compared = List.copyOf(compared);
        hosts = Set.copyOf(hosts);
    }

    /** How many compared requests routed to a twin operation. */
    public long routed() {
        return compared.stream().filter(e -> e.operation() != null).count();
    }
}
