package dev.twin.proxy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.twin.proxy.ca.CertificateAuthority;
import dev.twin.proxy.ca.LeafCertificate;
import dev.twin.proxy.ca.LeafCertificates;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A small upstream for tests on the JDK's own HTTP server (plain or HTTPS with a certificate for "localhost" from
 * a CA the test creates). Routes are added per test; {@link #release()} frees handlers that wait on purpose.
 */
final class TestUpstream implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final CountDownLatch released = new CountDownLatch(1);
    final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();

    private TestUpstream(HttpServer server) {
        this.server = server;
        server.setExecutor(executor);
        server.start();
    }

    static TestUpstream http() throws IOException {
        return new TestUpstream(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
    }

    /** HTTPS for "localhost" with a leaf from the CA in {@code caDirectory}; trust its certificateFile(). */
    static TestUpstream https(Path caDirectory) throws IOException {
        CertificateAuthority ca = CertificateAuthority.loadOrCreate(caDirectory);
        LeafCertificate leaf = new LeafCertificates(ca).forHost("localhost");
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(sslContext(leaf)));
        return new TestUpstream(server);
    }

    TestUpstream route(String path, HttpHandler handler) {
        server.createContext(path, exchange -> {
            clientPorts.add(exchange.getRemoteAddress().getPort());
            try (exchange) {
                handler.handle(exchange);
            }
        });
        return this;
    }

    /** Answers with {@code body} and headers telling what the upstream saw. */
    TestUpstream text(String path, String body) {
        return route(path, exchange -> {
            exchange.getResponseHeaders().add("X-Seen-Host", exchange.getRequestHeaders().getFirst("Host"));
            send(exchange, 200, body.getBytes(StandardCharsets.UTF_8));
        });
    }

    int port() {
        return server.getAddress().getPort();
    }

    String httpUrl() {
        return "http://127.0.0.1:" + port();
    }

    String httpsUrl() {
        return "https://localhost:" + port();
    }

    /** Blocks a handler until the test ends (or releases it). */
    void awaitRelease() {
        try {
            released.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void release() {
        released.countDown();
    }

    static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        executor.shutdownNow();
    }

    private static SSLContext sslContext(LeafCertificate leaf) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            char[] password = "test".toCharArray();
            store.setKeyEntry("leaf", leaf.privateKey(), password,
                    new Certificate[] {leaf.certificate(), leaf.issuer()});
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

}
