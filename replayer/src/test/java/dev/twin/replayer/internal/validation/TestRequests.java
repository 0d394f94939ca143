package dev.twin.replayer.internal.validation;

import dev.twin.replayer.internal.form.FormPair;
import dev.twin.replayer.internal.form.UrlEncoded;
import dev.twin.replayer.internal.http.TwinRequest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds {@link TwinRequest}s the way the server decodes them. */
final class TestRequests {
    private final String method;
    private final String path;
    private String rawQuery;
    private final Map<String, List<String>> headers = new LinkedHashMap<>();
    private byte[] body = new byte[0];

    private TestRequests(String method, String pathAndQuery) {
        this.method = method;
        int question = pathAndQuery.indexOf('?');
        this.path = question < 0 ? pathAndQuery : pathAndQuery.substring(0, question);
        this.rawQuery = question < 0 ? null : pathAndQuery.substring(question + 1);
    }

    static TestRequests request(String method, String pathAndQuery) {
        return new TestRequests(method, pathAndQuery);
    }

    TestRequests header(String name, String value) {
        headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(value);
        return this;
    }

    TestRequests form(String formBody) {
        header("Content-Type", "application/x-www-form-urlencoded");
        body = formBody.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    TestRequests json(String jsonBody) {
        header("Content-Type", "application/json; charset=utf-8");
        body = jsonBody.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    TestRequests body(String contentType, String text) {
        header("Content-Type", contentType);
        body = text.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    TestRequests bearer(String token) {
        return header("Authorization", "Bearer " + token);
    }

    TwinRequest build() {
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (FormPair pair : UrlEncoded.parse(rawQuery)) {
            query.computeIfAbsent(pair.name(), k -> new ArrayList<>()).add(pair.value());
        }
        return new TwinRequest(method, path, rawQuery, query, headers, body, "127.0.0.1");
    }
}
