package dev.twin.replayer.internal.replay;

import dev.twin.recorder.Exchange;
import dev.twin.recorder.Header;
import dev.twin.recorder.RecordedResponse;
import dev.twin.replayer.internal.http.TwinResponse;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One recorded response, ready to send: the recorded status, body and headers, minus the headers that described
 * the upstream connection or encoding (the store keeps bodies decoded; the server sets Content-Length itself).
 *
 * @param exchangeId the exchange it was recorded as, for the request journal
 */
record RecordedReply(TwinResponse response, long exchangeId, String session) {
    private static final Set<String> NOT_REPLAYED = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "trailers", "transfer-encoding", "upgrade",
            "content-length", "content-encoding");

    /** Only for exchanges with a complete response ({@link RecordedAnswersLoader} skips the others). */
    static RecordedReply of(Exchange exchange) {
        RecordedResponse recorded = exchange.response();
        Map<String, String> headers = new LinkedHashMap<>();
        Map<String, String> namesAsFirstWritten = new HashMap<>();
        for (Header header : recorded.headers()) {
            String lower = header.name().toLowerCase(Locale.ROOT);
            if (NOT_REPLAYED.contains(lower)) {
                continue;
            }
            String name = namesAsFirstWritten.computeIfAbsent(lower, n -> header.name());
            // the twin sends one line per header name: repeated headers are joined as HTTP allows
            headers.merge(name, header.value(), (first, next) -> first + ", " + next);
        }
        return new RecordedReply(new TwinResponse(recorded.status(), headers, recorded.body().bytes()),
                exchange.id(), exchange.session());
    }
}
