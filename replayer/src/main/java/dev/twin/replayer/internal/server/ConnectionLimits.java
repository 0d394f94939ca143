package dev.twin.replayer.internal.server;

import dev.twin.replayer.config.ServerLimits;

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
 * @param bodyTimeout              a request whose body has not fully arrived this long after its head is answered
 *                                 408 and its connection closed
 */
public record ConnectionLimits(Duration headerTimeout, Duration idleTimeout, int maxConnectionsPerAddress,
                               Duration bodyTimeout) {
    public static final ConnectionLimits DEFAULTS = of(ServerLimits.DEFAULTS);

    /** With the default body timeout. */
    public ConnectionLimits(Duration headerTimeout, Duration idleTimeout, int maxConnectionsPerAddress) {
        this(headerTimeout, idleTimeout, maxConnectionsPerAddress, ServerLimits.DEFAULTS.bodyTimeout());
    }

    public ConnectionLimits {
        positive(Objects.requireNonNull(headerTimeout, "headerTimeout"), "header timeout");
        positive(Objects.requireNonNull(idleTimeout, "idleTimeout"), "idle timeout");
        positive(Objects.requireNonNull(bodyTimeout, "bodyTimeout"), "body timeout");
        if (maxConnectionsPerAddress < 1) {
            throw new IllegalArgumentException("the connections allowed per client address must be at least 1, not "
                    + maxConnectionsPerAddress);
        }
    }

    /** The timeouts and connection limit twin.yaml's {@code server.limits} sets (its defaults where it sets none). */
    public static ConnectionLimits of(ServerLimits limits) {
        return new ConnectionLimits(limits.headerTimeout(), limits.idleTimeout(), limits.maxConnectionsPerAddress(),
                limits.bodyTimeout());
    }

    private static void positive(Duration duration, String name) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("the " + name + " must be longer than zero, not " + duration);
        }
    }
}
