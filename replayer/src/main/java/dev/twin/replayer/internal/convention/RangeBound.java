package dev.twin.replayer.internal.convention;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;

/**
 * A list range's bound as a query sends it: a JSON string ({@code startkey="novel-d"}, as CouchDB's keys are sent)
 * is unquoted, anything else is taken as written. One reading for the twin that applies ranges and for the
 * inference that learns them.
 */
public final class RangeBound {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RangeBound() {
    }

    /** The id text a bound names, or null for null. */
    public static String of(String sent) {
        if (sent != null && sent.length() >= 2 && sent.startsWith("\"") && sent.endsWith("\"")) {
            try {
                JsonNode parsed = JSON.readTree(sent);
                return parsed.isTextual() ? parsed.textValue() : sent;
            } catch (IOException e) {
                return sent;
            }
        }
        return sent;
    }
}
