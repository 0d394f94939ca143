package dev.twin.replayer.internal.admin;

import dev.twin.replayer.internal.journal.ExchangeDetail;
import dev.twin.replayer.internal.response.AnswerSource;

import java.time.Instant;

/**
 * One answered request as {@code /__twin/requests} lists it.
 *
 * @param tenant    whose state the request worked on: the tenant key of the credential it sent ({@code t_...}),
 *                  {@code anonymous} without one, {@code shared} under {@code tenancy: shared}
 * @param operation the namespaced operation id, or null when no operation matched
 * @param note      e.g. validation warnings in warn mode, or null
 * @param detail    the request, response, state changes and events, when detail was captured
 *                  ({@link RequestJournal#capturesDetail()}); else null
 */
public record JournalEntry(Instant at, String method, String path, String tenant, int status, String operation,
                           AnswerSource source, String note, ExchangeDetail detail) {

    /** An entry without detail. */
    public JournalEntry(Instant at, String method, String path, String tenant, int status, String operation,
                        AnswerSource source, String note) {
        this(at, method, path, tenant, status, operation, source, note, null);
    }
}
