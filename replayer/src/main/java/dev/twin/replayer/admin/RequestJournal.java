package dev.twin.replayer.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The most recent answered requests, oldest dropped first. Every event loop adds to it for every request, so
 * adding takes no lock: each entry claims the next sequence number and its slot in a ring. A reader racing a
 * writer may miss the entry being written; that is all a journal of recent requests needs.
 */
public final class RequestJournal {
    public static final int DEFAULT_CAPACITY = 1000;

    private final int capacity;
    private final AtomicReferenceArray<JournalEntry> slots;
    private final AtomicLong next = new AtomicLong();
    /** Entries numbered below this were cleared. */
    private volatile long clearedBefore;

    public RequestJournal(int capacity) {
        this.capacity = Math.max(capacity, 0);
        this.slots = new AtomicReferenceArray<>(this.capacity);
    }

    public void add(JournalEntry entry) {
        if (capacity == 0) {
            return;
        }
        long sequence = next.getAndIncrement();
        slots.set((int) (sequence % capacity), entry);
    }

    /** Newest first. */
    public List<JournalEntry> recent() {
        long end = next.get();
        long start = Math.max(Math.max(0, end - capacity), clearedBefore);
        List<JournalEntry> newestFirst = new ArrayList<>((int) Math.max(0, end - start));
        for (long sequence = end - 1; sequence >= start; sequence--) {
            JournalEntry entry = slots.get((int) (sequence % capacity));
            if (entry != null) {
                newestFirst.add(entry);
            }
        }
        return newestFirst;
    }

    /** Hides every entry added so far (their slots are reused by the next ones). */
    public void clear() {
        clearedBefore = next.get();
    }
}
