package dev.twin.recorder;

import java.util.List;
import java.util.Objects;

/**
 * The request as the client sent it (after redaction, once stored).
 *
 * @param rawQuery the query string without the leading '?', exactly as sent, or null when there was none
 */
public record RecordedRequest(String method, String scheme, String host, int port, String path, String rawQuery,
                              List<Header> headers, Body body) {
    public RecordedRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(path, "path");
        headers = List.copyOf(headers);
        body = body == null ? Body.EMPTY : body;
    }

    /** Path plus query, as it appeared on the request line of an origin-form request. */
    public String pathAndQuery() {
        return rawQuery == null ? path : path + "?" + rawQuery;
    }
}
