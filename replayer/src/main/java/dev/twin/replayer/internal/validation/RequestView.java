package dev.twin.replayer.internal.validation;

import dev.twin.replayer.internal.form.FormPair;
import dev.twin.replayer.internal.form.UrlEncoded;
import dev.twin.replayer.internal.http.TwinRequest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One request's raw parts that parameters are read from, each split at most once and only if asked for. */
final class RequestView {
    private final TwinRequest request;
    private final Map<String, String> pathParams;
    private List<FormPair> queryPairs;
    private Map<String, String> cookies;

    RequestView(TwinRequest request, Map<String, String> pathParams) {
        this.request = request;
        this.pathParams = pathParams == null ? Map.of() : pathParams;
    }

    TwinRequest request() {
        return request;
    }

    String pathParam(String name) {
        return pathParams.get(name);
    }

    /**
     * Query pairs in the order sent (the order matters for {@code items[][a]=..&items[][b]=..}); one more than
     * {@link RequestLimits#MAX_PARAMETERS} at most, enough to refuse a query with too many.
     */
    List<FormPair> queryPairs() {
        if (queryPairs == null) {
            queryPairs = request.rawQuery() != null ? UrlEncoded.parse(request.rawQuery(), RequestLimits.MAX_PARAMETERS + 1) : fromDecodedQuery();
        }
        return queryPairs;
    }

    List<String> headerValues(String lowerCaseName) {
        return request.headers().get(lowerCaseName);
    }

    String cookie(String name) {
        if (cookies == null) {
            cookies = parseCookies(request.headers().get("cookie"));
        }
        return cookies.get(name);
    }

    private List<FormPair> fromDecodedQuery() {
        List<FormPair> pairs = new ArrayList<>();
        request.query().forEach((name, values) -> values.forEach(value -> pairs.add(new FormPair(name, value))));
        return pairs;
    }

    static Map<String, String> parseCookies(List<String> headers) {
        Map<String, String> cookies = new HashMap<>();
        if (headers == null) {
            return cookies;
        }
        for (String header : headers) {
            for (String part : header.split(";")) {
                int equals = part.indexOf('=');
                if (equals > 0) {
                    cookies.putIfAbsent(part.substring(0, equals).trim(), part.substring(equals + 1).trim());
                }
            }
        }
        return cookies;
    }
}
