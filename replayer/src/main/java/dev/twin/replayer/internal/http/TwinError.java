package dev.twin.replayer.internal.http;

import java.util.Objects;

/**
 * An error a client caused, as a value: what kind it is, a message written for the client, and the offending
 * parameter when there is one. The errors convention turns it into the provider's body. {@code malformedBody}: the
 * request's body was not JSON at all, which an API may answer in its parser's own words (errors.malformedBody).
 * {@code rule}: the check the parameter failed ({@code required}, {@code minLength}, {@code type}, ...), or null;
 * an API may answer each in its own words (errors.byParam).
 */
public record TwinError(ErrorKind kind, String message, String param, boolean malformedBody, String rule) {
    public TwinError {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    public TwinError(ErrorKind kind, String message, String param) {
        this(kind, message, param, false, null);
    }

    public TwinError(ErrorKind kind, String message, String param, boolean malformedBody) {
        this(kind, message, param, malformedBody, null);
    }

    public static TwinError of(ErrorKind kind, String message) {
        return new TwinError(kind, message, null);
    }
}
