package dev.twin.replayer.internal.state;

/**
 * Token buckets of the rate limits, shared by every replica so that a limit holds for the twin, not per replica.
 * A bucket starts full, refills continuously and each request takes one token, as {@code ratelimit.TokenBucket}.
 */
public interface SharedBuckets {
    /** The outcome of taking one token. */
    record Taken(boolean allowed, int remaining, long millisUntilToken, long millisUntilFull) {
    }

    /**
     * Takes a token from the bucket {@code key} (made full when absent) at {@code nowMillis}.
     *
     * @param key a name for the limit and tenant; a limit whose numbers change must use another name
     */
    Taken take(String key, int capacity, double refillPerSecond, long nowMillis);

    /** Every bucket full again, or (tenant not null) those whose key ends with {@code NUL tenant}. */
    void refill(String tenantOrNull);
}
