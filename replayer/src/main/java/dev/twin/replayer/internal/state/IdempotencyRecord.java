package dev.twin.replayer.internal.state;

/**
 * An idempotency key's first answer as the shared store keeps it ({@link IdempotencyCache} encodes the value), for
 * the window. A transaction that wrote commits it with its writes, so the record exists exactly when they do.
 */
public record IdempotencyRecord(String key, String value, long windowMillis) {
}
