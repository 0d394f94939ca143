package dev.twin.replayer.internal.custom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.replayer.internal.http.TwinError;

/**
 * A custom operation stopped on a client error (a failed {@code validate}, a {@code fail}, a {@code read} that
 * found nothing). Thrown inside the transaction, so none of the operation's writes are kept, unless it
 * {@link #commits()}: a {@code fail} step with {@code commit: true} keeps what the steps before it wrote (a declined
 * card leaves its payment intent in {@code requires_payment_method}) and answers the error all the same. Carries the
 * step's own code, status, type and extra fields when it configured them.
 */
public final class StepFailure extends RuntimeException {
    private final transient TwinError error;
    private final transient JsonNode code;
    private final Integer status;
    private final String type;
    private final transient ObjectNode extra;
    private final boolean commits;

    public StepFailure(TwinError error, JsonNode code, Integer status) {
        this(error, code, status, null, null, false);
    }

    public StepFailure(TwinError error, JsonNode code, Integer status, String type, ObjectNode extra,
                       boolean commits) {
        super(error.message(), null, false, false);
        this.error = error;
        this.code = code;
        this.status = status;
        this.type = type;
        this.extra = extra;
        this.commits = commits;
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

    /** The step's {@code type}, or null for the errors convention's type of the kind. */
    public String type() {
        return type;
    }

    /** More fields of the error body (rows shaped by their tables), or null. */
    public ObjectNode extra() {
        return extra;
    }

    /** Whether the transaction keeps what the operation wrote before it failed. */
    public boolean commits() {
        return commits;
    }
}
