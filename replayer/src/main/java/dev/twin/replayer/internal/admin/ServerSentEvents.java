package dev.twin.replayer.internal.admin;

import dev.twin.replayer.internal.http.Delivery;
import dev.twin.replayer.internal.http.ResponseStream;
import dev.twin.replayer.internal.http.TwinResponse;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Server-sent events (the {@code text/event-stream} format): the response that opens a stream, and one event as
 * bytes. Streams send a comment every {@link #HEARTBEAT_MILLIS} so that a client or proxy sees the connection
 * alive, and a closed one is noticed.
 */
public final class ServerSentEvents {
    public static final long HEARTBEAT_MILLIS = 15_000;
    private static final byte[] HEARTBEAT = ":\n\n".getBytes(StandardCharsets.US_ASCII);

    private ServerSentEvents() {
    }

    /** A 200 {@code text/event-stream} answer that {@code stream} goes on writing. */
    public static TwinResponse response(ResponseStream stream) {
        return new TwinResponse(200, Map.of("Content-Type", "text/event-stream; charset=utf-8",
                "Cache-Control", "no-store", "X-Accel-Buffering", "no"),
                ": twin\n\n".getBytes(StandardCharsets.US_ASCII), Delivery.streamed(stream));
    }

    /** One event; {@code data} is one line of JSON (no newline in it). */
    public static byte[] event(String type, long id, String data) {
        return ("id: " + id + "\nevent: " + type + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Sends a heartbeat comment every {@link #HEARTBEAT_MILLIS} until the sink refuses it. */
    public static void heartbeat(ResponseStream.Sink sink) {
        sink.schedule(() -> {
            if (sink.write(HEARTBEAT)) {
                heartbeat(sink);
            }
        }, HEARTBEAT_MILLIS);
    }
}
