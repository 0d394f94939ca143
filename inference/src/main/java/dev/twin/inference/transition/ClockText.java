package dev.twin.inference.transition;

import com.fasterxml.jackson.databind.JsonNode;
import dev.twin.replayer.internal.convention.SentTime;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A field an action set to the server's clock, written as text: each answer's value a time within two minutes of
 * the call, all in one form the twin's {@code request.time} writes ({@code 2026-12-07T01:07:49Z},
 * {@code 2026-12-07T01:07:49.769Z}, {@code Mon, 07 Dec 2026 01:07:49 +0000}).
 */
final class ClockText {
    private static final long NEAR_SECONDS = 120;
    private static final Pattern ISO_SECONDS = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    private static final Pattern ISO_MILLIS = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    private static final Pattern RFC_2822 = Pattern.compile("[A-Z][a-z]{2}, \\d\\d [A-Z][a-z]{2} \\d{4} "
            + "\\d\\d:\\d\\d:\\d\\d \\+0000");

    private ClockText() {
    }

    /** {@code request.time.iso8601Millis} and the like, or null when the values are not one form of the clock. */
    static String expression(String field, List<ActionSample> samples) {
        String form = null;
        for (ActionSample s : samples) {
            JsonNode value = s.answer().get(field);
            if (value == null || !value.isTextual()) {
                return null;
            }
            String text = value.textValue();
            String own = ISO_MILLIS.matcher(text).matches() ? "iso8601Millis"
                    : ISO_SECONDS.matcher(text).matches() ? "iso8601"
                    : RFC_2822.matcher(text).matches() ? "rfc2822" : null;
            Instant instant = own == null ? null : SentTime.instant(text);
            if (instant == null || (form != null && !form.equals(own))
                    || Math.abs(instant.getEpochSecond() - s.epochSecond()) > NEAR_SECONDS) {
                return null;
            }
            form = own;
        }
        return form == null ? null : "request.time." + form;
    }
}
