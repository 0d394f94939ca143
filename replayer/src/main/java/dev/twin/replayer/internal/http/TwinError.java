package dev.twin.replayer.internal.http;

import java.util.Objects;

/**
 * An error a client caused, as a value: what kind it is, a message written for the client, and the offending
 * parameter when there is one. The errors convention turns it into the provider's body. {@code malformedBody}: the
 * request's body was not JSON at all, which an API may answer in its parser's own words (errors.malformedBody).
 */
public record TwinError(ErrorKind kind, String message, String param, boolean malformedBody) {
    public TwinError {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    public TwinError(ErrorKind kind, String message, String param) {
        this(kind, message, param, false);
    }

    public static TwinError of(ErrorKind kind, String message) {
        return new TwinError(kind, message, null);
    }
}
