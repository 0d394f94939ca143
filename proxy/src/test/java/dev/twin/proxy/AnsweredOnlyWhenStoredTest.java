package dev.twin.proxy;

import static dev.twin.proxy.ProxyTestSupport.http11;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.twin.recorder.Exchange;
import dev.twin.recorder.ExchangeSink;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client gets the end of its response only once the sink says the exchange is stored. */
class AnsweredOnlyWhenStoredTest {
    /** A sink that stores nothing until the test says so. */
    private static final class ManualStore implements ExchangeSink {
        final BlockingQueue<Runnable> waiting = new LinkedBlockingQueue<>();

        @Override
        public void accept(Exchange exchange) {
            throw new AssertionError("the proxy asks to be told when the exchange is stored");
        }

        @Override
        public void accept(Exchange exchange, Runnable whenStored) {
            waiting.add(whenStored);
        }
    }

    private final ManualStore store = new ManualStore();
    private TestUpstream upstream;
    private ReverseProxyServer proxy;

    @AfterEach
    void stop() {
        proxy.close();
        upstream.close();
    }

    @Test
    void aFixedLengthResponseEndsOnlyAfterItsExchangeIsStored() throws Exception {
        assertAnsweredOnlyWhenStored("/text", "hi there");
    }

    @Test
    void anEmptyResponseIsHeldWholeUntilItsExchangeIsStored() throws Exception {
        assertAnsweredOnlyWhenStored("/empty", "");
    }

    private void assertAnsweredOnlyWhenStored(String path, String body) throws Exception {
        upstream = TestUpstream.http().text("/text", "hi there")
                .route("/empty", exchange -> TestUpstream.send(exchange, 200, new byte[0]));
        proxy = ReverseProxyServer.start(ProxyConfig.defaults(0), Origin.parse(upstream.httpUrl()), store);

        CompletableFuture<HttpResponse<String>> answer = http11().sendAsync(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + proxy.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        Runnable stored = store.waiting.poll(30, TimeUnit.SECONDS);

        assertFalse(answer.isDone(), "answered before the exchange was stored");
        stored.run();
        assertEquals(body, answer.get(30, TimeUnit.SECONDS).body());
    }
}
