package dev.twin.recorder.har;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.twin.recorder.Body;
import dev.twin.recorder.Exchange;
import dev.twin.recorder.Failure;

import java.io.IOException;

/**
 * The custom {@code _twin} object of an exported entry: what a HAR entry has no field for. Its presence on import
 * means the entry came from twin and can be restored exactly.
 */
final class TwinFields {
    private TwinFields() {
    }

    static void write(JsonGenerator json, Exchange exchange) throws IOException {
        json.writeObjectFieldStart("_twin");
        json.writeNumberField("id", exchange.id());
        json.writeStringField("session", exchange.session());
        json.writeStringField("startedAt", exchange.startedAt().toString());
        json.writeNumberField("durationMicros", exchange.durationMicros());
        if (exchange.clientAddress() != null) {
            json.writeStringField("clientAddress", exchange.clientAddress());
        }
        json.writeBooleanField("tunnelled", exchange.tunnelled());
        json.writeBooleanField("hasResponse", exchange.response() != null);
        if (exchange.failure() != null) {
            json.writeObjectFieldStart("failure");
            json.writeStringField("kind", exchange.failure().kind().name());
            json.writeStringField("message", exchange.failure().message());
            json.writeEndObject();
        }
        writeBody(json, "requestBody", exchange.request().body());
        if (exchange.response() != null) {
            writeBody(json, "responseBody", exchange.response().body());
        }
        json.writeEndObject();
    }

    private static void writeBody(JsonGenerator json, String field, Body body) throws IOException {
        json.writeObjectFieldStart(field);
        json.writeBooleanField("truncated", body.truncated());
        json.writeNumberField("originalSize", body.originalSize());
        if (body.contentEncoding() != null) {
            json.writeStringField("contentEncoding", body.contentEncoding());
        }
        json.writeEndObject();
    }

    static Failure failure(JsonNode twin) {
        JsonNode failure = twin.get("failure");
        if (failure == null) {
            return null;
        }
        return new Failure(Failure.Kind.valueOf(failure.path("kind").asText()), failure.path("message").asText());
    }

    /** The body with truncation, size and encoding as recorded. */
    static Body body(JsonNode meta, byte[] bytes) {
        String encoding = meta.hasNonNull("contentEncoding") ? meta.get("contentEncoding").asText() : null;
        return new Body(bytes, meta.path("truncated").asBoolean(false),
                meta.path("originalSize").asLong(bytes.length), encoding);
    }
}
