package dev.twin.replayer.replay;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The responses recorded for one request shape, in recorded order, and how many of them were replayed: the first
 * request answered from here gets the first response, the second the second, and after the last the last repeats.
 * Thread-safe (requests arrive on several event loops).
 */
final class RecordedSequence {
    private final RequestShape shape;
    private final List<RecordedReply> replies;
    private final AtomicInteger next = new AtomicInteger();

    RecordedSequence(RequestShape shape, List<RecordedReply> replies) {
        if (replies.isEmpty()) {
            throw new IllegalArgumentException("a recorded sequence needs at least one reply");
        }
        this.shape = shape;
        this.replies = List.copyOf(replies);
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
        return replies.get(next.getAndUpdate(i -> Math.min(i + 1, last)));
    }

    /** Starts again from the first reply. */
    void rewind() {
        next.set(0);
    }
}
