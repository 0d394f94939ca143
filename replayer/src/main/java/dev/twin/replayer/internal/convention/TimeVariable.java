package dev.twin.replayer.internal.convention;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code time} variable of twin.yaml expressions: one instant of the twin's clock in each form a provider writes
 * it — {@code time.unix} (seconds), {@code time.millis}, {@code time.iso8601} ({@code 2024-05-01T12:00:00Z}),
 * {@code time.iso8601Millis} ({@code 2024-05-01T12:00:00.000Z}) and
 * {@code time.rfc2822} ({@code Wed, 01 May 2024 12:00:00 +0000}, Twilio's).
 */
public final class TimeVariable {
    private TimeVariable() {
    }

    public static Map<String, Object> of(long epochMillis) {
        Map<String, Object> time = new LinkedHashMap<>();
        time.put("unix", Math.floorDiv(epochMillis, 1000L));
        time.put("millis", epochMillis);
        time.put("iso8601", TimestampFormat.ISO8601.format(epochMillis).textValue());
        time.put("iso8601Millis", TimestampFormat.ISO8601_MILLIS.format(epochMillis).textValue());
        time.put("rfc2822", TimestampFormat.RFC2822.format(epochMillis).textValue());
        return time;
    }
}
