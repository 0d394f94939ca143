package dev.twin.replayer.admin;

import dev.twin.replayer.response.AnswerSource;

import java.time.Instant;

/**
 * One answered request as {@code /__twin/requests} lists it.
 *
 * @param tenant    whose state the request worked on: the tenant key of the credential it sent ({@code t_...}),
 *                  {@code anonymous} without one, {@code shared} under {@code tenancy: shared}
 * @param operation the namespaced operation id, or null when no operation matched
 * @param note      e.g. validation warnings in warn mode, or null
 */
public record JournalEntry(Instant at, String method, String path, String tenant, int status, String operation,
                           AnswerSource source, String note) {
}
