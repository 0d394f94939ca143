package dev.twin.replayer.internal.lifecycle;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The rows waiting for their next transition, each once, in the order they are due. Thread-safe; callers never
 * hold it while they run a transaction (a commit of another thread may be waiting to schedule here).
 */
final class DueRows {
    /** One row of one tenant under one lifecycle. */
    record Key(String tenant, String lifecycle, String table, String id) {
    }

    /**
     * @param state     the state the row was in when scheduled (a row found in another state is not moved)
     * @param enteredAt when the row entered it, epoch milliseconds of the twin's clock
     * @param dueAt     when to look at the row again
     */
    record Due(Key key, String state, long enteredAt, long dueAt, long order) {
    }

    private final Map<Key, Due> byKey = new HashMap<>();
    private final TreeSet<Due> byTime = new TreeSet<>(Comparator.comparingLong(Due::dueAt)
            .thenComparingLong(Due::order));
    private long order;

    /** Replaces what the row waited for. */
    synchronized void put(Key key, String state, long enteredAt, long dueAt) {
        remove(key);
        add(key, state, enteredAt, dueAt);
    }

    /** Schedules the row unless something else did meanwhile (a commit that moved it on). */
    synchronized void putIfAbsent(Key key, String state, long enteredAt, long dueAt) {
        if (!byKey.containsKey(key)) {
            add(key, state, enteredAt, dueAt);
        }
    }

    private void add(Key key, String state, long enteredAt, long dueAt) {
        Due due = new Due(key, state, enteredAt, dueAt, order++);
        byKey.put(key, due);
        byTime.add(due);
    }

    synchronized void remove(Key key) {
        Due due = byKey.remove(key);
        if (due != null) {
            byTime.remove(due);
        }
    }

    /** The earliest row due at or before {@code now}, taken out; null when none is. */
    synchronized Due pollDue(long now) {
        if (byTime.isEmpty() || byTime.first().dueAt() > now) {
            return null;
        }
        Due due = byTime.pollFirst();
        byKey.remove(due.key());
        return due;
    }

    /** When the earliest row is due. */
    synchronized OptionalLong earliest() {
        return byTime.isEmpty() ? OptionalLong.empty() : OptionalLong.of(byTime.first().dueAt());
    }

    synchronized void removeIf(Predicate<Key> which) {
        List<Key> gone = new ArrayList<>();
        byKey.keySet().forEach(key -> {
            if (which.test(key)) {
                gone.add(key);
            }
        });
        gone.forEach(this::remove);
    }

    synchronized int size() {
        return byKey.size();
    }
}
