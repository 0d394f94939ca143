package dev.twin.recorder.store;

import java.time.Instant;

/** Per-session counts kept as a long[] {count, firstSeconds, firstNanos, lastSeconds, lastNanos}. */
final class SessionCounts {
    private SessionCounts() {
    }

    static long[] add(long[] counts, Instant startedAt) {
        if (counts == null) {
            return new long[]{1, startedAt.getEpochSecond(), startedAt.getNano(),
                    startedAt.getEpochSecond(), startedAt.getNano()};
        }
        long[] updated = counts.clone();
        updated[0]++;
        if (startedAt.isBefore(instant(counts, 1))) {
            updated[1] = startedAt.getEpochSecond();
            updated[2] = startedAt.getNano();
        }
        if (startedAt.isAfter(instant(counts, 3))) {
            updated[3] = startedAt.getEpochSecond();
            updated[4] = startedAt.getNano();
        }
        return updated;
    }

    static SessionSummary summary(String name, long[] counts) {
        return new SessionSummary(name, counts[0], instant(counts, 1), instant(counts, 3));
    }

    private static Instant instant(long[] counts, int at) {
        return Instant.ofEpochSecond(counts[at], counts[at + 1]);
    }
}
