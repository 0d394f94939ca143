package dev.twin.proxy;

import dev.twin.proxy.tls.UpstreamTrust;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings shared by both proxy modes, validated once.
 *
 * @param bindHost        the address to listen on (127.0.0.1 unless the user asks otherwise)
 * @param port            the port to listen on; 0 picks a free one
 * @param session         the session name recorded with every exchange
 * @param upstreamTimeout how long to wait for the upstream to connect and to send its response head
 * @param maxBodyBytes    bodies larger than this are forwarded in full but recorded truncated
 * @param upstreamTrust   how the upstream's TLS certificate is checked
 */
public record ProxyConfig(String bindHost, int port, String session, Duration upstreamTimeout, long maxBodyBytes,
                          UpstreamTrust upstreamTrust) {
    public static final long DEFAULT_MAX_BODY_BYTES = 10L * 1024 * 1024;
    public static final Duration DEFAULT_UPSTREAM_TIMEOUT = Duration.ofSeconds(30);

    public ProxyConfig {
        Objects.requireNonNull(bindHost, "bindHost");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(upstreamTimeout, "upstreamTimeout");
        Objects.requireNonNull(upstreamTrust, "upstreamTrust");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (upstreamTimeout.isNegative() || upstreamTimeout.isZero()) {
            throw new IllegalArgumentException("upstream timeout must be positive: " + upstreamTimeout);
        }
        if (maxBodyBytes < 0) {
            throw new IllegalArgumentException("max body size must not be negative: " + maxBodyBytes);
        }
    }

    /** Defaults for everything but the port: loopback, session "default", 30 s timeout, 10 MB bodies, JDK trust. */
    public static ProxyConfig defaults(int port) {
        return new ProxyConfig("127.0.0.1", port, "default", DEFAULT_UPSTREAM_TIMEOUT, DEFAULT_MAX_BODY_BYTES,
                UpstreamTrust.jdkDefault());
    }

    public ProxyConfig withUpstreamTimeout(Duration timeout) {
        return new ProxyConfig(bindHost, port, session, timeout, maxBodyBytes, upstreamTrust);
    }

    public ProxyConfig withMaxBodyBytes(long maxBytes) {
        return new ProxyConfig(bindHost, port, session, upstreamTimeout, maxBytes, upstreamTrust);
    }

    public ProxyConfig withUpstreamTrust(UpstreamTrust trust) {
        return new ProxyConfig(bindHost, port, session, upstreamTimeout, maxBodyBytes, trust);
    }

    public ProxyConfig withSession(String name) {
        return new ProxyConfig(bindHost, port, name, upstreamTimeout, maxBodyBytes, upstreamTrust);
    }
}
