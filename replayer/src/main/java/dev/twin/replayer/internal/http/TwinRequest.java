package dev.twin.replayer.internal.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A request as the twin server received it, decoded once from Netty's objects so that routing, validation,
 * tables and scenarios never touch Netty types.
 *
 * @param path     the decoded path without the query
 * @param rawQuery the query string without '?', or null
 * @param query    decoded query parameters in order of appearance (names keep brackets: {@code expand[]})
 * @param headers  header names lower-cased, values in order
 * @param body     the full request body (the server aggregates up to its limit)
 */
public record TwinRequest(String method, String path, String rawQuery, Map<String, List<String>> query,
                          Map<String, List<String>> headers, byte[] body, String remoteAddress) {
    public TwinRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }

    /** First value of a header, by case-insensitive name, or null. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** First value of a query parameter, or null. */
    public String queryParam(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
