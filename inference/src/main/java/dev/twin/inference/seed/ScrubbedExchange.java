package dev.twin.inference.seed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.recorder.Body;
import dev.twin.recorder.Exchange;
import dev.twin.recorder.Header;
import dev.twin.recorder.Headers;
import dev.twin.recorder.RecordedRequest;
import dev.twin.recorder.RecordedResponse;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A recorded exchange made fit to ship beside a twin, scrubbed as the seeds are ({@link Scrubber}): emails moved to
 * example.com, phone and card numbers replaced by test ones, secrets and the recorder's {@code redacted:}
 * fingerprints replaced; credential and cookie headers left out. JSON and form bodies are scrubbed field by field
 * (so a field named {@code password} goes whatever its value), query values one by one, other text whole; binary
 * bodies are kept as recorded (the recorder already redacted what it knows of them).
 */
public final class ScrubbedExchange {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> CREDENTIAL_HEADERS = Set.of("authorization", "proxy-authorization", "cookie",
            "set-cookie", "x-api-key", "api-key");

    private ScrubbedExchange() {
    }

    public static Exchange of(Exchange exchange) {
        RecordedRequest request = exchange.request();
        RecordedRequest scrubbedRequest = new RecordedRequest(request.method(), request.scheme(), request.host(),
                request.port(), Scrubber.scrubText(request.path()), query(request.rawQuery()),
                headers(request.headers()), body(request.headers(), request.body()));
        RecordedResponse response = exchange.response();
        RecordedResponse scrubbedResponse = response == null ? null : new RecordedResponse(response.status(),
                headers(response.headers()), body(response.headers(), response.body()));
        return new Exchange(exchange.id(), exchange.session(), exchange.startedAt(), exchange.durationMicros(),
                "127.0.0.1", scrubbedRequest, scrubbedResponse, exchange.failure(), exchange.tunnelled());
    }

    private static List<Header> headers(List<Header> headers) {
        List<Header> out = new ArrayList<>(headers.size());
        for (Header header : headers) {
            String name = header.name().toLowerCase(Locale.ROOT);
            if (CREDENTIAL_HEADERS.contains(name) || name.contains("token") || name.contains("secret")) {
                continue;
            }
            out.add(new Header(header.name(), Scrubber.scrubText(header.value())));
        }
        return out;
    }

    private static String query(String rawQuery) {
        return rawQuery == null ? null : form(rawQuery);
    }

    private static Body body(List<Header> headers, Body body) {
        if (body.isEmpty()) {
            return body;
        }
        String type = Headers.first(headers, "Content-Type").orElse("").toLowerCase(Locale.ROOT);
        String scrubbed;
        if (type.contains("json")) {
            try {
                JsonNode tree = JSON.readTree(body.bytes());
                JsonNode clean = Scrubber.scrub(tree);
                // the bytes as recorded (the API's own layout) unless scrubbing changed a value
                scrubbed = clean.equals(tree) ? null : JSON.writeValueAsString(clean);
            } catch (java.io.IOException e) {
                scrubbed = Scrubber.scrubText(body.text());
            }
        } else if (type.startsWith("application/x-www-form-urlencoded")) {
            scrubbed = form(body.text());
        } else if (type.startsWith("text/") || type.contains("xml")) {
            scrubbed = Scrubber.scrubText(body.text());
        } else {
            return body;
        }
        if (scrubbed == null || scrubbed.equals(body.text())) {
            return body;
        }
        byte[] bytes = scrubbed.getBytes(StandardCharsets.UTF_8);
        return new Body(bytes, body.truncated(), bytes.length, null);
    }

    /** Each {@code name=value} pair scrubbed by its name and value, in order; percent-encoding made canonical. */
    private static String form(String text) {
        StringBuilder out = new StringBuilder();
        for (String pair : text.split("&", -1)) {
            if (out.length() > 0) {
                out.append('&');
            }
            int equals = pair.indexOf('=');
            if (equals < 0) {
                out.append(pair);
                continue;
            }
            String name = decode(pair.substring(0, equals));
            String value = decode(pair.substring(equals + 1));
            ObjectNode field = JsonNodeFactory.instance.objectNode().put(name, value);
            String clean = Scrubber.scrub(field).get(name).asText();
            out.append(clean.equals(value) ? pair : pair.substring(0, equals) + '='
                    + URLEncoder.encode(clean, StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}
