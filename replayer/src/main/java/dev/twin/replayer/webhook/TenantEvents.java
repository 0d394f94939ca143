package dev.twin.replayer.webhook;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * One tenant's newest events in a ring of {@code keep} slots, numbered by a sequence: the event at a position from
 * the newest and the position of an id are O(1), so listing a page never copies the log. Callers hold this
 * object's monitor across a read of several positions, so an event added meanwhile cannot shift them.
 */
final class TenantEvents {
    private LoggedEvent[] ring;
    private final Map<String, Long> sequenceOf = new HashMap<>();
    /** The sequence number the next event gets. */
    private long next;
    private int size;

    TenantEvents(int keep) {
        ring = new LoggedEvent[keep];
    }

    /**
     * Adds the newest event; the oldest goes when {@code keep} are held ({@code keep} may change between calls).
     *
     * @return how many events this tenant now holds fewer or more than before: 1 when one was added, 0 when one
     * also went
     */
    int add(LoggedEvent event, int keep) {
        int before = size;
        if (keep != ring.length) {
            resize(keep);
        }
        if (size == ring.length) {
            dropOldest();
        }
        ring[slot(next)] = event;
        sequenceOf.put(event.id(), next);
        next++;
        size++;
        return size - before;
    }

    /** Drops the tenant's oldest event when it is this one (the log's oldest of all); true when it was. */
    boolean dropOldestIf(String id) {
        if (size == 0 || !ring[slot(next - size)].id().equals(id)) {
            return false;
        }
        dropOldest();
        return true;
    }

    private void dropOldest() {
        int oldest = slot(next - size);
        sequenceOf.remove(ring[oldest].id());
        ring[oldest] = null;
        size--;
    }

    /** Forgets every event (the tenant was reset; stale places in the log's order queue find nothing). */
    void clear() {
        Arrays.fill(ring, null);
        sequenceOf.clear();
        size = 0;
    }

    int size() {
        return size;
    }

    /** The event {@code index} places from the newest (0 = the newest). */
    LoggedEvent newest(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index + " of " + size);
        }
        return ring[slot(next - 1 - index)];
    }

    /** How many places from the newest the event with this id is, or -1. */
    int indexOf(String id) {
        Long sequence = sequenceOf.get(id);
        return sequence == null ? -1 : (int) (next - 1 - sequence);
    }

    private int slot(long sequence) {
        return (int) (sequence % ring.length);
    }

    /** Keeps the newest {@code keep} events in a ring of that size. */
    private void resize(int keep) {
        LoggedEvent[] resized = new LoggedEvent[keep];
        int kept = Math.min(size, keep);
        for (int i = size - 1; i >= kept; i--) {
            sequenceOf.remove(newest(i).id());
        }
        for (int i = 0; i < kept; i++) {
            long sequence = next - 1 - i;
            resized[(int) (sequence % keep)] = ring[slot(sequence)];
        }
        ring = resized;
        size = kept;
    }
}
