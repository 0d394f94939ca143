package dev.twin.replayer.internal.webhook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.replayer.config.EventsConfig;
import dev.twin.replayer.internal.convention.ListItems;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Each tenant's events, newest first, at most {@code keep} of them, and at most {@code keepTotal} of all tenants
 * together (in memory): a shared twin that sees thousands of API keys holds a bounded log, the oldest events of
 * all going first. A reset forgets them: all of them ({@link #clear}) or one tenant's ({@link #clearTenant}),
 * dropping the tenant's entry so nothing of it stays.
 */
public final class EventLog {
    private final Map<String, TenantEvents> byTenant = new ConcurrentHashMap<>();
    /**
     * Every event added, oldest first, with the tenant log it went to. An entry whose event its tenant's own
     * {@code keep} already dropped is stale: it is skipped when it comes to the front.
     */
    private final Queue<Added> addedOrder = new ConcurrentLinkedQueue<>();
    private final AtomicInteger held = new AtomicInteger();
    private final AtomicInteger queued = new AtomicInteger();
    private volatile int keep = EventsConfig.DEFAULT_KEEP;
    private volatile int keepTotal = EventsConfig.DEFAULT_KEEP_TOTAL;

    private record Added(TenantEvents events, String id) {
    }

    void keep(int perTenant, int total) {
        this.keep = perTenant;
        this.keepTotal = total;
    }

    void add(String tenant, LoggedEvent event) {
        int keepNow = keep;
        TenantEvents events = byTenant.computeIfAbsent(tenant, t -> new TenantEvents(keepNow));
        int change;
        synchronized (events) {
            change = events.add(event, keepNow);
        }
        addedOrder.add(new Added(events, event.id()));
        queued.incrementAndGet();
        held.addAndGet(change);
        dropBeyondTotal();
    }

    /**
     * Drops the oldest events of all while more than {@code keepTotal} are held, and stale entries while they
     * outnumber the events held by more than {@code keepTotal}, so the order queue stays bounded too.
     */
    private void dropBeyondTotal() {
        int total = keepTotal;
        while (held.get() > total || queued.get() > held.get() + total) {
            Added oldest = addedOrder.poll();
            if (oldest == null) {
                return;
            }
            queued.decrementAndGet();
            boolean dropped;
            synchronized (oldest.events()) {
                dropped = oldest.events().dropOldestIf(oldest.id());
            }
            if (dropped) {
                held.decrementAndGet();
            }
        }
    }

    /** Events held by all tenants together. */
    public int size() {
        return held.get();
    }

    /** Places in the order queue, stale ones included (bounded by {@link #size} plus {@code keepTotal}). */
    int queueLength() {
        return queued.get();
    }

    /** Newest first; copies. */
    public List<ObjectNode> list(String tenant) {
        return read(tenant, ListItems::all);
    }

    /**
     * Runs {@code reader} over the tenant's events, newest first ({@code type} null = every type), while no event
     * is added to them; items are copies. The view reads only the events it is asked for (a type through the
     * tenant's sequences of that type).
     */
    public <T> T read(String tenant, String type, Function<ListItems, T> reader) {
        TenantEvents events = byTenant.get(tenant);
        if (events == null) {
            return reader.apply(ListItems.of(List.of(), "id"));
        }
        synchronized (events) {
            return reader.apply(type == null ? view(events) : view(events, type));
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

    /** The event with this id, whichever tenant holds it (admin only: asks every tenant). */
    Optional<LoggedEvent> find(String id) {
        for (TenantEvents events : byTenant.values()) {
            synchronized (events) {
                int index = events.indexOf(id);
                if (index >= 0) {
                    return Optional.of(events.newest(index));
                }
            }
        }
        return Optional.empty();
    }

    /** Forgets every tenant's events (a full reset). */
    public void clear() {
        byTenant.clear();
        addedOrder.clear();
        queued.set(0);
        held.set(0);
    }

    /** Forgets one tenant's events (a tenant reset); their places in the order queue become stale. */
    public void clearTenant(String tenant) {
        TenantEvents events = byTenant.remove(tenant);
        if (events != null) {
            synchronized (events) {
                held.addAndGet(-events.size());
                events.clear();
            }
        }
    }

    /** The tenants holding events, in no particular order. */
    public java.util.Set<String> tenants() {
        return java.util.Set.copyOf(byTenant.keySet());
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

    /** The tenant's events of one type, newest first. */
    private static ListItems view(TenantEvents events, String type) {
        return new ListItems() {
            @Override
            public int size() {
                return events.sizeOfType(type);
            }

            @Override
            public ObjectNode get(int index) {
                return events.newestOfType(type, index).json().deepCopy();
            }

            @Override
            public int indexOf(String id) {
                return events.indexOfType(type, id);
            }
        };
    }
}
