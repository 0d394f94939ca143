package dev.twin.recorder.store;

import java.util.Arrays;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

/**
 * A session's exchange ids as ascending runs of consecutive ids ({@code [first, last, first, last, ...]}). Ids are
 * handed out in order across the whole store, so a recording session is usually one run however long it is; only
 * sessions recorded at the same time interleave. Immutable: {@link #plus} returns a new value.
 */
final class IdRuns {
    static final IdRuns EMPTY = new IdRuns(new long[0]);

    private final long[] runs;

    private IdRuns(long[] runs) {
        this.runs = runs;
    }

    /** From the array {@link #toArray} wrote (the store keeps that). */
    static IdRuns of(long[] runs) {
        if (runs.length % 2 != 0) {
            throw new IllegalArgumentException("id runs come in pairs, not " + runs.length + " values");
        }
        return new IdRuns(runs.clone());
    }

    long[] toArray() {
        return runs.clone();
    }

    /** These ids and {@code id}, which is larger than every id here (ids only grow). */
    IdRuns plus(long id) {
        int n = runs.length;
        if (n > 0 && runs[n - 1] == id - 1) {
            long[] extended = runs.clone();
            extended[n - 1] = id;
            return new IdRuns(extended);
        }
        long[] added = Arrays.copyOf(runs, n + 2);
        added[n] = id;
        added[n + 1] = id;
        return new IdRuns(added);
    }

    LongStream ascending() {
        return IntStream.range(0, runs.length / 2).boxed()
                .flatMapToLong(run -> LongStream.rangeClosed(runs[2 * run], runs[2 * run + 1]));
    }

    LongStream descending() {
        int count = runs.length / 2;
        return IntStream.range(0, count).map(k -> count - 1 - k).boxed()
                .flatMapToLong(run -> {
                    long first = runs[2 * run];
                    long last = runs[2 * run + 1];
                    return LongStream.rangeClosed(0, last - first).map(k -> last - k);
                });
    }
}
