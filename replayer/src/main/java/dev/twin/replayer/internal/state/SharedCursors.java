package dev.twin.replayer.internal.state;

/**
 * How far each recorded sequence of {@code replay:} was replayed, shared by every replica, so that the n-th request
 * of a recorded flow gets the n-th recorded answer whichever replica it reaches.
 */
public interface SharedCursors {
    /** The position to answer from for the sequence {@code key} (0 = its first answer), moved one on, at most {@code last}. */
    int next(String key, int last);

    /** Every sequence back to its first answer (a full reset). */
    void rewind();
}
