package dev.twin.recorder.har;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.twin.recorder.Header;

import java.io.IOException;
import java.util.List;

/** HAR's parsed cookie lists, derived from the Cookie and Set-Cookie headers (which stay the source of truth). */
final class HarCookies {
    private HarCookies() {
    }

    static void writeRequestCookies(JsonGenerator json, List<Header> headers) throws IOException {
        json.writeArrayFieldStart("cookies");
        for (Header header : headers) {
            if (header.name().equalsIgnoreCase("Cookie")) {
                for (String pair : header.value().split(";")) {
                    writeCookie(json, pair);
                }
            }
        }
        json.writeEndArray();
    }

    static void writeResponseCookies(JsonGenerator json, List<Header> headers) throws IOException {
        json.writeArrayFieldStart("cookies");
        for (Header header : headers) {
            if (header.name().equalsIgnoreCase("Set-Cookie")) {
                writeCookie(json, header.value().split(";", 2)[0]);
            }
        }
        json.writeEndArray();
    }

    private static void writeCookie(JsonGenerator json, String pair) throws IOException {
        int equals = pair.indexOf('=');
        if (pair.isBlank()) {
            return;
        }
        json.writeStartObject();
        json.writeStringField("name", equals < 0 ? pair.trim() : pair.substring(0, equals).trim());
        json.writeStringField("value", equals < 0 ? "" : pair.substring(equals + 1).trim());
        json.writeEndObject();
    }
}
