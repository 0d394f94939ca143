package dev.twin.replayer.internal.convention;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Twilio's range filters on a list, a parameter named like a field with {@code >} or {@code <} after it:
 * {@code DateSent>=2024-05-01} keeps rows sent on or after that day, {@code DateSent<=2024-05-01T12:00:00} those
 * sent at or before that second (the query's {@code =} separates name and value, so the parameter's name is
 * {@code DateSent>}). Times compare as instants, whichever way the field and the value write them (RFC 2822 as
 * Twilio, ISO 8601, unix seconds; a value without a zone is UTC); a date alone stands for its whole day, also in an
 * equality filter ({@code DateSent=2024-05-01}). Numbers compare as numbers. A row without the field never matches.
 */
final class RangeFilter {
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final DateTimeFormatter RFC_2822 = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z",
            Locale.ROOT);

    enum Bound {
        AT_LEAST, AT_MOST
    }

    private RangeFilter() {
    }

    /** The bound a parameter name ends with ({@code DateSent>} → at least), or null for a plain name. */
    static Bound boundOf(String param) {
        if (param.length() < 2) {
            return null;
        }
        char last = param.charAt(param.length() - 1);
        return last == '>' ? Bound.AT_LEAST : last == '<' ? Bound.AT_MOST : null;
    }

    /** The field name part of a range parameter ({@code DateSent>} → {@code DateSent}). */
    static String fieldOf(String param) {
        return param.substring(0, param.length() - 1);
    }

    /** Whether the row's value lies within the bound; false when either is not a time or a number. */
    static boolean within(JsonNode value, Bound bound, String wanted) {
        if (value == null || value.isNull() || value.isContainerNode()) {
            return false;
        }
        String text = wanted.strip();
        Instant instant = instant(value);
        if (instant != null) {
            Instant[] range = timeRange(text);
            if (range == null) {
                return false;
            }
            return bound == Bound.AT_LEAST ? !instant.isBefore(range[0]) : instant.isBefore(range[1]);
        }
        BigDecimal number = number(value);
        if (number != null && NUMBER.matcher(text).matches()) {
            int order = number.compareTo(new BigDecimal(text));
            return bound == Bound.AT_LEAST ? order >= 0 : order <= 0;
        }
        return false;
    }

    /** An equality filter on a time field: the same day for a date, the same second for a time. */
    static boolean sameTime(JsonNode value, String wanted) {
        if (value == null || value.isNull() || value.isContainerNode() || value.isNumber()) {
            return false;
        }
        Instant instant = instant(value);
        Instant[] range = instant == null ? null : timeRange(wanted.strip());
        return range != null && !instant.isBefore(range[0]) && instant.isBefore(range[1]);
    }

    /** The instants a written value stands for: [start, end) — a whole day for a date, one second for a time. */
    private static Instant[] timeRange(String text) {
        try {
            if (DATE.matcher(text).matches()) {
                LocalDate day = LocalDate.parse(text);
                return new Instant[] {day.atStartOfDay(ZoneOffset.UTC).toInstant(),
                        day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()};
            }
            Instant start = parseTime(text);
            return start == null ? null : new Instant[] {start, start.plusSeconds(1)};
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A field's value as an instant: RFC 2822 or ISO 8601 text; null for anything else (numbers included). */
    private static Instant instant(JsonNode value) {
        if (!value.isTextual()) {
            return null;
        }
        String text = value.textValue().strip();
        if (text.length() < 10 || !(Character.isLetter(text.charAt(0)) || DATE.matcher(text.substring(0, 10))
                .matches())) {
            return null;
        }
        try {
            return parseTime(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Instant parseTime(String text) {
        if (!text.isEmpty() && Character.isLetter(text.charAt(0))) {
            return ZonedDateTime.parse(text, RFC_2822).toInstant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        }
        if (NUMBER.matcher(text).matches()) {
            return Instant.ofEpochSecond(new BigDecimal(text).longValue());
        }
        Instant parsed;
        if (text.endsWith("Z") || text.lastIndexOf('+') > 10 || text.lastIndexOf('-') > 10) {
            parsed = OffsetDateTime.parse(text).toInstant();
        } else {
            parsed = LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        }
        return parsed.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    private static BigDecimal number(JsonNode value) {
        if (value.isNumber()) {
            return value.decimalValue();
        }
        String text = value.asText().strip();
        return NUMBER.matcher(text).matches() ? new BigDecimal(text) : null;
    }
}
