package dev.twin.replayer.admin;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/** The most recent answered requests, oldest dropped first. */
public final class RequestJournal {
    public static final int DEFAULT_CAPACITY = 1000;

    private final int capacity;
    private final ArrayDeque<JournalEntry> entries;

    public RequestJournal(int capacity) {
        this.capacity = capacity;
        this.entries = new ArrayDeque<>(Math.min(capacity, 1024));
    }

    public synchronized void add(JournalEntry entry) {
        if (entries.size() == capacity) {
            entries.removeFirst();
        }
        entries.addLast(entry);
    }

    /** Newest first. */
    public synchronized List<JournalEntry> recent() {
        List<JournalEntry> copy = new ArrayList<>(entries);
        java.util.Collections.reverse(copy);
        return copy;
    }

    public synchronized void clear() {
        entries.clear();
    }
}
