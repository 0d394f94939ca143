package dev.twin.replayer.internal.journal;

import dev.twin.replayer.internal.http.TwinRequest;
import dev.twin.replayer.internal.http.TwinResponse;
import dev.twin.replayer.internal.validation.Violation;

import java.util.List;

/**
 * Everything the journal keeps of one request while detail is captured. Bodies longer than
 * {@link #MAX_BODY_BYTES} are cut there ({@code requestBodyTruncated}, {@code responseBodyTruncated}), so a
 * journal of large uploads stays small. Headers are kept as sent: whoever shows them redacts credentials.
 *
 * @param origin     the sandbox control that answered or delayed the answer, or null (the table, recording or
 *                   spec answered as the entry's source says)
 * @param violations what validation found wrong with the request (refused in strict mode, noted in warn mode)
 * @param changes    the rows the request's transactions changed, in commit order
 * @param events     the events those changes emitted
 */
public record ExchangeDetail(TwinRequest request, boolean requestBodyTruncated, TwinResponse response,
                             boolean responseBodyTruncated, AnswerOrigin origin, List<Violation> violations,
                             List<ChangedRow> changes, List<EmittedEvent> events) {
    public static final int MAX_BODY_BYTES = 64 * 1024;

    public ExchangeDetail {
        violations = List.copyOf(violations);
        changes = List.copyOf(changes);
        events = List.copyOf(events);
    }
}
