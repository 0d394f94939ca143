package dev.twin.recorder;

import java.util.Objects;

/** Why an exchange has no (complete) response. */
public record Failure(Kind kind, String message) {
    public enum Kind { UPSTREAM_REFUSED, UPSTREAM_TLS, UPSTREAM_TIMEOUT, UPSTREAM_ERROR, CLIENT_ABORT, BAD_REQUEST }

    public Failure {
        Objects.requireNonNull(kind, "kind");
        message = message == null ? "" : message;
    }
}
