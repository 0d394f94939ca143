package dev.twin.replayer.custom;

import com.fasterxml.jackson.databind.JsonNode;
import dev.twin.replayer.http.TwinError;

/**
 * A custom operation stopped on a client error (a failed {@code validate}, a {@code read} that found nothing).
 * Thrown inside the transaction, so none of the operation's writes are kept. Carries the step's own code and
 * status when it configured them.
 */
public final class StepFailure extends RuntimeException {
    private final transient TwinError error;
    private final transient JsonNode code;
    private final Integer status;

    public StepFailure(TwinError error, JsonNode code, Integer status) {
        super(error.message(), null, false, false);
        this.error = error;
        this.code = code;
        this.status = status;
    }

    public TwinError error() {
        return error;
    }

    /** The step's {@code code}, or null for the errors convention's code of the kind. */
    public JsonNode code() {
        return code;
    }

    /** The step's HTTP status, or null for the errors convention's status of the kind. */
    public Integer status() {
        return status;
    }
}
