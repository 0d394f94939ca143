package dev.twin.replayer.internal.convention;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** How a row's creation and update times appear in bodies. */
public enum TimestampFormat {
    /** Whole seconds since the epoch, as a number (Stripe's {@code created}). */
    UNIX {
        @Override
        public JsonNode format(long epochMillis) {
            return JsonNodeFactory.instance.numberNode(Math.floorDiv(epochMillis, 1000L));
        }
    },
    /** ISO-8601 in UTC with whole seconds, e.g. {@code 2024-01-15T09:30:00Z}. */
    ISO8601 {
        @Override
        public JsonNode format(long epochMillis) {
            return JsonNodeFactory.instance.textNode(
                    Instant.ofEpochMilli(epochMillis).truncatedTo(ChronoUnit.SECONDS).toString());
        }
    },
    /** ISO-8601 in UTC with three digits of milliseconds, e.g. {@code 2024-01-15T09:30:00.120Z}. */
    ISO8601_MILLIS {
        private static final DateTimeFormatter FORMAT =
                DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

        @Override
        public JsonNode format(long epochMillis) {
            return JsonNodeFactory.instance.textNode(FORMAT.format(Instant.ofEpochMilli(epochMillis)));
        }
    },
    /** RFC 2822 in UTC, e.g. {@code Mon, 15 Jan 2024 09:30:00 +0000} (Twilio's {@code date_created}). */
    RFC2822 {
        private static final DateTimeFormatter FORMAT =
                DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.UTC);

        @Override
        public JsonNode format(long epochMillis) {
            return JsonNodeFactory.instance.textNode(FORMAT.format(Instant.ofEpochMilli(epochMillis)));
        }
    };

    public abstract JsonNode format(long epochMillis);

    /** Parses the twin.yaml spelling ({@code unix}, {@code iso8601}, {@code rfc2822}), or null if unknown. */
    public static TimestampFormat parse(String name) {
        if (name == null) {
            return UNIX;
        }
        return switch (name.toLowerCase(Locale.ROOT).replace("-", "")) {
            case "unix" -> UNIX;
            case "iso8601" -> ISO8601;
            case "iso8601_millis", "iso8601millis" -> ISO8601_MILLIS;
            case "rfc2822" -> RFC2822;
            default -> null;
        };
    }
}
