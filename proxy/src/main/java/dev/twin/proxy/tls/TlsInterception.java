package dev.twin.proxy.tls;

import dev.twin.proxy.ca.LeafCertificate;
import dev.twin.proxy.ca.LeafCertificates;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLException;

/** Decides which CONNECT hosts twin decrypts, and terminates TLS for them with a leaf certificate from twin's CA. */
public final class TlsInterception {
    private final HostPatterns interceptedHosts;
    private final LeafCertificates leaves;
    private final Map<String, CompletableFuture<SslContext>> contexts = new ConcurrentHashMap<>();
    private final Executor certificateExecutor;

    /** @param certificateExecutor where new leaf certificates are made (key generation and signing take a few ms) */
    public TlsInterception(HostPatterns interceptedHosts, LeafCertificates leaves, Executor certificateExecutor) {
        this.interceptedHosts = interceptedHosts;
        this.leaves = leaves;
        this.certificateExecutor = certificateExecutor;
    }

    /** Makes certificates on one daemon thread of its own, off the event loops. */
    public TlsInterception(HostPatterns interceptedHosts, LeafCertificates leaves) {
        this(interceptedHosts, leaves, Executors.newSingleThreadExecutor(new DefaultThreadFactory("twin-certificates",
                true)));
    }

    public boolean intercepts(String host) {
        return interceptedHosts.matches(host);
    }

    /**
     * The server-side TLS context presenting a certificate for {@code host} (HTTP/1.1 only); complete at once for
     * hosts seen before, otherwise completed on the certificate executor.
     */
    public CompletableFuture<SslContext> serverContext(String host) {
        return contexts.computeIfAbsent(host.toLowerCase(Locale.ROOT),
                key -> CompletableFuture.supplyAsync(() -> buildServerContext(key), certificateExecutor));
    }

    /** A TLS handler from a context obtained with {@link #serverContext}. */
    public static SslHandler serverHandler(SslContext context, ByteBufAllocator alloc) {
        return context.newHandler(alloc);
    }

    private SslContext buildServerContext(String host) {
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
