package dev.twin.proxy;

import static dev.twin.proxy.ProxyTestSupport.http11;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.twin.recorder.Exchange;
import dev.twin.recorder.ExchangeSink;
import dev.twin.recorder.redact.Redactor;
import dev.twin.recorder.store.RecordingStore;
import dev.twin.recorder.store.RecordingWriter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When the recording store falls behind, the proxy stops reading new requests instead of dropping exchanges: clients
 * wait, and every exchange is recorded once the store catches up. The store is held still by a thread owning its
 * monitor (its writes synchronize on it), so the writer stops at its next append until the test lets go.
 */
class RecordingBackPressureTest {
    private static final int MAX_BACKLOG = 20;
    private static final int CONNECTIONS = 4;
    private static final int REQUESTS_PER_CONNECTION = 25;

    @TempDir
    Path temp;

    private final ExecutorService clients = Executors.newCachedThreadPool();
    private TestUpstream upstream;
    private RecordingStore store;
    private PauseCountingSink sink;
    private ReverseProxyServer proxy;
    private StoreHold hold;

    @AfterEach
    void stop() throws InterruptedException {
        if (hold != null) {
            hold.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (store != null) {
            store.close();
        }
        if (upstream != null) {
            upstream.close();
        }
        clients.shutdownNow();
    }

    private void startProxy(int maxBacklog) throws IOException {
        store = RecordingStore.open(temp.resolve("twin.db"));
        sink = new PauseCountingSink(store.writer(Redactor.defaults(), RecordingStore.DEFAULT_COMMIT_INTERVAL,
                maxBacklog));
        proxy = ReverseProxyServer.start(ProxyConfig.defaults(0), Origin.parse(upstream.httpUrl()), sink);
    }

    private URI proxied(String path) {
        return URI.create("http://127.0.0.1:" + proxy.port() + path);
    }

    @Test
    void clientsWaitWhileTheStoreIsBehindAndEveryExchangeIsRecordedOnceItCatchesUp() throws Exception {
        upstream = TestUpstream.http().text("/pets", "[]");
        startProxy(MAX_BACKLOG);
        hold = new StoreHold(store);
        AtomicInteger answered = new AtomicInteger();

        List<CompletableFuture<List<Integer>>> connections = new ArrayList<>();
        for (int c = 0; c < CONNECTIONS; c++) {
            connections.add(CompletableFuture.supplyAsync(() -> sendInTurn(http11(), REQUESTS_PER_CONNECTION, answered),
                    clients));
        }

        awaitUntil(() -> sink.pausedConnections() == CONNECTIONS, "every client connection paused");
        assertTrue(connections.stream().noneMatch(CompletableFuture::isDone), "no client finished or failed");
        // the backlog, the one exchange the held writer took before it stopped, and per connection at most two: the
        // exchange whose hand-over filled the backlog and the connection's next request, which a loaded machine can
        // read before the proxy has seen the store fall behind
        int bound = MAX_BACKLOG + 1 + 2 * CONNECTIONS;
        assertTrue(answered.get() <= bound, "at most " + bound + " answered while the store is behind, of "
                + CONNECTIONS * REQUESTS_PER_CONNECTION + ": " + answered.get());

        hold.release();
        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<List<Integer>> connection : connections) {
            statuses.addAll(connection.get(30, TimeUnit.SECONDS));
        }
        sink.writer.flush();

        assertEquals(CONNECTIONS * REQUESTS_PER_CONNECTION, statuses.size());
        assertTrue(statuses.stream().allMatch(status -> status == 200), statuses.toString());
        assertEquals(CONNECTIONS * REQUESTS_PER_CONNECTION, store.count());
        assertEquals(0, sink.pausedConnections());
    }

    @Test
    void aRequestAlreadyBegunIsReadToItsEndWhileTheStoreIsBehind() throws Exception {
        int bodySize = 1024 * 1024;
        CountDownLatch uploadBegun = new CountDownLatch(1);
        upstream = TestUpstream.http()
                .text("/pets", "[]")
                .route("/upload", exchange -> {
                    uploadBegun.countDown();
                    byte[] body = exchange.getRequestBody().readAllBytes();
                    TestUpstream.send(exchange, 200, String.valueOf(body.length).getBytes(StandardCharsets.UTF_8));
                });
        startProxy(4);
        hold = new StoreHold(store);

        try (Socket uploader = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
            uploader.setSoTimeout((int) TimeUnit.SECONDS.toMillis(20));
            OutputStream out = uploader.getOutputStream();
            out.write(("POST /upload HTTP/1.1\r\nHost: twin\r\nContent-Type: application/octet-stream\r\n"
                    + "Content-Length: " + bodySize + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertTrue(uploadBegun.await(10, TimeUnit.SECONDS), "the upload's head reached the upstream");
            // The held writer may have taken one of them before it stopped: five fill a backlog of four either way.
            sendInTurn(http11(), 5, new AtomicInteger());
            assertTrue(sink.isBehind(), "the store is behind");

            out.write(new byte[bodySize]);
            out.flush();

            assertEquals(String.valueOf(bodySize), readResponseBody(uploader.getInputStream()));
        }
        hold.release();
        sink.writer.flush();
        assertEquals(6, store.count());
    }

    /** Sends GET /pets {@code count} times, each after the previous answer, over the client's one connection. */
    private List<Integer> sendInTurn(HttpClient client, int count, AtomicInteger answered) {
        List<Integer> statuses = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(proxied("/pets")).build(),
                        HttpResponse.BodyHandlers.ofString());
                statuses.add(response.statusCode());
                answered.incrementAndGet();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return statuses;
    }

    private static String readResponseBody(InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1));
        assertTrue(reader.readLine().startsWith("HTTP/1.1 200"));
        int length = 0;
        for (String line; !(line = reader.readLine()).isEmpty(); ) {
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(line.substring("content-length:".length()).trim());
            }
        }
        char[] body = new char[length];
        int read = 0;
        while (read < length) {
            int n = reader.read(body, read, length - read);
            assertTrue(n > 0, "response body ended early");
            read += n;
        }
        return new String(body);
    }

    private static void awaitUntil(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() - deadline < 0, "timed out waiting for: " + what);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }

    /** The store's writer, counting the connections that wait for it to catch up. */
    private static final class PauseCountingSink implements ExchangeSink {
        final RecordingWriter writer;
        private final AtomicInteger paused = new AtomicInteger();

        PauseCountingSink(RecordingWriter writer) {
            this.writer = writer;
        }

        @Override
        public void accept(Exchange exchange) {
            writer.accept(exchange);
        }

        @Override
        public boolean isBehind() {
            return writer.isBehind();
        }

        @Override
        public void whenCaughtUp(Runnable resume) {
            paused.incrementAndGet();
            writer.whenCaughtUp(() -> {
                paused.decrementAndGet();
                resume.run();
            });
        }

        int pausedConnections() {
            return paused.get();
        }
    }

    /** Owns the store's monitor on a thread of its own until released: the writer stops at its next append. */
    private static final class StoreHold implements AutoCloseable {
        private final CountDownLatch release = new CountDownLatch(1);
        private final Thread thread;

        StoreHold(RecordingStore store) throws InterruptedException {
            CountDownLatch holding = new CountDownLatch(1);
            thread = new Thread(() -> {
                synchronized (store) {
                    holding.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }, "store-hold");
            thread.start();
            holding.await();
        }

        void release() {
            release.countDown();
        }

        @Override
        public void close() throws InterruptedException {
            release();
            thread.join();
        }
    }
}
