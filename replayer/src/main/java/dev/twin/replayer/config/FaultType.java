package dev.twin.replayer.config;

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
    STATUS_503
}
