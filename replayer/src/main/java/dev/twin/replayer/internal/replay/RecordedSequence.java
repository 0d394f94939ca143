package dev.twin.replayer.internal.replay;

import dev.twin.replayer.internal.state.SharedCursors;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The responses recorded for one request shape, in recorded order, and how many of them were replayed: the first
 * request answered from here gets the first response, the second the second, and after the last the last repeats.
 * Thread-safe (requests arrive on several event loops). With shared cursors the count is the one every replica
 * shares, under this sequence's key.
 */
final class RecordedSequence {
    private final RequestShape shape;
    private final List<RecordedReply> replies;
    private final AtomicInteger next = new AtomicInteger();
    /** Null: counted by {@link #next} here. */
    private final SharedCursors shared;
    private final String key;

    RecordedSequence(RequestShape shape, List<RecordedReply> replies) {
        this(shape, replies, null, null);
    }

    private RecordedSequence(RequestShape shape, List<RecordedReply> replies, SharedCursors shared, String key) {
        if (replies.isEmpty()) {
            throw new IllegalArgumentException("a recorded sequence needs at least one reply");
        }
        this.shape = shape;
        this.replies = List.copyOf(replies);
        this.shared = shared;
        this.key = key;
    }

    /** The same replies, counted by {@code cursors} under {@code key} (the same on every replica). */
    RecordedSequence countedBy(SharedCursors cursors, String sequenceKey) {
        return new RecordedSequence(shape, replies, cursors, sequenceKey);
    }

    RequestShape shape() {
        return shape;
    }

    int size() {
        return replies.size();
    }

    /** The next reply in recorded order; the last one once all were given. */
    RecordedReply next() {
        int last = replies.size() - 1;
        if (shared != null) {
            return replies.get(Math.min(shared.next(key, last), last));
        }
        return replies.get(next.getAndUpdate(i -> Math.min(i + 1, last)));
    }

    /** Starts again from the first reply. */
    void rewind() {
        next.set(0);
    }
}
