package dev.twin.replayer.internal.server;

import dev.twin.replayer.internal.http.TwinRequest;
import dev.twin.replayer.internal.http.TwinResponse;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code server.rebase}: the recorded API's own origins, which its answers carry in absolute links (an npm
 * registry's tarball URLs, a {@code next} page, a {@code Location}). Each is replaced by the origin the client
 * reached the twin at ({@code http://} and its {@code Host}), in text and JSON bodies and in {@code Location}, so a
 * client that follows a link stays on the twin. Without a {@code Host} the answer is left as made.
 */
final class OwnOrigins {
    private final List<String> recorded;
    /** Each origin where it ends: {@code http://h:80} is not the start of {@code http://h:8080}. */
    private final List<Pattern> patterns;

    OwnOrigins(List<String> recorded) {
        this.recorded = List.copyOf(recorded);
        this.patterns = recorded.stream().map(o -> Pattern.compile(Pattern.quote(o) + "(?![0-9A-Za-z.-])")).toList();
    }

    TwinResponse apply(TwinRequest request, TwinResponse response) {
        String host = recorded.isEmpty() ? null : request.header("Host");
        if (host == null || host.isBlank()) {
            return response;
        }
        String twin = "http://" + host.strip();
        Map<String, String> headers = response.headers();
        boolean headersChanged = false;
        Map<String, String> rebasedHeaders = new LinkedHashMap<>(headers);
        for (Map.Entry<String, String> header : headers.entrySet()) {
            if (header.getKey().equalsIgnoreCase("Location")) {
                String rebased = replace(header.getValue(), twin);
                headersChanged |= !rebased.equals(header.getValue());
                rebasedHeaders.put(header.getKey(), rebased);
            }
        }
        byte[] body = response.body();
        if (isText(response.header("Content-Type")) && body.length > 0) {
            String text = new String(body, StandardCharsets.UTF_8);
            String rebased = replace(text, twin);
            if (!rebased.equals(text)) {
                body = rebased.getBytes(StandardCharsets.UTF_8);
            }
        }
        if (!headersChanged && body == response.body()) {
            return response;
        }
        return new TwinResponse(response.status(), headersChanged ? rebasedHeaders : headers, body,
                response.delivery());
    }

    private String replace(String text, String twin) {
        String out = text;
        for (int i = 0; i < recorded.size(); i++) {
            if (out.contains(recorded.get(i))) {
                out = patterns.get(i).matcher(out).replaceAll(Matcher.quoteReplacement(twin));
            }
        }
        return out;
    }

    private static boolean isText(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.contains("json") || type.startsWith("text/") || type.contains("xml");
    }
}
