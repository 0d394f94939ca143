package dev.twin.replayer.admin;

import dev.twin.replayer.response.AnswerSource;

import java.time.Instant;

/**
 * One answered request as {@code /__twin/requests} lists it.
 *
 * @param operation the namespaced operation id, or null when no operation matched
 * @param note      e.g. validation warnings in warn mode, or null
 */
public record JournalEntry(Instant at, String method, String path, int status, String operation,
                           AnswerSource source, String note) {
}
