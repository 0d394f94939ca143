package dev.twin.recorder.har;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.twin.recorder.Body;
import dev.twin.recorder.Exchange;
import dev.twin.recorder.Header;
import dev.twin.recorder.Headers;
import dev.twin.recorder.PrivateFiles;
import dev.twin.recorder.RecordedRequest;
import dev.twin.recorder.RecordedResponse;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.List;

/**
 * Writes exchanges as a HAR 1.2 file (the format Chrome DevTools, Firefox and mitmproxy read), one entry at a time
 * so a large store never sits in memory. Bodies that are not UTF-8 text are written base64-encoded. What HAR has
 * no field for (id, session, client address, failure, truncation, exact start time) goes into a custom
 * {@code _twin} object per entry, so {@link HarImporter} restores the exchanges exactly.
 */
public final class HarExporter {
    private static final JsonFactory JSON = new JsonFactory();
    private static final String VERSION = "0.1.0";

    private HarExporter() {
    }

    /**
     * Writes the HAR file (0600, owner-only: it holds recorded traffic) and returns how many entries it holds. The
     * file appears only once complete; on failure nothing is left behind and an existing file is kept.
     */
    public static long export(Iterator<Exchange> exchanges, Path file) throws IOException {
        return PrivateFiles.write(file, out -> write(exchanges, out));
    }

    public static long write(Iterator<Exchange> exchanges, OutputStream out) throws IOException {
        long count = 0;
        try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeObjectFieldStart("log");
            json.writeStringField("version", "1.2");
            json.writeObjectFieldStart("creator");
            json.writeStringField("name", "twin");
            json.writeStringField("version", VERSION);
            json.writeEndObject();
            json.writeArrayFieldStart("pages");
            json.writeEndArray();
            json.writeArrayFieldStart("entries");
            while (exchanges.hasNext()) {
                writeEntry(json, exchanges.next());
                count++;
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndObject();
        }
        return count;
    }

    private static void writeEntry(JsonGenerator json, Exchange exchange) throws IOException {
        double millis = exchange.durationMicros() / 1000.0;
        json.writeStartObject();
        json.writeStringField("startedDateTime", exchange.startedAt().truncatedTo(ChronoUnit.MILLIS).toString());
        json.writeNumberField("time", millis);
        writeRequest(json, exchange.request());
        writeResponse(json, exchange);
        json.writeObjectFieldStart("cache");
        json.writeEndObject();
        writeTimings(json, millis);
        if (exchange.failure() != null) {
            json.writeStringField("_error", exchange.failure().kind() + ": " + exchange.failure().message());
        }
        TwinFields.write(json, exchange);
        json.writeEndObject();
    }

    private static void writeRequest(JsonGenerator json, RecordedRequest request) throws IOException {
        json.writeObjectFieldStart("request");
        json.writeStringField("method", request.method());
        json.writeStringField("url", HarUrl.of(request));
        json.writeStringField("httpVersion", "HTTP/1.1");
        HarCookies.writeRequestCookies(json, request.headers());
        writeHeaders(json, request.headers());
        HarQuery.write(json, request.rawQuery());
        if (!request.body().isEmpty()) {
            json.writeObjectFieldStart("postData");
            json.writeStringField("mimeType", Headers.first(request.headers(), "Content-Type").orElse(""));
            BodyText text = BodyText.of(request.body());
            json.writeStringField("text", text.text());
            if (text.base64()) {
                json.writeStringField("encoding", "base64");
            }
            json.writeEndObject();
        }
        json.writeNumberField("headersSize", -1);
        json.writeNumberField("bodySize", request.body().originalSize());
        json.writeEndObject();
    }

    private static void writeResponse(JsonGenerator json, Exchange exchange) throws IOException {
        RecordedResponse response = exchange.response();
        List<Header> headers = response == null ? List.of() : response.headers();
        Body body = response == null ? Body.EMPTY : response.body();
        int status = response == null ? 0 : response.status();
        json.writeObjectFieldStart("response");
        json.writeNumberField("status", status);
        json.writeStringField("statusText", ReasonPhrases.of(status));
        json.writeStringField("httpVersion", "HTTP/1.1");
        HarCookies.writeResponseCookies(json, headers);
        writeHeaders(json, headers);
        json.writeObjectFieldStart("content");
        json.writeNumberField("size", body.bytes().length);
        json.writeStringField("mimeType", Headers.first(headers, "Content-Type").orElse(""));
        if (!body.isEmpty()) {
            BodyText text = BodyText.of(body);
            json.writeStringField("text", text.text());
            if (text.base64()) {
                json.writeStringField("encoding", "base64");
            }
        }
        json.writeEndObject();
        json.writeStringField("redirectURL", Headers.first(headers, "Location").orElse(""));
        json.writeNumberField("headersSize", -1);
        json.writeNumberField("bodySize", response == null ? -1 : body.originalSize());
        json.writeEndObject();
    }

    private static void writeHeaders(JsonGenerator json, List<Header> headers) throws IOException {
        json.writeArrayFieldStart("headers");
        for (Header header : headers) {
            json.writeStartObject();
            json.writeStringField("name", header.name());
            json.writeStringField("value", header.value());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void writeTimings(JsonGenerator json, double millis) throws IOException {
        json.writeObjectFieldStart("timings");
        json.writeNumberField("blocked", -1);
        json.writeNumberField("dns", -1);
        json.writeNumberField("connect", -1);
        json.writeNumberField("ssl", -1);
        json.writeNumberField("send", 0);
        json.writeNumberField("wait", millis);
        json.writeNumberField("receive", 0);
        json.writeEndObject();
    }

}
