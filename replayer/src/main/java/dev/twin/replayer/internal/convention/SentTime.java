package dev.twin.replayer.internal.convention;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** A time a client sent as text, read as the instant it names. */
public final class SentTime {
    private SentTime() {
    }

    /** An ISO-8601 date-time with an offset, or an RFC 2822 date; null for anything else. */
    public static Instant instant(String text) {
        // a cheap look first: most text is no time, and a failed parse costs an exception
        boolean iso = text.length() >= 20 && text.length() <= 40 && text.charAt(4) == '-' && text.charAt(10) == 'T';
        boolean rfc = text.length() >= 29 && text.length() <= 40 && text.charAt(3) == ',';
        if (!iso && !rfc) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            } catch (DateTimeParseException notEither) {
                return null;
            }
        }
    }
}
