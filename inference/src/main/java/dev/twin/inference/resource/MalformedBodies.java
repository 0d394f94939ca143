package dev.twin.inference.resource;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.twin.recorder.Exchange;
import dev.twin.recorder.Headers;
import dev.twin.replayer.config.JsonSyntaxDialect;
import dev.twin.replayer.config.MalformedBody;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How the API answers a request body that is not JSON ({@code conventions.errors.malformedBody}), from the writes
 * of the recording that sent one and were refused (4xx). The answer's text is learned as a parser's dialect when
 * that parser's message for the bytes each of them sent, between one fixed prefix and suffix, is exactly the text
 * recorded (Go's {@code invalid character 'o' in literal null (expecting 'u')} and {@code http.Error}'s newline);
 * else, when every such answer was the same text, as that constant; else not at all.
 */
public final class MalformedBodies {
    /** Strict: trailing tokens make a body malformed too, as they do for the parsers dialects model. */
    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final int MAX_SAMPLES = 32;

    /** One refused malformed write: the bytes sent, and the answer's status, type and text. */
    private record Sample(byte[] sent, int status, String contentType, String answer) {
    }

    /** The text around a parser's message in an answer. */
    private record Frame(String prefix, String suffix) {
    }

    /** The decision and the report's line for it. */
    public record Found(MalformedBody answer, String evidence) {
    }

    private final List<Sample> samples = new ArrayList<>();
    /** Writes with a body that is not JSON that the API accepted: then it does not check, and nothing is learned. */
    private long accepted;

    /** Notes the exchange when it is a write with a body that is not JSON, refused with a 4xx. */
    public void accept(Exchange exchange) {
        int status = exchange.response().status();
        if (status >= 200 && status < 300 && isMalformedJson(exchange)) {
            accepted++;
            return;
        }
        if (status < 400 || status >= 500 || samples.size() >= MAX_SAMPLES || exchange.request().body().isEmpty()
                || exchange.request().body().truncated() || exchange.response().body().truncated()) {
            return;
        }
        if (!isMalformedJson(exchange)) {
            return;
        }
        samples.add(new Sample(exchange.request().body().bytes(), status,
                Headers.first(exchange.response().headers(), "Content-Type").orElse(null),
                exchange.response().body().text()));
    }

    /** A body sent as JSON (or untyped) that is not JSON. */
    private static boolean isMalformedJson(Exchange exchange) {
        String sentType = Headers.first(exchange.request().headers(), "Content-Type").orElse("")
                .toLowerCase(Locale.ROOT);
        return !exchange.request().body().isEmpty() && !exchange.request().body().truncated()
                && (sentType.isEmpty() || sentType.contains("json")) && !parses(exchange.request().body().bytes());
    }

    private static boolean parses(byte[] body) {
        try {
            STRICT.readTree(body);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The learned answer, or empty when no malformed body was refused or the answers disagree. */
    public Optional<Found> result() {
        if (samples.isEmpty()) {
            return Optional.empty();
        }
        if (accepted > 0) {
            return Optional.of(new Found(null, "errors: " + accepted + " write(s) with a body that is not JSON were "
                    + "accepted, so the API does not always refuse one; its refusals of others are not generalised"));
        }
        Sample first = samples.get(0);
        String count = samples.size() == 1 ? "1 write" : samples.size() + " writes";
        String were = samples.size() == 1 ? " was" : " were";
        boolean alike = samples.stream().allMatch(s -> s.status() == first.status()
                && java.util.Objects.equals(s.contentType(), first.contentType()));
        if (!alike || first.contentType() == null) {
            return Optional.of(new Found(null, "errors: " + count + " sent a body that is not JSON and" + were
                    + " refused with different statuses or content types (or none): the twin answers them as its own "
                    + "validation error"));
        }
        boolean jsonAnswer = first.contentType().toLowerCase(Locale.ROOT).contains("json");
        for (JsonSyntaxDialect dialect : JsonSyntaxDialect.values()) {
            Optional<Frame> frame = frame(dialect, jsonAnswer);
            if (frame.isPresent()) {
                long distinct = samples.stream().map(s -> dialect.messageFor(s.sent())).distinct().count();
                String confidence = distinct > 1 ? "high confidence: " + distinct + " different messages reproduced"
                        : "medium confidence: one message reproduced";
                return Optional.of(new Found(new MalformedBody(first.status(), first.contentType(), dialect,
                        frame.get().prefix(), frame.get().suffix(), null), "errors: " + count + " sent a body that is not JSON "
                        + "and" + were + " answered " + first.status() + " " + first.contentType()
                        + "; the text is the "
                        + dialect.yamlName() + " JSON parser's own message for the bytes sent, exactly (prefix "
                        + quoted(frame.get().prefix()) + ", suffix " + quoted(frame.get().suffix()) + "), so the twin words a "
                        + "malformed body's answer as that parser does (" + confidence + ")"));
            }
        }
        boolean constant = samples.stream().allMatch(s -> s.answer().equals(first.answer()));
        if (!constant) {
            return Optional.of(new Found(null, "errors: " + count + " sent a body that is not JSON and" + were
                    + " answered " + first.status() + " with texts that differ and that no known parser dialect "
                    + "reproduces: the twin answers them as its own validation error"));
        }
        return Optional.of(new Found(new MalformedBody(first.status(), first.contentType(), null, null, null,
                first.answer()), "errors: " + count + " sent a body that is not JSON and" + were
                + " answered " + first.status() + " " + first.contentType() + "; no known parser dialect reproduces "
                + "the text" + (jsonAnswer ? " (nor the strings of the JSON answer)" : "")
                + ", so the wording could not "
                + "be generalised: the twin answers the recorded text as a constant (low confidence)"));
    }

    /**
     * The prefix and suffix around the dialect's message that every sample's answer shares, if any; in a JSON answer
     * the message as it is written inside a JSON string (escaped), and the whole must read as JSON.
     */
    private Optional<Frame> frame(JsonSyntaxDialect dialect, boolean jsonAnswer) {
        Frame frame = null;
        for (Sample sample : samples) {
            String message = dialect.messageFor(sample.sent());
            if (message != null && jsonAnswer) {
                message = MalformedBody.inJsonString(message);
                if (!parses(sample.answer().getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
                    return Optional.empty();
                }
            }
            int at = message == null ? -1 : sample.answer().indexOf(message);
            if (at < 0 || sample.answer().indexOf(message, at + 1) >= 0) {
                return Optional.empty();
            }
            Frame own = new Frame(sample.answer().substring(0, at), sample.answer().substring(at + message.length()));
            if (frame != null && !frame.equals(own)) {
                return Optional.empty();
            }
            frame = own;
        }
        return Optional.ofNullable(frame);
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\n", "\\n").replace("\r", "\\r") + "\"";
    }

    /** The {@code conventions.errors.malformedBody} mapping. */
    public static Map<String, Object> toYaml(MalformedBody answer) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", answer.status());
        out.put("contentType", answer.contentType());
        if (answer.dialect() != null) {
            out.put("dialect", answer.dialect().yamlName());
            if (!answer.prefix().isEmpty()) {
                out.put("prefix", answer.prefix());
            }
            if (!answer.suffix().isEmpty()) {
                out.put("suffix", answer.suffix());
            }
        } else {
            out.put("body", answer.body());
        }
        return out;
    }
}
