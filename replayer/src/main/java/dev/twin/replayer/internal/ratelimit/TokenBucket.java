package dev.twin.replayer.internal.ratelimit;

/**
 * One tenant's bucket for one rate limit: starts full, refills continuously at {@code refillPerSecond}, each request
 * takes one token. Times are the caller's clock in milliseconds, so tests drain and refill it without sleeping.
 * Not thread-safe: {@link RateLimiter} locks around it.
 */
final class TokenBucket {
    private final int capacity;
    private final double refillPerMilli;
    private double tokens;
    private long updatedAt;

    TokenBucket(int capacity, double refillPerSecond, long nowMillis) {
        this.capacity = capacity;
        this.refillPerMilli = refillPerSecond / 1000.0;
        this.tokens = capacity;
        this.updatedAt = nowMillis;
    }

    /** Takes a token if there is one. */
    boolean tryTake(long nowMillis) {
        refill(nowMillis);
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    int remaining() {
        return (int) Math.floor(tokens);
    }

    /** Whole tokens there will be at {@code nowMillis} (without taking or refilling). */
    int remainingAt(long nowMillis) {
        return (int) Math.floor(Math.min(capacity, tokens + Math.max(0, nowMillis - updatedAt) * refillPerMilli));
    }

    /** Milliseconds until one token is available (0 when one is). */
    long millisUntilToken() {
        return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / refillPerMilli);
    }

    /** Milliseconds until the bucket is full again. */
    long millisUntilFull() {
        return (long) Math.ceil((capacity - tokens) / refillPerMilli);
    }

    /** Full again by then: indistinguishable from a bucket made at that moment, so it can be forgotten. */
    boolean isFullAt(long nowMillis) {
        return tokens + Math.max(0, nowMillis - updatedAt) * refillPerMilli >= capacity;
    }

    private void refill(long nowMillis) {
        if (nowMillis > updatedAt) {
            tokens = Math.min(capacity, tokens + (nowMillis - updatedAt) * refillPerMilli);
            updatedAt = nowMillis;
        }
    }
}
