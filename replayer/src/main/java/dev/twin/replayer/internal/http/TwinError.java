package dev.twin.replayer.internal.http;

import java.util.Objects;

/**
 * An error a client caused, as a value: what kind it is, a message written for the client, and the offending
 * parameter when there is one. The errors convention turns it into the provider's body.
 */
public record TwinError(ErrorKind kind, String message, String param) {
    public TwinError {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    public static TwinError of(ErrorKind kind, String message) {
        return new TwinError(kind, message, null);
    }
}
