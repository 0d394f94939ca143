package dev.twin.replayer.internal.binding;

import dev.twin.replayer.internal.convention.StringTemplate;
import dev.twin.replayer.internal.http.TwinResponse;

import java.util.Map;
import java.util.regex.Pattern;

/** Headers a write answers with ({@code create.headers}, {@code update.headers}), rendered over the row. */
final class RenderedHeaders {
    /** What a header value cannot hold (a row's field rendered into it may): line breaks, controls, non-ASCII. */
    private static final Pattern NOT_HEADER_TEXT = Pattern.compile("[^\\x20-\\x7e\\t]");

    private RenderedHeaders() {
    }

    /** The response with each header rendered over {@code item}, characters a header cannot hold dropped. */
    static TwinResponse add(TwinResponse response, Map<String, StringTemplate> headers, Object item) {
        if (headers.isEmpty()) {
            return response;
        }
        Map<String, Object> model = Map.of("item", item);
        for (Map.Entry<String, StringTemplate> header : headers.entrySet()) {
            response = response.withHeader(header.getKey(),
                    NOT_HEADER_TEXT.matcher(header.getValue().render(model)).replaceAll(""));
        }
        return response;
    }
}
