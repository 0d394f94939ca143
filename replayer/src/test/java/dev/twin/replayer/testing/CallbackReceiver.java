package dev.twin.replayer.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * An application's webhook endpoint in a test: a real HTTP server on 127.0.0.1 that answers 200 and keeps every
 * request it gets, in arrival order.
 */
public final class CallbackReceiver implements AutoCloseable {
    /** One request as the application saw it. */
    public record Received(String method, String url, String path, Map<String, String> params, String signature,
                    String contentType) {
        public String param(String name) {
            return params.get(name);
        }
    }

    private final HttpServer server;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

    public CallbackReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** {@code http://127.0.0.1:PORT} + {@code path}. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String query = exchange.getRequestURI().getRawQuery();
        String url = url(exchange.getRequestURI().getRawPath()) + (query == null ? "" : "?" + query);
        Map<String, String> params = form(exchange.getRequestMethod().equals("GET") ? query : body);
        received.add(new Received(exchange.getRequestMethod(), url, exchange.getRequestURI().getPath(), params,
                exchange.getRequestHeaders().getFirst("X-Twilio-Signature"),
                exchange.getRequestHeaders().getFirst("Content-Type")));
        exchange.sendResponseHeaders(200, -1);
        exchange.close();
    }

    /** The next request; fails the test when none comes within 10 s. */
    public Received next() throws InterruptedException {
        Received next = received.poll(10, TimeUnit.SECONDS);
        assertNotNull(next, "no callback arrived within 10 s");
        return next;
    }

    /** The next {@code count} requests, in arrival order. */
    public List<Received> next(int count) throws InterruptedException {
        List<Received> all = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            all.add(next());
        }
        return all;
    }

    /** Requests that arrived and were not taken yet. */
    public List<Received> waiting() {
        List<Received> all = new java.util.ArrayList<>();
        received.drainTo(all);
        return all;
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> params = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return params;
        }
        for (String pair : encoded.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            params.put(name, value);
        }
        return params;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
