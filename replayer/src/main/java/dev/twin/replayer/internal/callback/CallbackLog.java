package dev.twin.replayer.internal.callback;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** The last {@value #SIZE} callback attempts, newest first. */
final class CallbackLog {
    private static final int SIZE = 500;

    private final Deque<CallbackDelivery> entries = new ArrayDeque<>();

    synchronized void add(CallbackDelivery delivery) {
        entries.addFirst(delivery);
        while (entries.size() > SIZE) {
            entries.removeLast();
        }
    }

    synchronized List<CallbackDelivery> newestFirst() {
        return new ArrayList<>(entries);
    }

    synchronized int clear() {
        int removed = entries.size();
        entries.clear();
        return removed;
    }
}
