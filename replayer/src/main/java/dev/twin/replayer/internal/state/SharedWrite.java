package dev.twin.replayer.internal.state;

import java.util.List;
import java.util.Map;

/**
 * One transaction's writes to a tenant, applied by the shared store all at once: the rows it changed, the
 * tenant's bookkeeping after it ({@code n}: the next creation position; {@code s:TABLE}: each table's last
 * sequence number), the events it emitted and the idempotency record of its answer (null: none). A store that
 * finds that key answered already applies none of it ({@link AlreadyAnswered}).
 */
public record SharedWrite(Map<String, String> meta, List<StoredRow> rows, List<SharedEvent> events,
                          IdempotencyRecord idempotency) {
    public SharedWrite {
        meta = Map.copyOf(meta);
        rows = List.copyOf(rows);
        events = List.copyOf(events);
    }

    public SharedWrite(Map<String, String> meta, List<StoredRow> rows, List<SharedEvent> events) {
        this(meta, rows, events, null);
    }
}
