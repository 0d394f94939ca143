package dev.twin.recorder;

import java.time.Instant;
import java.util.List;

/** Exchanges for tests, with every field filled in. */
public final class SampleExchanges {
    private SampleExchanges() {
    }

    public static Exchange get(String session, String path) {
        RecordedRequest request = new RecordedRequest("GET", "https", "api.example.com", 443, path, "limit=3",
                List.of(new Header("Host", "api.example.com"), new Header("Accept", "application/json")),
                Body.EMPTY);
        RecordedResponse response = new RecordedResponse(200,
                List.of(new Header("Content-Type", "application/json")), Body.of("{\"id\":\"cus_1\"}"));
        return new Exchange(0, session, Instant.parse("2026-01-02T03:04:05.123456Z"), 1234, "127.0.0.1:50000",
                request, response, null, false);
    }

    public static Exchange post(String session, String path, List<Header> headers, String contentType,
                                String body) {
        RecordedRequest request = new RecordedRequest("POST", "https", "api.example.com", 443, path, null,
                withContentType(headers, contentType), Body.of(body));
        RecordedResponse response = new RecordedResponse(201,
                List.of(new Header("Content-Type", "application/json")), Body.of("{\"ok\":true}"));
        return new Exchange(0, session, Instant.parse("2026-01-02T03:04:06Z"), 2000, "127.0.0.1:50001",
                request, response, null, false);
    }

    public static Exchange failed(String session) {
        RecordedRequest request = new RecordedRequest("GET", "http", "down.example.com", 80, "/", null,
                List.of(), Body.EMPTY);
        return new Exchange(0, session, Instant.parse("2026-01-02T03:04:07Z"), 10, "127.0.0.1:50002", request,
                null, new Failure(Failure.Kind.UPSTREAM_REFUSED, "connection refused"), false);
    }

    private static List<Header> withContentType(List<Header> headers, String contentType) {
        if (contentType == null) {
            return headers;
        }
        List<Header> all = new java.util.ArrayList<>(headers);
        all.add(new Header("Content-Type", contentType));
        return all;
    }

    /** Field-by-field equality with bodies compared by content (records compare arrays by identity). */
    public static boolean sameContent(Exchange a, Exchange b) {
        return a.session().equals(b.session()) && a.startedAt().equals(b.startedAt())
                && a.durationMicros() == b.durationMicros()
                && java.util.Objects.equals(a.clientAddress(), b.clientAddress())
                && sameRequest(a.request(), b.request())
                && (a.response() == null ? b.response() == null : b.response() != null
                && a.response().status() == b.response().status()
                && a.response().headers().equals(b.response().headers())
                && sameBody(a.response().body(), b.response().body()))
                && java.util.Objects.equals(a.failure(), b.failure()) && a.tunnelled() == b.tunnelled();
    }

    private static boolean sameRequest(RecordedRequest a, RecordedRequest b) {
        return a.method().equals(b.method()) && a.scheme().equals(b.scheme()) && a.host().equals(b.host())
                && a.port() == b.port() && a.path().equals(b.path())
                && java.util.Objects.equals(a.rawQuery(), b.rawQuery()) && a.headers().equals(b.headers())
                && sameBody(a.body(), b.body());
    }

    private static boolean sameBody(Body a, Body b) {
        return java.util.Arrays.equals(a.bytes(), b.bytes()) && a.truncated() == b.truncated()
                && a.originalSize() == b.originalSize()
                && java.util.Objects.equals(a.contentEncoding(), b.contentEncoding());
    }
}
