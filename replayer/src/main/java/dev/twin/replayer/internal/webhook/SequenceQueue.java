package dev.twin.replayer.internal.webhook;

/**
 * Increasing event sequence numbers, oldest first, in a growable ring: appended at the newest end, dropped at the
 * oldest, read by position, and a number's position found by binary search. One per event type of a tenant, so a
 * list of one type reads only its page. Not thread-safe: guarded by the tenant log's monitor.
 */
final class SequenceQueue {
    private long[] ring = new long[8];
    private int head;
    private int size;

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    void addLast(long sequence) {
        if (size == ring.length) {
            long[] grown = new long[ring.length * 2];
            for (int i = 0; i < size; i++) {
                grown[i] = get(i);
            }
            ring = grown;
            head = 0;
        }
        ring[(head + size) % ring.length] = sequence;
        size++;
    }

    /** Drops the oldest number, which must be {@code sequence} (events leave oldest first). */
    void removeFirst(long sequence) {
        if (size == 0 || ring[head] != sequence) {
            throw new IllegalStateException("sequence " + sequence + " is not the oldest of its type");
        }
        head = (head + 1) % ring.length;
        size--;
    }

    /** The number at {@code position} (0 = the oldest). */
    long get(int position) {
        return ring[(head + position) % ring.length];
    }

    /** The position of {@code sequence}, or -1 when it is not here. */
    int positionOf(long sequence) {
        int low = 0;
        int high = size - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            long value = get(middle);
            if (value < sequence) {
                low = middle + 1;
            } else if (value > sequence) {
                high = middle - 1;
            } else {
                return middle;
            }
        }
        return -1;
    }
}
