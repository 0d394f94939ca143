package dev.twin.proxy.tls;

import dev.twin.proxy.ca.LeafCertificate;
import dev.twin.proxy.ca.LeafCertificates;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLException;

/** Decides which CONNECT hosts twin decrypts, and terminates TLS for them with a leaf certificate from twin's CA. */
public final class TlsInterception {
    private final HostPatterns interceptedHosts;
    private final LeafCertificates leaves;
    private final Map<String, SslContext> contexts = new ConcurrentHashMap<>();

    public TlsInterception(HostPatterns interceptedHosts, LeafCertificates leaves) {
        this.interceptedHosts = interceptedHosts;
        this.leaves = leaves;
    }

    public boolean intercepts(String host) {
        return interceptedHosts.matches(host);
    }

    /** A server-side TLS handler presenting a certificate for {@code host}, offering HTTP/1.1 only. */
    public SslHandler serverHandler(ByteBufAllocator alloc, String host) {
        return contexts.computeIfAbsent(host.toLowerCase(Locale.ROOT), this::serverContext).newHandler(alloc);
    }

    private SslContext serverContext(String host) {
        LeafCertificate leaf = leaves.forHost(host);
        try {
            return SslContextBuilder.forServer(leaf.privateKey(), leaf.certificate(), leaf.issuer())
                    .sslProvider(SslProvider.JDK)
                    .build();
        } catch (SSLException e) {
            throw new IllegalStateException("cannot build a TLS server context for " + host, e);
        }
    }
}
