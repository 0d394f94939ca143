package dev.twin.replayer.webhook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.replayer.convention.ListItems;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Each tenant's events, newest first, at most {@code keep} of them (in memory). A reset forgets them: all of them
 * ({@link #clear}) or one tenant's ({@link #clearTenant}), dropping the tenant's entry so nothing of it stays.
 */
public final class EventLog {
    private final Map<String, TenantEvents> byTenant = new ConcurrentHashMap<>();
    private volatile int keep = 1000;

    void keep(int events) {
        this.keep = events;
    }

    void add(String tenant, LoggedEvent event) {
        int keepNow = keep;
        TenantEvents events = byTenant.computeIfAbsent(tenant, t -> new TenantEvents(keepNow));
        synchronized (events) {
            events.add(event, keepNow);
        }
    }

    /** Newest first; copies. */
    public List<ObjectNode> list(String tenant) {
        return read(tenant, ListItems::all);
    }

    /**
     * Runs {@code reader} over the tenant's events, newest first ({@code type} null = every type), while no event
     * is added to them; items are copies. Without a type the view reads only the events it is asked for.
     */
    public <T> T read(String tenant, String type, Function<ListItems, T> reader) {
        TenantEvents events = byTenant.get(tenant);
        if (events == null) {
            return reader.apply(ListItems.of(List.of(), "id"));
        }
        synchronized (events) {
            ListItems all = view(events);
            if (type == null) {
                return reader.apply(all);
            }
            // a type filter has no index: it walks the ids and types (bounded by keep), building only matches
            List<ObjectNode> matching = new ArrayList<>();
            for (int i = 0; i < events.size(); i++) {
                LoggedEvent event = events.newest(i);
                if (type.equals(event.type())) {
                    matching.add(event.json().deepCopy());
                }
            }
            return reader.apply(ListItems.of(matching, "id"));
        }
    }

    private <T> T read(String tenant, Function<ListItems, T> reader) {
        return read(tenant, null, reader);
    }

    public Optional<ObjectNode> get(String tenant, String id) {
        TenantEvents events = byTenant.get(tenant);
        if (events == null) {
            return Optional.empty();
        }
        synchronized (events) {
            int index = events.indexOf(id);
            return index < 0 ? Optional.empty() : Optional.of(events.newest(index).json().deepCopy());
        }
    }

    /** Forgets every tenant's events (a full reset). */
    public void clear() {
        byTenant.clear();
    }

    /** Forgets one tenant's events (a tenant reset). */
    public void clearTenant(String tenant) {
        byTenant.remove(tenant);
    }

    /** Tenants holding events (a reset leaves none). */
    public int tenantCount() {
        return byTenant.size();
    }

    private static ListItems view(TenantEvents events) {
        return new ListItems() {
            @Override
            public int size() {
                return events.size();
            }

            @Override
            public ObjectNode get(int index) {
                return events.newest(index).json().deepCopy();
            }

            @Override
            public int indexOf(String id) {
                return events.indexOf(id);
            }
        };
    }
}
