package dev.twin.replayer.internal.http;

/**
 * The ways a response can misbehave on the connection instead of being written as HTTP: a small closed set, carried
 * by {@link Delivery} and carried out by the server.
 */
public enum ConnectionFault {
    /** Read the request, never answer; the client waits until its own timeout. */
    NO_RESPONSE,
    /** Close the connection with a TCP reset (SO_LINGER 0), without a response. */
    RESET,
    /** Close the connection cleanly without writing a byte. */
    EMPTY_RESPONSE,
    /** Start a chunked 200 response, then send a chunk whose size line is not hex, and close. */
    MALFORMED_CHUNK
}
