package dev.twin.replayer.internal.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A complete response the twin sends: status, headers (in order), body bytes, and how the connection delivers it
 * (at once, later, or as a sandbox's connection fault instead).
 */
public record TwinResponse(int status, Map<String, String> headers, byte[] body, Delivery delivery) {
    public TwinResponse {
        headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        body = Objects.requireNonNullElse(body, new byte[0]);
        delivery = Objects.requireNonNullElse(delivery, Delivery.AT_ONCE);
    }

    /** A response written at once. */
    public TwinResponse(int status, Map<String, String> headers, byte[] body) {
        this(status, headers, body, Delivery.AT_ONCE);
    }

    /** No response at all: the connection misbehaves instead. */
    public static TwinResponse connectionFault(ConnectionFault fault) {
        return new TwinResponse(200, Map.of(), new byte[0], new Delivery(0, Objects.requireNonNull(fault, "fault")));
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

    /** This response with the header set, replacing one of that name in any case. */
    public TwinResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
        copy.put(name, value);
        return new TwinResponse(status, copy, body, delivery);
    }

    public TwinResponse withStatus(int newStatus) {
        return new TwinResponse(newStatus, headers, body, delivery);
    }

    public TwinResponse withBody(byte[] newBody) {
        return new TwinResponse(status, headers, newBody, delivery);
    }

    /** The same response, delivered {@code millis} later (added to any delay it already has). */
    public TwinResponse delayedBy(long millis) {
        return millis <= 0 ? this : new TwinResponse(status, headers, body, delivery.delayedBy(millis));
    }
}
