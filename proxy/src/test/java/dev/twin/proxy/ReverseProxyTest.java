package dev.twin.proxy;

import static dev.twin.proxy.ProxyTestSupport.curl;
import static dev.twin.proxy.ProxyTestSupport.http11;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.twin.proxy.tls.UpstreamTrust;
import dev.twin.recorder.Exchange;
import dev.twin.recorder.Failure;
import dev.twin.recorder.Headers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReverseProxyTest {
    @TempDir
    Path temp;

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

    private URI proxied(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + proxy.port() + pathAndQuery);
    }

    private void startProxy(ProxyConfig config, String upstreamUrl) throws IOException {
        proxy = ReverseProxyServer.start(config, Origin.parse(upstreamUrl), recorded);
    }

    private HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(proxied(pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void forwardsTheRequestWithHostRewrittenAndRecordsTheExchange() throws Exception {
        upstream = TestUpstream.http().text("/hello", "hi there");
        startProxy(ProxyConfig.defaults(0).withSession("s1"), upstream.httpUrl());

        HttpResponse<String> response = get("/hello?name=ada");

        assertEquals(200, response.statusCode());
        assertEquals("hi there", response.body());
        assertEquals("127.0.0.1:" + upstream.port(), response.headers().firstValue("X-Seen-Host").orElseThrow());
        Exchange exchange = recorded.next();
        assertEquals("s1", exchange.session());
        assertEquals("GET", exchange.request().method());
        assertEquals("http", exchange.request().scheme());
        assertEquals("127.0.0.1", exchange.request().host());
        assertEquals(upstream.port(), exchange.request().port());
        assertEquals("/hello", exchange.request().path());
        assertEquals("name=ada", exchange.request().rawQuery());
        assertEquals(200, exchange.response().status());
        assertEquals("hi there", exchange.response().body().text());
        assertNull(exchange.failure());
        assertTrue(exchange.clientAddress().startsWith("127.0.0.1:"));
    }

    @Test
    void keepsAnHttp2DefaultJdkClientOnRecordedHttp11WithoutOfferingH2cUpstream() throws Exception {
        upstream = TestUpstream.http().route("/upgrade", exchange -> TestUpstream.send(exchange, 200,
                String.valueOf(exchange.getRequestHeaders().getFirst("Upgrade")).getBytes(StandardCharsets.UTF_8)));
        startProxy(ProxyConfig.defaults(0), upstream.httpUrl());

        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(proxied("/upgrade")).build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(HttpClient.Version.HTTP_1_1, response.version());
        assertEquals("null", response.body(), "upstream saw no Upgrade header");
        assertEquals("/upgrade", recorded.next().request().path());
    }

    @Test
    void relaysToAnHttpsUpstreamTrustedThroughTheUpstreamCaFile() throws Exception {
        Path upstreamCa = temp.resolve("upstream-ca");
        upstream = TestUpstream.https(upstreamCa).text("/secure", "over tls");
        startProxy(ProxyConfig.defaults(0).withUpstreamTrust(UpstreamTrust.caFile(upstreamCa.resolve("twin-ca.pem"))),
                upstream.httpsUrl());

        HttpResponse<String> response = get("/secure");

        assertEquals(200, response.statusCode());
        assertEquals("over tls", response.body());
        Exchange exchange = recorded.next();
        assertEquals("https", exchange.request().scheme());
        assertEquals("localhost", exchange.request().host());
        assertEquals("over tls", exchange.response().body().text());
    }

    @Test
    void relaysToASelfSignedHttpsUpstreamWhenInsecureUpstreamIsAskedFor() throws Exception {
        upstream = TestUpstream.https(temp.resolve("upstream-ca")).text("/secure", "unchecked");
        startProxy(ProxyConfig.defaults(0).withUpstreamTrust(UpstreamTrust.trustingAnything()), upstream.httpsUrl());

        HttpResponse<String> response = get("/secure");

        assertEquals(200, response.statusCode());
        assertEquals("unchecked", response.body());
    }

    @Test
    void answers502NamingTheHostWhenTheUpstreamCertificateIsNotTrusted() throws Exception {
        upstream = TestUpstream.https(temp.resolve("upstream-ca")).text("/secure", "never seen");
        startProxy(ProxyConfig.defaults(0), upstream.httpsUrl());

        HttpResponse<String> response = get("/secure");

        assertEquals(502, response.statusCode());
        assertTrue(response.body().contains("\"type\":\"upstream_tls\""), response.body());
        assertTrue(response.body().contains("\"upstream\":\"localhost:" + upstream.port() + "\""), response.body());
        Exchange exchange = recorded.next();
        assertEquals(Failure.Kind.UPSTREAM_TLS, exchange.failure().kind());
        assertNull(exchange.response());
    }

    @Test
    void servesSequentialRequestsOverOneClientConnectionAndOneUpstreamConnection() throws Exception {
        upstream = TestUpstream.http().text("/hello", "again");
        startProxy(ProxyConfig.defaults(0), upstream.httpUrl());

        for (int i = 0; i < 3; i++) {
            assertEquals(200, get("/hello").statusCode());
        }

        List<Exchange> exchanges = recorded.next(3);
        Set<String> clientAddresses = exchanges.stream().map(Exchange::clientAddress).collect(Collectors.toSet());
        assertEquals(1, clientAddresses.size(), "one client connection: " + clientAddresses);
        assertEquals(1, upstream.clientPorts.size(), "one upstream connection: " + upstream.clientPorts);
    }

    @Test
    void relaysChunkedRequestAndResponseBodiesByteForByte() throws Exception {
        upstream = TestUpstream.http().route("/echo", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("X-Request-Encoding",
                    String.valueOf(exchange.getRequestHeaders().getFirst("Transfer-Encoding")));
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body, 0, body.length / 2);
                out.flush();
                out.write(body, body.length / 2, body.length - body.length / 2);
            }
        });
        startProxy(ProxyConfig.defaults(0), upstream.httpUrl());
        byte[] payload = new byte[200_000];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) (i * 31);
        }

        HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(proxied("/echo"))
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(payload))).build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertEquals(200, response.statusCode());
        assertEquals("chunked", response.headers().firstValue("Transfer-Encoding").orElseThrow());
        assertEquals("chunked", response.headers().firstValue("X-Request-Encoding").orElseThrow());
        assertArrayEquals(payload, response.body());
        Exchange exchange = recorded.next();
        assertArrayEquals(payload, exchange.request().body().bytes());
        assertArrayEquals(payload, exchange.response().body().bytes());
    }

    @Test
    void forwardsGzipBodiesAsReceivedAndRecordsTheirEncoding() throws Exception {
        byte[] compressed = gzip("{\"compressed\":true}".repeat(50));
        upstream = TestUpstream.http().route("/gzip", exchange -> {
            exchange.getResponseHeaders().add("Content-Encoding", "gzip");
            TestUpstream.send(exchange, 200, compressed);
        });
        startProxy(ProxyConfig.defaults(0), upstream.httpUrl());

        HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(proxied("/gzip"))
                .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());

        assertArrayEquals(compressed, response.body());
        Exchange exchange = recorded.next();
        assertEquals("gzip", exchange.response().body().contentEncoding());
        assertEquals(compressed.length, exchange.response().body().originalSize());
    }

    @Test
    void deliversServerSentEventsToTheClientAsTheyArrive() throws Exception {
        CountDownLatch clientSawFirstEvent = new CountDownLatch(1);
        upstream = TestUpstream.http().route("/events", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            out.write("data: one\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            boolean streamed = awaitQuietly(clientSawFirstEvent);
            out.write((streamed ? "data: two\n\n" : "data: buffered\n\n").getBytes(StandardCharsets.UTF_8));
            out.close();
        });
        startProxy(ProxyConfig.defaults(0), upstream.httpUrl());

        HttpResponse<Stream<String>> response = client.send(HttpRequest.newBuilder(proxied("/events")).build(),
                HttpResponse.BodyHandlers.ofLines());
        Iterator<String> lines = response.body().iterator();

        assertEquals("data: one", lines.next());
        clientSawFirstEvent.countDown();
        assertEquals("", lines.next());
        assertEquals("data: two", lines.next());
        Exchange exchange = recorded.next();
        assertEquals("data: one\n\ndata: two\n\n", exchange.response().body().text());
    }

    @Test
    void recordsEveryRequestOfFiftyConcurrentClients() throws Exception {
        upstream = TestUpstream.http().text("/item", "ok");
        startProxy(ProxyConfig.defaults(0), upstream.httpUrl());
        HttpClient[] clients = IntStream.range(0, 10).mapToObj(i -> http11()).toArray(HttpClient[]::new);

        List<CompletableFuture<HttpResponse<String>>> responses = IntStream.range(0, 50)
                .mapToObj(i -> clients[i % clients.length].sendAsync(
                        HttpRequest.newBuilder(proxied("/item?n=" + i)).build(), HttpResponse.BodyHandlers.ofString()))
                .toList();

        for (CompletableFuture<HttpResponse<String>> response : responses) {
            assertEquals(200, response.get(20, TimeUnit.SECONDS).statusCode());
        }
        Set<String> queries = recorded.next(50).stream().map(e -> e.request().rawQuery()).collect(Collectors.toSet());
        assertEquals(IntStream.range(0, 50).mapToObj(i -> "n=" + i).collect(Collectors.toSet()), queries);
    }

    @Test
    void forwardsBodiesLargerThanTheCapInFullButRecordsThemTruncated() throws Exception {
        byte[] large = new byte[5000];
        upstream = TestUpstream.http().route("/large", exchange -> TestUpstream.send(exchange, 200, large));
        startProxy(ProxyConfig.defaults(0).withMaxBodyBytes(100), upstream.httpUrl());

        HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(proxied("/large")).build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertEquals(5000, response.body().length);
        Exchange exchange = recorded.next();
        assertTrue(exchange.response().body().truncated());
        assertEquals(100, exchange.response().body().bytes().length);
        assertEquals(5000, exchange.response().body().originalSize());
    }

    @Test
    void answersExpectContinueAndForwardsTheBodyFromCurl() throws Exception {
        upstream = TestUpstream.http().route("/upload", exchange -> TestUpstream.send(exchange, 201,
                exchange.getRequestBody().readAllBytes()));
        startProxy(ProxyConfig.defaults(0), upstream.httpUrl());

        String output = curl("-H", "Expect: 100-continue", "--data-binary", "payload-after-continue",
                "-w", " %{http_code}", proxied("/upload").toString());

        assertEquals("payload-after-continue 201", output);
        Exchange exchange = recorded.next();
        assertEquals("payload-after-continue", exchange.request().body().text());
        assertEquals(201, exchange.response().status());
        assertTrue(Headers.first(exchange.request().headers(), "Expect").isEmpty());
    }

    private static boolean awaitQuietly(CountDownLatch latch) {
        try {
            return latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
