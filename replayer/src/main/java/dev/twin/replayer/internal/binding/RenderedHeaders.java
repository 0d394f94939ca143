package dev.twin.replayer.internal.binding;

import com.fasterxml.jackson.databind.JsonNode;
import dev.twin.replayer.internal.convention.HeaderTemplates;
import dev.twin.replayer.internal.http.TwinResponse;

import java.util.Map;
import java.util.regex.Pattern;

/** Headers a write answers with ({@code create.headers}, {@code update.headers}, {@code patch.headers}). */
final class RenderedHeaders {
    /** What a header value cannot hold (a row's field rendered into it may): line breaks, controls, non-ASCII. */
    private static final Pattern NOT_HEADER_TEXT = Pattern.compile("[^\\x20-\\x7e\\t]");

    private RenderedHeaders() {
    }

    /**
     * The response with each header rendered over {@code item} (the row as shown), the request and the bytes
     * {@code data} (the row as stored) holds, characters a header cannot hold dropped.
     */
    static TwinResponse add(TwinResponse response, HeaderTemplates headers, Object item, BoundRequest request,
                            JsonNode data) {
        if (headers.isEmpty()) {
            return response;
        }
        for (Map.Entry<String, String> header : headers.render(item, request.routed().request(), data).entrySet()) {
            response = response.withHeader(header.getKey(),
                    NOT_HEADER_TEXT.matcher(header.getValue()).replaceAll(""));
        }
        return response;
    }
}
