package dev.twin.replayer.internal.state;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Row ids in creation order, answering "the k-th listed id" and "how many listed ids come before this one" in
 * O(log n): each id keeps the slot it got when first added, and a Fenwick tree counts the listed slots. A slot is
 * listed or not (a soft-deleted row keeps its slot and can be listed again in the same place); an id that leaves
 * loses its slot, and slots are compacted once more than half of them are dead, so the cost is amortised O(1).
 * Not thread-safe: guarded by the owner's lock, or never changed once shared.
 */
final class OrderIndex {
    private static final int MIN_CAPACITY = 16;

    private String[] ids;
    private boolean[] listed;
    /** Fenwick tree over {@link #listed}, 1-based. */
    private int[] tree;
    private final Map<String, Integer> slotOf;
    private int slots;
    private int listedCount;

    OrderIndex() {
        this(MIN_CAPACITY);
    }

    private OrderIndex(int capacity) {
        ids = new String[capacity];
        listed = new boolean[capacity];
        tree = new int[capacity + 1];
        slotOf = new HashMap<>(Math.max(16, capacity * 4 / 3 + 1));
    }

    /** A copy that shares nothing mutable with this one. */
    OrderIndex copy() {
        OrderIndex copy = new OrderIndex(Math.max(MIN_CAPACITY, listedCount));
        for (int slot = 0; slot < slots; slot++) {
            if (ids[slot] != null) {
                copy.add(ids[slot], listed[slot]);
            }
        }
        return copy;
    }

    /** Rows listed now. */
    int size() {
        return listedCount;
    }

    boolean contains(String id) {
        return slotOf.containsKey(id);
    }

    /** Adds an id after every other one; an id already present only changes whether it is listed. */
    void add(String id, boolean isListed) {
        Integer slot = slotOf.get(id);
        if (slot != null) {
            setListed(slot, isListed);
            return;
        }
        if (slots == ids.length) {
            grow();
        }
        ids[slots] = id;
        slotOf.put(id, slots);
        slots++;
        setListed(slots - 1, isListed);
    }

    /** Whether a present id is listed; an absent id is ignored. */
    void list(String id, boolean isListed) {
        Integer slot = slotOf.get(id);
        if (slot != null) {
            setListed(slot, isListed);
        }
    }

    void remove(String id) {
        Integer slot = slotOf.remove(id);
        if (slot == null) {
            return;
        }
        setListed(slot, false);
        ids[slot] = null;
        if (slots - slotOf.size() > slotOf.size() && slots > MIN_CAPACITY) {
            rebuild(Math.max(MIN_CAPACITY, slotOf.size() * 2));
        }
    }

    /** How many listed ids come before {@code id}; -1 when it is absent or not listed. */
    int rank(String id) {
        Integer slot = slotOf.get(id);
        if (slot == null || !listed[slot]) {
            return -1;
        }
        return prefix(slot);
    }

    /** The listed id at {@code rank} (0 = the oldest). */
    String at(int rank) {
        if (rank < 0 || rank >= listedCount) {
            throw new IndexOutOfBoundsException(rank + " of " + listedCount);
        }
        // Fenwick descent: the lowest slot whose prefix count reaches rank + 1
        int position = 0;
        int remaining = rank + 1;
        for (int step = Integer.highestOneBit(ids.length); step > 0; step >>= 1) {
            int next = position + step;
            if (next <= ids.length && tree[next] < remaining) {
                position = next;
                remaining -= tree[next];
            }
        }
        return ids[position];
    }

    /** Listed ids in slots before {@code slot}. */
    private int prefix(int slot) {
        int sum = 0;
        for (int i = slot; i > 0; i -= i & -i) {
            sum += tree[i];
        }
        return sum;
    }

    private void setListed(int slot, boolean isListed) {
        if (listed[slot] == isListed) {
            return;
        }
        listed[slot] = isListed;
        int delta = isListed ? 1 : -1;
        listedCount += delta;
        for (int i = slot + 1; i <= ids.length; i += i & -i) {
            tree[i] += delta;
        }
    }

    private void grow() {
        rebuild(ids.length * 2);
    }

    /** Packs the live slots to the front of arrays of {@code capacity}, keeping their order. */
    private void rebuild(int capacity) {
        String[] oldIds = ids;
        boolean[] oldListed = listed;
        int oldSlots = slots;
        ids = new String[capacity];
        listed = new boolean[capacity];
        tree = new int[capacity + 1];
        slots = 0;
        listedCount = 0;
        for (int slot = 0; slot < oldSlots; slot++) {
            if (oldIds[slot] != null) {
                ids[slots] = oldIds[slot];
                listed[slots] = oldListed[slot];
                slotOf.put(oldIds[slot], slots);
                slots++;
            }
        }
        // linear Fenwick build
        for (int i = 1; i <= capacity; i++) {
            if (listed[i - 1]) {
                tree[i]++;
                listedCount++;
            }
            int parent = i + (i & -i);
            if (parent <= capacity) {
                tree[parent] += tree[i];
            }
        }
    }

    @Override
    public String toString() {
        return "OrderIndex" + Arrays.toString(Arrays.copyOf(ids, slots));
    }
}
