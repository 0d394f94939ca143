package dev.twin.replayer.config;

import java.time.Duration;
import java.util.Objects;

/**
 * {@code server.limits:} — the largest request and the longest waits the server accepts, and the connections it
 * keeps per client; a request beyond a limit is answered with the status that names it (414, 431, 413, 408, 503)
 * and its connection closed. {@code twin serve}'s flags of the same names override these.
 *
 * @param maxUrlLength             characters in the request target (path and query)
 * @param maxHeaderSize            bytes of all header lines together
 * @param maxHeaders               header lines
 * @param maxBodySize              bytes of the body
 * @param headerTimeout            the request head must be complete this long after its first byte
 * @param bodyTimeout              the body must be complete this long after its head
 * @param idleTimeout              a keep-alive connection with nothing sent and nothing left to answer is closed
 *                                 after this long
 * @param maxConnectionsPerAddress connections open at once from one client address
 */
public record ServerLimits(int maxUrlLength, int maxHeaderSize, int maxHeaders, int maxBodySize,
                           Duration headerTimeout, Duration bodyTimeout, Duration idleTimeout,
                           int maxConnectionsPerAddress) {
    /** Room for a 1,000-connection load test from one machine, and twice that; a 10 MB upload at 350 KB/s. */
    public static final ServerLimits DEFAULTS = new ServerLimits(8192, 16 * 1024, 100, 10 * 1024 * 1024,
            Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60), 4096);

    /** The smallest values that still let a request through: a short URL, a few small headers. */
    public static final int MIN_URL_LENGTH = 16;
    public static final int MIN_HEADER_SIZE = 256;

    public ServerLimits {
        Objects.requireNonNull(headerTimeout, "headerTimeout");
        Objects.requireNonNull(bodyTimeout, "bodyTimeout");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
    }
}
