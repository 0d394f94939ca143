package dev.twin.replayer.http;

/**
 * How the server delivers a {@link TwinResponse}: after {@code delayMillis} (scheduled on the connection's event
 * loop, never slept), written as HTTP or, with a {@code fault}, replaced by that misbehaviour.
 *
 * @param fault what the connection does instead of writing the response, or null to write it
 */
public record Delivery(long delayMillis, ConnectionFault fault) {
    /** Written as it is, at once. */
    public static final Delivery AT_ONCE = new Delivery(0, null);

    public Delivery {
        if (delayMillis < 0) {
            throw new IllegalArgumentException("a delay is never negative: " + delayMillis);
        }
    }

    /** This delivery, {@code millis} later still. */
    public Delivery delayedBy(long millis) {
        return millis <= 0 ? this : new Delivery(delayMillis + millis, fault);
    }
}
