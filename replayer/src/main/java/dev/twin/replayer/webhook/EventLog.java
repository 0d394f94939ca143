package dev.twin.replayer.webhook;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Each tenant's events, newest first, at most {@code keep} of them (in memory; reset with the twin). */
public final class EventLog {
    private final Map<String, Deque<LoggedEvent>> byTenant = new ConcurrentHashMap<>();
    private volatile int keep = 1000;

    void keep(int events) {
        this.keep = events;
    }

    void add(String tenant, LoggedEvent event) {
        Deque<LoggedEvent> events = byTenant.computeIfAbsent(tenant, t -> new ArrayDeque<>());
        synchronized (events) {
            events.addFirst(event);
            while (events.size() > keep) {
                events.removeLast();
            }
        }
    }

    /** Newest first; copies. */
    public List<ObjectNode> list(String tenant) {
        List<ObjectNode> copy = new ArrayList<>();
        logged(tenant).forEach(e -> copy.add(e.json().deepCopy()));
        return copy;
    }

    public Optional<ObjectNode> get(String tenant, String id) {
        return logged(tenant).stream().filter(e -> id.equals(e.id())).findFirst().map(e -> e.json().deepCopy());
    }

    private List<LoggedEvent> logged(String tenant) {
        Deque<LoggedEvent> events = byTenant.get(tenant);
        if (events == null) {
            return List.of();
        }
        synchronized (events) {
            return new ArrayList<>(events);
        }
    }
}
