package dev.twin.proxy.tls;

import dev.twin.proxy.Origin;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

/** Client-side TLS towards upstreams: one SslContext built at start-up, a verifying engine per connection. */
public final class UpstreamTls {
    private final SslContext context;
    private final boolean verifyHostname;
    private final Duration handshakeTimeout;

    private UpstreamTls(SslContext context, boolean verifyHostname, Duration handshakeTimeout) {
        this.context = context;
        this.verifyHostname = verifyHostname;
        this.handshakeTimeout = handshakeTimeout;
    }

    /** @throws IllegalArgumentException when the CA file cannot be read or holds no certificate */
    public static UpstreamTls create(UpstreamTrust trust, Duration handshakeTimeout) {
        SslContextBuilder builder = SslContextBuilder.forClient().sslProvider(SslProvider.JDK);
        if (trust.insecure()) {
            builder.trustManager(InsecureTrustManagerFactory.INSTANCE);
        } else if (trust.caFile() != null) {
            if (!Files.isReadable(trust.caFile())) {
                throw new IllegalArgumentException("cannot read upstream CA file " + trust.caFile());
            }
            builder.trustManager(trust.caFile().toFile());
        }
        try {
            return new UpstreamTls(builder.build(), !trust.insecure(), handshakeTimeout);
        } catch (IOException e) {
            if (trust.caFile() != null) {
                throw new IllegalArgumentException("upstream CA file " + trust.caFile() + " is not a PEM certificate: "
                        + e.getMessage());
            }
            throw new UncheckedIOException(e);
        }
    }

    /** A handler that opens TLS to {@code origin}, sending SNI and checking the certificate names that host. */
    public SslHandler newHandler(ByteBufAllocator alloc, Origin origin) {
        SSLEngine engine = context.newEngine(alloc, origin.host(), origin.port());
        if (verifyHostname) {
            SSLParameters parameters = engine.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            engine.setSSLParameters(parameters);
        }
        SslHandler handler = new SslHandler(engine);
        handler.setHandshakeTimeoutMillis(handshakeTimeout.toMillis());
        return handler;
    }
}
