package dev.twin.proxy;

import static dev.twin.proxy.ProxyTestSupport.http11;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.twin.recorder.Exchange;
import dev.twin.recorder.Failure;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReverseProxyFailureTest {
    private final RecordedExchanges recorded = new RecordedExchanges();
    private final HttpClient client = http11();
    private TestUpstream upstream;
    private ReverseProxyServer proxy;

    @AfterEach
    void stop() {
        if (proxy != null) {
            proxy.close();
        }
        if (upstream != null) {
            upstream.close();
        }
    }

    private HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + proxy.port() + pathAndQuery))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void answers502WithJsonNamingTheUpstreamWhenItRefusesConnections() throws Exception {
        int closedPort = freePort();
        proxy = ReverseProxyServer.start(ProxyConfig.defaults(0), Origin.parse("http://127.0.0.1:" + closedPort),
                recorded);

        HttpResponse<String> response = get("/anything");

        assertEquals(502, response.statusCode());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(response.body().startsWith("{\"error\":{\"type\":\"upstream_unreachable\",\"upstream\":\"127.0.0.1:"
                + closedPort + "\",\"message\":\""), response.body());
        Exchange exchange = recorded.next();
        assertEquals(Failure.Kind.UPSTREAM_REFUSED, exchange.failure().kind());
        assertTrue(exchange.failure().message().contains("127.0.0.1:" + closedPort));
        assertEquals("/anything", exchange.request().path());
        assertNull(exchange.response());
    }

    @Test
    void answers504WhenTheUpstreamSendsNothingWithinTheTimeout() throws Exception {
        upstream = TestUpstream.http().route("/slow", exchange -> upstream.awaitRelease());
        proxy = ReverseProxyServer.start(ProxyConfig.defaults(0).withUpstreamTimeout(Duration.ofMillis(300)),
                Origin.parse(upstream.httpUrl()), recorded);

        HttpResponse<String> response = get("/slow");

        assertEquals(504, response.statusCode());
        assertTrue(response.body().contains("\"type\":\"upstream_timeout\""), response.body());
        assertEquals(Failure.Kind.UPSTREAM_TIMEOUT, recorded.next().failure().kind());
    }

    @Test
    void answers400ToAMalformedRequest() throws Exception {
        upstream = TestUpstream.http().text("/", "unused");
        proxy = ReverseProxyServer.start(ProxyConfig.defaults(0), Origin.parse(upstream.httpUrl()), recorded);

        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
            socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\nContent-Length: many\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            BufferedReader reader = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII));

            assertTrue(reader.readLine().startsWith("HTTP/1.1 400"));
        }
        assertEquals(Failure.Kind.BAD_REQUEST, recorded.next().failure().kind());
    }

    @Test
    void recordsAClientThatHangsUpBeforeTheResponseAsClientAbort() throws Exception {
        CountDownLatch upstreamGotRequest = new CountDownLatch(1);
        upstream = TestUpstream.http().route("/wait", exchange -> {
            upstreamGotRequest.countDown();
            upstream.awaitRelease();
        });
        proxy = ReverseProxyServer.start(ProxyConfig.defaults(0), Origin.parse(upstream.httpUrl()), recorded);

        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
            socket.getOutputStream().write("GET /wait HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertTrue(upstreamGotRequest.await(10, TimeUnit.SECONDS));
        }

        Exchange exchange = recorded.next();
        assertEquals(Failure.Kind.CLIENT_ABORT, exchange.failure().kind());
        assertEquals("/wait", exchange.request().path());
    }

    @Test
    void refusesToStartOnAPortInUseWithAMessageNamingIt() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            BindException error = assertThrows(BindException.class, () -> ReverseProxyServer.start(
                    ProxyConfig.defaults(taken.getLocalPort()), Origin.parse("http://127.0.0.1:1"), recorded));

            assertEquals("port " + taken.getLocalPort() + " on 127.0.0.1 is already in use", error.getMessage());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
