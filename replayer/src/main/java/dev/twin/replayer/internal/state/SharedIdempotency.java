package dev.twin.replayer.internal.state;

/**
 * Idempotency records every replica sees: the first answer to each tenant's key, kept for the window. Values are
 * opaque to the store ({@link IdempotencyCache} encodes them).
 */
public interface SharedIdempotency {
    /** The value remembered for the tenant's key, or null. */
    String get(String tenant, String key);

    /** Remembers {@code value} for the window unless a value is remembered already (the first answer wins). */
    void putIfAbsent(String tenant, String key, String value, long windowMillis);

    /**
     * Forgets every tenant's keys, after {@link SharedState#reset} or a restore (a store that keeps its records with
     * the state, as Redis does, forgot them in that same step and has nothing left to do).
     */
    void clear();

    /** Forgets one tenant's keys, after {@link SharedState#resetTenant} (likewise). */
    void clearTenant(String tenant);
}
