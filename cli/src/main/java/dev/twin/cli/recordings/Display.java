package dev.twin.cli.recordings;

import dev.twin.recorder.Exchange;
import dev.twin.recorder.RecordedRequest;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How recordings are shown on the terminal: times in UTC, durations in ms, full URLs. */
final class Display {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Display() {
    }

    static String time(Instant instant) {
        return TIME.format(instant);
    }

    static String duration(long micros) {
        return String.format(Locale.ROOT, "%.1f ms", micros / 1000.0);
    }

    static String url(RecordedRequest request) {
        boolean defaultPort = (request.scheme().equals("https") && request.port() == 443)
                || (request.scheme().equals("http") && request.port() == 80);
        String host = request.host().contains(":") ? "[" + request.host() + "]" : request.host();
        return request.scheme() + "://" + host + (defaultPort ? "" : ":" + request.port())
                + request.pathAndQuery();
    }

    /** The status code, or what happened instead. */
    static String outcome(Exchange exchange) {
        if (exchange.tunnelled()) {
            return "TUNNELLED";
        }
        if (exchange.response() != null) {
            return String.valueOf(exchange.response().status());
        }
        return exchange.failure() == null ? "NO RESPONSE" : exchange.failure().kind().name();
    }
}
