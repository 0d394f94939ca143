package dev.twin.replayer.internal.webhook;

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
    /** The sequences of each type held, oldest first: {@code ?type=} reads only its page. */
    private final Map<String, SequenceQueue> byType = new HashMap<>();
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
        byType.computeIfAbsent(event.type(), type -> new SequenceQueue()).addLast(next);
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
        forget(ring[oldest], next - size);
        ring[oldest] = null;
        size--;
    }

    /** Forgets an event leaving as the oldest of all (so the oldest of its type too). */
    private void forget(LoggedEvent event, long sequence) {
        sequenceOf.remove(event.id());
        SequenceQueue ofType = byType.get(event.type());
        ofType.removeFirst(sequence);
        if (ofType.isEmpty()) {
            byType.remove(event.type()); // types no event holds any more take no memory
        }
    }

    /** Forgets every event (the tenant was reset; stale places in the log's order queue find nothing). */
    void clear() {
        Arrays.fill(ring, null);
        sequenceOf.clear();
        byType.clear();
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

    /** Events of this type held. */
    int sizeOfType(String type) {
        SequenceQueue ofType = byType.get(type);
        return ofType == null ? 0 : ofType.size();
    }

    /** The event of this type {@code index} places from the newest of its type (0 = the newest). */
    LoggedEvent newestOfType(String type, int index) {
        SequenceQueue ofType = byType.get(type);
        int size = ofType == null ? 0 : ofType.size();
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index + " of " + size);
        }
        return ring[slot(ofType.get(size - 1 - index))];
    }

    /** How many places from the newest of this type the event with this id is, or -1 (absent or another type). */
    int indexOfType(String type, String id) {
        Long sequence = sequenceOf.get(id);
        SequenceQueue ofType = byType.get(type);
        if (sequence == null || ofType == null) {
            return -1;
        }
        int position = ofType.positionOf(sequence);
        return position < 0 ? -1 : ofType.size() - 1 - position;
    }

    private int slot(long sequence) {
        return (int) (sequence % ring.length);
    }

    /** Keeps the newest {@code keep} events in a ring of that size. */
    private void resize(int keep) {
        LoggedEvent[] resized = new LoggedEvent[keep];
        int kept = Math.min(size, keep);
        for (int i = size - 1; i >= kept; i--) {
            forget(newest(i), next - 1 - i);
        }
        for (int i = 0; i < kept; i++) {
            long sequence = next - 1 - i;
            resized[(int) (sequence % keep)] = ring[slot(sequence)];
        }
        ring = resized;
        size = kept;
    }
}
