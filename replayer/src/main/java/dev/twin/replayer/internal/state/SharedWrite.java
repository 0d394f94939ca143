package dev.twin.replayer.internal.state;

import java.util.List;
import java.util.Map;

/**
 * One transaction's writes to a tenant, applied by the shared store all at once: the rows it changed, the
 * tenant's bookkeeping after it ({@code n}: the next creation position; {@code s:TABLE}: each table's last
 * sequence number) and the events it emitted.
 */
public record SharedWrite(Map<String, String> meta, List<StoredRow> rows, List<SharedEvent> events) {
    public SharedWrite {
        meta = Map.copyOf(meta);
        rows = List.copyOf(rows);
        events = List.copyOf(events);
    }
}
