package dev.twin.replayer.internal.state;

import java.util.Arrays;

/**
 * The ids of the listed rows that hold one value in an indexed field, sorted by their place in the table's list
 * order (a {@code long} key: a seed row's seed position, a tenant row's creation position). The k-th id and the rank
 * of a key are O(log n) or better; a row created last is appended in amortised O(1), while a row whose field changes
 * to this value moves into the middle with one array copy. Not thread-safe: guarded by the owner's lock.
 */
final class ValueBucket {
    private long[] keys = new long[4];
    private String[] ids = new String[4];
    private int size;

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    void add(long key, String id) {
        int at = search(key);
        if (at >= 0) {
            ids[at] = id;
            return;
        }
        at = -at - 1;
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            ids = Arrays.copyOf(ids, size * 2);
        }
        System.arraycopy(keys, at, keys, at + 1, size - at);
        System.arraycopy(ids, at, ids, at + 1, size - at);
        keys[at] = key;
        ids[at] = id;
        size++;
    }

    void remove(long key) {
        int at = search(key);
        if (at < 0) {
            return;
        }
        System.arraycopy(keys, at + 1, keys, at, size - at - 1);
        System.arraycopy(ids, at + 1, ids, at, size - at - 1);
        size--;
        ids[size] = null;
    }

    /** The id at {@code rank} (0 = the first in list order). */
    String at(int rank) {
        if (rank < 0 || rank >= size) {
            throw new IndexOutOfBoundsException(rank + " of " + size);
        }
        return ids[rank];
    }

    /** The rank of the row with this key, or -1 when it is not here. */
    int rank(long key) {
        int at = search(key);
        return at < 0 ? -1 : at;
    }

    private int search(long key) {
        return Arrays.binarySearch(keys, 0, size, key);
    }
}
