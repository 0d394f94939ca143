package dev.twin.replayer.server;

import java.time.Duration;
import java.util.Objects;

/**
 * How long and how many connections the server keeps.
 *
 * @param headerTimeout            a request whose head (request line and headers) has not fully arrived this
 *                                 long after its first byte is answered 408 and its connection closed
 * @param idleTimeout              a keep-alive connection with nothing sent and nothing left to answer is closed
 *                                 after this long
 * @param maxConnectionsPerAddress connections open at once from one client address; more are answered 503
 */
public record ConnectionLimits(Duration headerTimeout, Duration idleTimeout, int maxConnectionsPerAddress) {
    /** Room for a 1,000-connection load test from one machine, and twice that. */
    public static final ConnectionLimits DEFAULTS = new ConnectionLimits(Duration.ofSeconds(10),
            Duration.ofSeconds(60), 4096);

    public ConnectionLimits {
        positive(Objects.requireNonNull(headerTimeout, "headerTimeout"), "header timeout");
        positive(Objects.requireNonNull(idleTimeout, "idleTimeout"), "idle timeout");
        if (maxConnectionsPerAddress < 1) {
            throw new IllegalArgumentException("the connections allowed per client address must be at least 1, not "
                    + maxConnectionsPerAddress);
        }
    }

    private static void positive(Duration duration, String name) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("the " + name + " must be longer than zero, not " + duration);
        }
    }
}
