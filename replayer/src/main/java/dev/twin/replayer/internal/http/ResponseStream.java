package dev.twin.replayer.internal.http;

/**
 * What a streamed response ({@link Delivery#streamed}) keeps writing after its head and first bytes, such as
 * server-sent events. The server calls {@link #open} once the head is written, on the connection's event loop.
 */
@FunctionalInterface
public interface ResponseStream {
    void open(Sink sink);

    /** The open connection, as the stream sees it. Safe to use from any thread. */
    interface Sink {
        /**
         * Queues {@code bytes} for the client. False when they were not queued: the client is gone or reads too
         * slowly (its unread bytes passed the connection's limit); the stream should stop then, and the server
         * closes the connection.
         */
        boolean write(byte[] bytes);

        /** Ends the response and closes the connection. */
        void close();

        /** Runs {@code action} once the connection is closed, by either side (at once when it already is). */
        void onClose(Runnable action);

        /** Runs {@code action} on the connection's event loop (never blocks it), e.g. for a heartbeat. */
        void schedule(Runnable action, long delayMillis);
    }
}
