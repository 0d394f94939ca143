package dev.twin.replayer.internal.http;

import java.util.concurrent.CompletionStage;

/**
 * How the server delivers a {@link TwinResponse}: after {@code delayMillis} (scheduled on the connection's event
 * loop, never slept), written as HTTP or, with a {@code fault}, replaced by that misbehaviour; with a
 * {@code stream}, its head and body are written and then the stream goes on writing until either side ends it;
 * with a {@code deferred} answer, nothing is written until that answer is ready (work that must not run on the
 * event loop, such as reading a file).
 *
 * @param fault    what the connection does instead of writing the response, or null to write it
 * @param stream   what keeps writing after the response's body (server-sent events), or null
 * @param deferred the response to write instead of this one once it completes, or null
 */
public record Delivery(long delayMillis, ConnectionFault fault, ResponseStream stream,
                       CompletionStage<TwinResponse> deferred) {
    /** Written as it is, at once. */
    public static final Delivery AT_ONCE = new Delivery(0, null, null, null);

    public Delivery {
        if (delayMillis < 0) {
            throw new IllegalArgumentException("a delay is never negative: " + delayMillis);
        }
    }

    public Delivery(long delayMillis, ConnectionFault fault) {
        this(delayMillis, fault, null, null);
    }

    /** The head and body at once, then whatever {@code stream} writes, until either side closes. */
    public static Delivery streamed(ResponseStream stream) {
        return new Delivery(0, null, java.util.Objects.requireNonNull(stream, "stream"), null);
    }

    /** Nothing until {@code answer} completes, then that response (a failure answers 500). */
    public static Delivery deferred(CompletionStage<TwinResponse> answer) {
        return new Delivery(0, null, null, java.util.Objects.requireNonNull(answer, "answer"));
    }

    /** This delivery, {@code millis} later still. */
    public Delivery delayedBy(long millis) {
        return millis <= 0 ? this : new Delivery(delayMillis + millis, fault, stream, deferred);
    }
}
