package dev.twin.recorder.har;

import com.fasterxml.jackson.databind.JsonNode;
import dev.twin.recorder.Body;
import dev.twin.recorder.Exchange;
import dev.twin.recorder.Failure;
import dev.twin.recorder.Header;
import dev.twin.recorder.Headers;
import dev.twin.recorder.RecordedRequest;
import dev.twin.recorder.RecordedResponse;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns one HAR entry into an exchange. Lenient about what browsers and mitmproxy leave out (timings, sizes,
 * bodies, cookies); strict only about what an exchange cannot do without: the request method and URL.
 * HAR bodies are already decoded, so {@code contentEncoding} is taken from the Content-Encoding header as a note.
 * HTTP/2 pseudo-headers (":authority", ...) are dropped.
 */
final class HarEntryReader {
    private final Path file;
    private final String session;
    private final String fallbackSession;

    HarEntryReader(Path file, String session, String fallbackSession) {
        this.file = file;
        this.session = session;
        this.fallbackSession = fallbackSession;
    }

    Exchange read(JsonNode entry, String path) {
        JsonNode twin = entry.path("_twin");
        RecordedRequest request = request(entry.path("request"), twin, path + ".request");
        JsonNode response = entry.path("response");
        int status = response.path("status").asInt(0);
        boolean hasResponse = twin.isObject() ? twin.path("hasResponse").asBoolean() : status > 0;
        Failure failure = twin.isObject() ? TwinFields.failure(twin)
                : hasResponse ? null : new Failure(Failure.Kind.UPSTREAM_ERROR,
                entry.path("_error").asText("no response in the HAR entry"));
        return new Exchange(0, session(twin), startedAt(entry, twin, path), durationMicros(entry, twin),
                twin.hasNonNull("clientAddress") ? twin.get("clientAddress").asText() : null, request,
                hasResponse ? response(response, twin) : null, failure, twin.path("tunnelled").asBoolean(false));
    }

    private String session(JsonNode twin) {
        if (session != null) {
            return session;
        }
        return twin.hasNonNull("session") ? twin.get("session").asText() : fallbackSession;
    }

    private RecordedRequest request(JsonNode request, JsonNode twin, String path) {
        String method = required(request, "method", path);
        String url = required(request, "url", path);
        HarUrl.Parts parts;
        try {
            parts = HarUrl.parse(url);
        } catch (IllegalArgumentException e) {
            throw problem(path + ".url", e.getMessage());
        }
        List<Header> headers = headers(request.path("headers"));
        JsonNode postData = request.path("postData");
        byte[] bytes = postData.has("text") ? text(postData, postData.path("encoding").asText(""))
                : paramsAsForm(postData.path("params"));
        return new RecordedRequest(method, parts.scheme(), parts.host(), parts.port(), parts.path(),
                parts.rawQuery(), headers, body(twin.path("requestBody"), bytes, headers, request));
    }

    private static RecordedResponse response(JsonNode response, JsonNode twin) {
        List<Header> headers = headers(response.path("headers"));
        JsonNode content = response.path("content");
        byte[] bytes = text(content, content.path("encoding").asText(""));
        return new RecordedResponse(response.path("status").asInt(), headers,
                body(twin.path("responseBody"), bytes, headers, response));
    }

    private static Body body(JsonNode meta, byte[] bytes, List<Header> headers, JsonNode message) {
        if (meta.isObject()) {
            return TwinFields.body(meta, bytes);
        }
        if (bytes.length == 0) {
            return Body.EMPTY;
        }
        long wireSize = message.path("bodySize").asLong(-1);
        return new Body(bytes, false, wireSize > 0 ? wireSize : bytes.length,
                Headers.first(headers, "Content-Encoding").orElse(null));
    }

    private static byte[] text(JsonNode holder, String encoding) {
        if (!holder.hasNonNull("text")) {
            return new byte[0];
        }
        return new BodyText(holder.get("text").asText(), encoding.equalsIgnoreCase("base64")).bytes();
    }

    private static byte[] paramsAsForm(JsonNode params) {
        List<String> pairs = new ArrayList<>();
        for (JsonNode param : params) {
            pairs.add(URLEncoder.encode(param.path("name").asText(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(param.path("value").asText(), StandardCharsets.UTF_8));
        }
        return String.join("&", pairs).getBytes(StandardCharsets.UTF_8);
    }

    private static List<Header> headers(JsonNode array) {
        List<Header> headers = new ArrayList<>();
        for (JsonNode header : array) {
            String name = header.path("name").asText("");
            if (!name.isEmpty() && !name.startsWith(":")) {
                headers.add(new Header(name, header.path("value").asText("")));
            }
        }
        return headers;
    }

    private Instant startedAt(JsonNode entry, JsonNode twin, String path) {
        String text = twin.hasNonNull("startedAt") ? twin.get("startedAt").asText()
                : entry.path("startedDateTime").asText("");
        if (text.isEmpty()) {
            return Instant.EPOCH;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw problem(path + ".startedDateTime", "not an ISO 8601 date-time: " + text);
        }
    }

    private static long durationMicros(JsonNode entry, JsonNode twin) {
        if (twin.has("durationMicros")) {
            return twin.get("durationMicros").asLong();
        }
        double millis = entry.path("time").asDouble(0);
        return millis > 0 ? Math.round(millis * 1000) : 0;
    }

    private String required(JsonNode node, String field, String path) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw problem(path + "." + field, "missing");
        }
        return value.asText();
    }

    private HarException problem(String path, String what) {
        return new HarException(file + ": " + path + ": " + what);
    }
}
