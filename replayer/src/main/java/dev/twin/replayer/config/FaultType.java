package dev.twin.replayer.config;

import dev.twin.replayer.internal.http.ConnectionFault;
import dev.twin.replayer.internal.http.TwinResponse;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The closed set of transport faults a sandbox can inject (written lower-case with dashes: {@code no-response}).
 * Each is decided before the operation touches any table, so a faulted request never changes stored state.
 */
public enum FaultType {
    /** Read the request, never answer; the client waits until its own timeout. */
    NO_RESPONSE,
    /** Close the connection with a TCP reset (SO_LINGER 0), without a response. */
    RESET,
    /** Close the connection cleanly without writing a byte. */
    EMPTY_RESPONSE,
    /** Start a chunked 200 response, then send a chunk whose size line is not hex, and close. */
    MALFORMED_CHUNK,
    /** A plain 500 Internal Server Error. */
    STATUS_500,
    /** A plain 502 Bad Gateway. */
    STATUS_502,
    /** A plain 503 Service Unavailable. */
    STATUS_503;

    /** The response standing for this fault: a plain-text status, or a connection fault the server carries out. */
    public TwinResponse response() {
        return switch (this) {
            case STATUS_500 -> plain(500, "Internal Server Error (injected by twin)");
            case STATUS_502 -> plain(502, "Bad Gateway (injected by twin)");
            case STATUS_503 -> plain(503, "Service Unavailable (injected by twin)");
            default -> TwinResponse.connectionFault(ConnectionFault.valueOf(name()));
        };
    }

    private static TwinResponse plain(int status, String text) {
        return new TwinResponse(status, Map.of("Content-Type", "text/plain; charset=utf-8"),
                text.getBytes(StandardCharsets.UTF_8));
    }
}
