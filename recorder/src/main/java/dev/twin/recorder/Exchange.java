package dev.twin.recorder;

import java.time.Instant;
import java.util.Objects;

/**
 * One recorded request and its outcome.
 *
 * @param id             monotonically increasing, assigned by the store (0 before it is stored)
 * @param session        the recording session name
 * @param startedAt      when the request started arriving
 * @param durationMicros time from the first request byte to the last response byte
 * @param clientAddress  "ip:port" of the client
 * @param response       null when the exchange failed or was tunnelled
 * @param failure        null unless the exchange failed
 * @param tunnelled      true for a CONNECT tunnel twin did not intercept: only the host is known, no content
 */
public record Exchange(long id, String session, Instant startedAt, long durationMicros, String clientAddress,
                       RecordedRequest request, RecordedResponse response, Failure failure, boolean tunnelled) {
    public Exchange {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(request, "request");
    }

    public Exchange withId(long newId) {
        return new Exchange(newId, session, startedAt, durationMicros, clientAddress, request, response, failure,
                tunnelled);
    }

    public boolean succeeded() {
        return response != null;
    }
}
