package dev.twin.replayer.internal.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The most recent answered requests, oldest dropped first. Every event loop adds to it for every request, so
 * adding takes no lock: each entry claims the next sequence number and its slot in a ring. A reader racing a
 * writer may miss the entry being written; that is all a journal of recent requests needs.
 *
 * <p>Listeners ({@link #subscribe}, the live stream of an inspector page) hear of each entry as it is added; while
 * one listens, or when asked to {@linkplain #keepDetail keep detail} always, the server captures each request's
 * {@link JournalEntry#detail() detail}. With neither, adding costs what it did without them: one volatile read.
 */
public final class RequestJournal {
    public static final int DEFAULT_CAPACITY = 1000;

    /** Hears of every entry added, on the thread that added it: it must only hand the entry off. */
    @FunctionalInterface
    public interface Listener {
        void added(long sequence, JournalEntry entry);
    }

    /** An entry with its sequence number (the {@code seq} of {@code /__twin/requests}). */
    public record Numbered(long sequence, JournalEntry entry) {
    }

    private final int capacity;
    private final AtomicReferenceArray<JournalEntry> slots;
    private final AtomicLong next = new AtomicLong();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    /** Entries numbered below this were cleared. */
    private volatile long clearedBefore;
    private volatile boolean keepDetail;
    private volatile boolean anyListener;

    public RequestJournal(int capacity) {
        this.capacity = Math.max(capacity, 0);
        this.slots = new AtomicReferenceArray<>(this.capacity);
    }

    /** Capture every request's detail, whether or not anyone listens ({@code twin serve --journal-detail}). */
    public void keepDetail(boolean always) {
        this.keepDetail = always;
    }

    /** Whether the server should capture the detail of the next request. */
    public boolean capturesDetail() {
        return keepDetail || anyListener;
    }

    public void add(JournalEntry entry) {
        if (capacity == 0) {
            return;
        }
        long sequence = next.getAndIncrement();
        slots.set((int) (sequence % capacity), entry);
        if (anyListener) {
            for (Listener listener : listeners) {
                listener.added(sequence, entry);
            }
        }
    }

    /** Starts telling {@code listener} of every entry added; the returned action stops it. */
    public Runnable subscribe(Listener listener) {
        listeners.add(listener);
        anyListener = true;
        return () -> {
            listeners.remove(listener);
            anyListener = !listeners.isEmpty();
        };
    }

    /** Newest first. */
    public List<JournalEntry> recent() {
        return recentNumbered().stream().map(Numbered::entry).toList();
    }

    /** Newest first, each with its sequence number. */
    public List<Numbered> recentNumbered() {
        long end = next.get();
        long start = Math.max(Math.max(0, end - capacity), clearedBefore);
        List<Numbered> newestFirst = new ArrayList<>((int) Math.max(0, end - start));
        for (long sequence = end - 1; sequence >= start; sequence--) {
            JournalEntry entry = slots.get((int) (sequence % capacity));
            if (entry != null) {
                newestFirst.add(new Numbered(sequence, entry));
            }
        }
        return newestFirst;
    }

    /** The entry numbered {@code sequence}, or null once it was dropped or cleared (or never added). */
    public JournalEntry entry(long sequence) {
        if (capacity == 0 || sequence < clearedBefore || sequence < 0 || sequence >= next.get()) {
            return null;
        }
        JournalEntry entry = slots.get((int) (sequence % capacity));
        // a writer claims its number before it fills the slot: once a later number claimed this slot, the entry
        // read may be the later one
        return next.get() > sequence + capacity ? null : entry;
    }

    /** Hides every entry added so far (their slots are reused by the next ones). */
    public void clear() {
        clearedBefore = next.get();
    }
}
