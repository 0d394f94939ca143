package dev.twin.replayer;

import java.time.Instant;
import java.util.Objects;

/**
 * One request a {@link Twin} answered, as its journal keeps it ({@link Twin#requests()}).
 *
 * @param at        when the answer was made
 * @param method    the HTTP method, e.g. {@code POST}
 * @param path      the decoded path, without the query
 * @param tenant    whose state it worked on: the tenant key of the API key it sent ({@link Twin#tenantOf}),
 *                  {@code anonymous} without one, {@code shared} under {@code tenancy: shared}
 * @param status    the status answered
 * @param operation the namespaced operation id (e.g. {@code stripe.PostCustomers}), or null when no operation
 *                  matched the path
 * @param source    which part of the twin answered
 * @param note      what the twin noticed, e.g. why the request was invalid in {@code validate: warn} mode; or null
 */
public record ServedRequest(Instant at, String method, String path, String tenant, int status, String operation,
                            Source source, String note) {
    public ServedRequest {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(source, "source");
    }

    /** Which part of the twin produced an answer. */
    public enum Source {
        /** An example written in the spec. */
        SPEC_EXAMPLE,
        /** A body generated from the spec's response schema. */
        GENERATED,
        /** A table bound with {@code extend} (state), or a sandbox control in front of it. */
        TABLE,
        /** A recorded response ({@code replay:} in twin.yaml). */
        RECORDING,
        /** An error of the twin's own: no such route (404/405), an invalid request (400/401/413), a failure. */
        ERROR,
        /** An admin endpoint under {@code /__twin/}. */
        ADMIN
    }

    /** One line, e.g. {@code POST /v1/customers -> 200 (table, stripe.PostCustomers)}. */
    @Override
    public String toString() {
        return method + " " + path + " -> " + status + " (" + source.name().toLowerCase(java.util.Locale.ROOT)
                + (operation == null ? "" : ", " + operation) + ")" + (note == null ? "" : ": " + note);
    }
}
