package dev.twin.replayer.validation;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;

/** Parses JSON request bodies; a body that is not JSON becomes a violation that says where it breaks. */
final class JsonBodies {
    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonBodies() {
    }

    /** The parsed body, or null after adding the reason to {@code problems}. */
    static JsonNode parse(byte[] body, java.util.List<Violation> problems) {
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            problems.add(new Violation(Violation.BODY, Violation.BODY, describe(e)));
            return null;
        } catch (IOException e) {
            problems.add(new Violation(Violation.BODY, Violation.BODY, "Invalid JSON body: " + e.getMessage()));
            return null;
        }
    }

    private static String describe(JsonProcessingException e) {
        JsonLocation where = e.getLocation();
        String reason = e.getOriginalMessage() == null ? "malformed" : e.getOriginalMessage();
        int newline = reason.indexOf('\n');
        if (newline > 0) {
            reason = reason.substring(0, newline);
        }
        if (where == null) {
            return "Invalid JSON body: " + reason;
        }
        return "Invalid JSON body at line " + where.getLineNr() + ", column " + where.getColumnNr() + ": " + reason;
    }
}
