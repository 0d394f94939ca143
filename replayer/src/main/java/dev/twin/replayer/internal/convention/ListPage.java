package dev.twin.replayer.internal.convention;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One answer of a list operation: the body (an envelope object, or a bare array) and the headers that page it
 * ({@code X-Total-Count}, {@code Link}), in the order they are sent.
 */
public record ListPage(JsonNode body, Map<String, String> headers) {
    public ListPage {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    public static ListPage of(JsonNode body) {
        return new ListPage(body, Map.of());
    }
}
