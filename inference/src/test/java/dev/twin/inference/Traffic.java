package dev.twin.inference;

import dev.twin.recorder.Body;
import dev.twin.recorder.Exchange;
import dev.twin.recorder.Header;
import dev.twin.recorder.RecordedRequest;
import dev.twin.recorder.RecordedResponse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds recorded exchanges by hand, in order, as a recording would hold them. */
final class Traffic {
    private final String host;
    private final List<Exchange> exchanges = new ArrayList<>();

    Traffic(String host) {
        this.host = host;
    }

    Traffic json(String method, String pathAndQuery, String requestJson, int status, String responseJson) {
        return add(method, pathAndQuery, requestJson == null ? null : "application/json", requestJson, status,
                responseJson);
    }

    Traffic form(String method, String pathAndQuery, String form, int status, String responseJson) {
        return add(method, pathAndQuery, form == null ? null : "application/x-www-form-urlencoded", form, status,
                responseJson);
    }

    /** A form exchange whose response also carries these headers. */
    Traffic form(String method, String pathAndQuery, String form, int status, String responseJson,
                 List<Header> responseHeaders) {
        return add(method, pathAndQuery, form == null ? null : "application/x-www-form-urlencoded", form, status,
                responseJson, responseHeaders);
    }

    Traffic add(String method, String pathAndQuery, String contentType, String body, int status, String responseJson) {
        return add(method, pathAndQuery, contentType, body, status, responseJson, List.of());
    }

    /** An exchange answered with a body that is not JSON ({@code text/plain} bytes, a file). */
    Traffic raw(String method, String pathAndQuery, int status, String contentType, String responseBody,
                List<Header> responseHeaders) {
        List<Header> headers = new ArrayList<>(responseHeaders);
        headers.add(0, new Header("Content-Type", contentType));
        add(method, pathAndQuery, null, null, status, null, headers);
        Exchange last = exchanges.remove(exchanges.size() - 1);
        exchanges.add(new Exchange(last.id(), last.session(), last.startedAt(), last.durationMicros(),
                last.clientAddress(), last.request(), new RecordedResponse(status, last.response().headers(),
                Body.of(responseBody)), null, false));
        return this;
    }

    /** A JSON exchange whose response also carries these headers (Location, X-Total-Count, Link). */
    Traffic json(String method, String pathAndQuery, String requestJson, int status, String responseJson,
                 List<Header> responseHeaders) {
        return add(method, pathAndQuery, requestJson == null ? null : "application/json", requestJson, status,
                responseJson, responseHeaders);
    }

    /** An exchange with a body of this type whose answer also carries these headers. */
    Traffic add(String method, String pathAndQuery, String contentType, String body, int status,
                String responseJson, List<Header> extraResponseHeaders) {
        String path = pathAndQuery;
        String query = null;
        int q = pathAndQuery.indexOf('?');
        if (q >= 0) {
            path = pathAndQuery.substring(0, q);
            query = pathAndQuery.substring(q + 1);
        }
        List<Header> requestHeaders = new ArrayList<>();
        requestHeaders.add(new Header("Authorization", "Bearer redacted:sha256:0123456789ab"));
        if (contentType != null) {
            requestHeaders.add(new Header("Content-Type", contentType));
        }
        RecordedRequest request = new RecordedRequest(method, "https", host, 443, path, query, requestHeaders,
                body == null ? Body.EMPTY : Body.of(body));
        List<Header> responseHeaders = new ArrayList<>();
        boolean typed = extraResponseHeaders.stream().anyMatch(h -> h.name().equalsIgnoreCase("Content-Type"));
        if (responseJson != null && !typed) {
            responseHeaders.add(new Header("Content-Type", "application/json"));
        }
        responseHeaders.addAll(extraResponseHeaders);
        RecordedResponse response = new RecordedResponse(status, responseHeaders,
                responseJson == null ? Body.EMPTY : Body.of(responseJson));
        exchanges.add(new Exchange(exchanges.size() + 1, "test", Instant.ofEpochSecond(1_700_000_000L + exchanges.size()),
                1000, "127.0.0.1:1", request, response, null, false));
        return this;
    }

    List<Exchange> exchanges() {
        return exchanges;
    }
}
