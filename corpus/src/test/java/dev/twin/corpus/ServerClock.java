package dev.twin.corpus;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Tells a server clock reading: a value that is an ISO-8601 date-time, an HTTP-date ({@code Sun, 06 Dec 2026
 * 04:26:27 GMT}, RFC 1123, as in a Date header or verdaccio's search answer), unix seconds or unix milliseconds within
 * a day of now. Two such readings of the same kind say "now" in two runs, not something a recording could reveal.
 */
final class ServerClock {
    private static final Pattern DATE_TIME = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})");
    private static final Pattern HTTP_DATE = Pattern.compile(
            "[A-Z][a-z]{2}, \\d{1,2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT");
    private static final Duration NEAR = Duration.ofDays(1);

    private final Instant now;

    ServerClock(Instant now) {
        this.now = now;
    }

    /**
     * True when both are readings of this clock of the same kind (both ISO date-times, both HTTP-dates, both seconds,
     * both millis).
     */
    boolean bothReadings(JsonNode recorded, JsonNode twin) {
        int kind = kind(recorded);
        return kind != 0 && kind == kind(twin);
    }

    /** True when the text looks like an ISO-8601 date-time (near now or not). */
    static boolean isDateTime(String text) {
        return DATE_TIME.matcher(text).matches();
    }

    /** 1 for a date-time, 2 for unix seconds, 3 for unix milliseconds, 4 for an HTTP-date, all near now; else 0. */
    private int kind(JsonNode value) {
        if (value.isTextual() && isDateTime(value.asText())) {
            return near(parse(value.asText())) ? 1 : 0;
        }
        if (value.isTextual() && HTTP_DATE.matcher(value.asText()).matches()) {
            return near(parseHttpDate(value.asText())) ? 4 : 0;
        }
        if (value.isIntegralNumber()) {
            long number = value.asLong();
            if (near(Instant.ofEpochSecond(number))) {
                return 2;
            }
            return near(Instant.ofEpochMilli(number)) ? 3 : 0;
        }
        return 0;
    }

    private boolean near(Instant instant) {
        return instant != null && Duration.between(instant, now).abs().compareTo(NEAR) <= 0;
    }

    private static Instant parse(String text) {
        String iso = text.replace(' ', 'T');
        if (iso.matches(".*[+-]\\d{4}$")) {
            iso = iso.substring(0, iso.length() - 2) + ":" + iso.substring(iso.length() - 2);
        }
        try {
            return OffsetDateTime.parse(iso).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Instant parseHttpDate(String text) {
        try {
            return java.time.ZonedDateTime.parse(text, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
