package dev.twin.replayer.internal.state;

import dev.twin.replayer.internal.http.ErrorKind;
import dev.twin.replayer.internal.http.TwinError;

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
