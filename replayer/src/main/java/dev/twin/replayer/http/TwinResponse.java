package dev.twin.replayer.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** A complete response the twin sends: status, headers (in order) and body bytes. */
public record TwinResponse(int status, Map<String, String> headers, byte[] body) {
    public TwinResponse {
        headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        body = Objects.requireNonNullElse(body, new byte[0]);
    }

    public static TwinResponse json(int status, String json) {
        return new TwinResponse(status, Map.of("Content-Type", "application/json"),
                json.getBytes(StandardCharsets.UTF_8));
    }

    /** The value of the header of that name, in any case; null when there is none. */
    public String header(String name) {
        for (Map.Entry<String, String> header : headers.entrySet()) {
            if (header.getKey().equalsIgnoreCase(name)) {
                return header.getValue();
            }
        }
        return null;
    }

    public TwinResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new TwinResponse(status, copy, body);
    }
}
