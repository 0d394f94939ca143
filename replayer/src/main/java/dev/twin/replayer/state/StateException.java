package dev.twin.replayer.state;

import dev.twin.replayer.http.ErrorKind;
import dev.twin.replayer.http.TwinError;

/** A request broke a rule of the state engine (missing row, duplicate id, full table); carries the client error. */
public final class StateException extends RuntimeException {
    private final transient TwinError error;

    public StateException(TwinError error) {
        super(error.message(), null, false, false);
        this.error = error;
    }

    public StateException(ErrorKind kind, String message) {
        this(TwinError.of(kind, message));
    }

    public TwinError error() {
        return error;
    }
}
