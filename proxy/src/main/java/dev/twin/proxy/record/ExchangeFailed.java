package dev.twin.proxy.record;

import dev.twin.recorder.Failure;

/**
 * Fired through the client pipeline by the relay when the current exchange cannot complete normally; the error
 * response that follows is then recorded as this failure rather than as a response.
 */
public record ExchangeFailed(Failure failure) {
    public static ExchangeFailed of(Failure.Kind kind, String message) {
        return new ExchangeFailed(new Failure(kind, message));
    }
}
