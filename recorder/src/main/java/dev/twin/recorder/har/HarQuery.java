package dev.twin.recorder.har;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** HAR's decoded queryString list, derived from the raw query (which stays in the URL as sent). */
final class HarQuery {
    private HarQuery() {
    }

    static void write(JsonGenerator json, String rawQuery) throws IOException {
        json.writeArrayFieldStart("queryString");
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                int equals = pair.indexOf('=');
                json.writeStartObject();
                json.writeStringField("name", decode(equals < 0 ? pair : pair.substring(0, equals)));
                json.writeStringField("value", equals < 0 ? "" : decode(pair.substring(equals + 1)));
                json.writeEndObject();
            }
        }
        json.writeEndArray();
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text;
        }
    }
}
