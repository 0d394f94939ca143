package dev.twin.replayer.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.recorder.Body;
import dev.twin.recorder.Exchange;
import dev.twin.recorder.Header;
import dev.twin.recorder.RecordedRequest;
import dev.twin.recorder.RecordedResponse;
import dev.twin.recorder.redact.Redactor;
import dev.twin.replayer.config.Binding;
import dev.twin.replayer.http.TwinRequest;
import dev.twin.replayer.http.TwinResponse;
import dev.twin.replayer.journal.AnswerOrigin;
import dev.twin.replayer.journal.EmittedEvent;
import dev.twin.replayer.journal.ExchangeDetail;
import dev.twin.replayer.response.AnswerSource;
import dev.twin.replayer.state.RowChange;
import dev.twin.replayer.validation.Violation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Journal entries as {@code /__twin/requests} shows them: a summary line per entry (also what the live stream
 * sends), and the whole detail of one. {@code answeredBy} names what answered in one place: the sandbox control,
 * else the table and binding, the recording, the spec's example or a generated body, or the twin's own error.
 * Credentials in the detail's headers and bodies are redacted as {@code twin record} redacts them.
 */
final class JournalJson {
    private static final Redactor REDACTOR = Redactor.defaults();

    private final Function<String, Binding> bindings;

    /** @param bindings the {@code extend} binding of an operation id in the configuration served, or null */
    JournalJson(Function<String, Binding> bindings) {
        this.bindings = bindings;
    }

    ObjectNode summary(long sequence, JournalEntry entry) {
        ObjectNode item = ExchangeJson.object().put("seq", sequence).put("at", entry.at().toString())
                .put("method", entry.method()).put("path", entry.path()).put("tenant", entry.tenant())
                .put("status", entry.status()).put("operation", entry.operation())
                .put("source", entry.source().name().toLowerCase(Locale.ROOT));
        if (entry.note() != null) {
            item.put("note", entry.note());
        }
        item.set("answeredBy", answeredBy(entry));
        item.put("detail", entry.detail() != null);
        return item;
    }

    ObjectNode full(long sequence, JournalEntry entry) {
        ObjectNode item = summary(sequence, entry);
        ExchangeDetail detail = entry.detail();
        if (detail == null) {
            return item;
        }
        Exchange shown = REDACTOR.redact(exchange(entry.at(), detail));
        ObjectNode request = item.putObject("request");
        request.put("query", shown.request().rawQuery());
        ExchangeJson.message(request, shown.request().headers(), shown.request().body());
        ObjectNode response = item.putObject("response").put("status", shown.response().status());
        ExchangeJson.message(response, shown.response().headers(), shown.response().body());
        ArrayNode violations = item.putArray("violations");
        for (Violation violation : detail.violations()) {
            violations.addObject().put("param", violation.param()).put("location", violation.location())
                    .put("reason", violation.reason());
        }
        ArrayNode changes = item.putArray("changes");
        for (RowChange change : detail.changes()) {
            ObjectNode row = changes.addObject().put("table", change.table()).put("id", change.id())
                    .put("change", change.before() == null ? "created" : change.after() == null ? "deleted"
                            : "updated");
            row.set("before", change.before() == null ? null : change.before().data());
            row.set("after", change.after() == null ? null : change.after().data());
        }
        ArrayNode events = item.putArray("events");
        for (EmittedEvent event : detail.events()) {
            events.addObject().put("id", event.id()).put("type", event.type()).put("tenant", event.tenant());
        }
        return item;
    }

    /** {@code {"kind", "name", "text"}}: what answered, from the most specific fact the entry holds. */
    private ObjectNode answeredBy(JournalEntry entry) {
        ExchangeDetail detail = entry.detail();
        AnswerOrigin origin = detail == null ? null : detail.origin();
        ObjectNode by = ExchangeJson.object();
        if (origin != null && origin.kind() != AnswerOrigin.Kind.LATENCY) {
            String kind = origin.kind().name().toLowerCase(Locale.ROOT);
            String text = switch (origin.kind()) {
                case SCENARIO -> "scenario " + origin.name();
                case FAULT -> "fault rule " + origin.name();
                case RATE_LIMIT -> "rate limit " + origin.name() + " (bucket empty)";
                default -> "the event log (" + origin.name() + ")";
            };
            return by.put("kind", kind).put("name", origin.name()).put("text", text);
        }
        String delayed = origin == null ? "" : ", delayed by fault rule " + origin.name();
        AnswerSource source = entry.source();
        if (source == AnswerSource.TABLE) {
            Binding binding = entry.operation() == null ? null : bindings.apply(entry.operation());
            if (binding != null && binding.table() != null) {
                return by.put("kind", "table").put("name", binding.table()).put("text", "table " + binding.table()
                        + " (" + binding.action().name().toLowerCase(Locale.ROOT) + ", binding "
                        + binding.mock() + (binding.derived() ? ", stateful: auto" : "") + ")" + delayed);
            }
            return by.put("kind", "table").putNull("name").put("text", "the tables" + delayed);
        }
        String kind = source.name().toLowerCase(Locale.ROOT);
        String text = switch (source) {
            case RECORDING -> entry.note() != null && entry.note().startsWith("recording #")
                    ? entry.note().split(";", 2)[0] : "a recording";
            case SPEC_EXAMPLE -> "the spec's example";
            case GENERATED -> "generated from the spec's schema";
            case ERROR -> "twin's own error (routing, validation or a failure)";
            default -> "the admin API";
        };
        return by.put("kind", kind).putNull("name").put("text", text + delayed);
    }

    /** The detail as a recorded exchange, so that the recorder's redaction applies unchanged. */
    private static Exchange exchange(Instant at, ExchangeDetail detail) {
        TwinRequest request = detail.request();
        List<Header> requestHeaders = new ArrayList<>();
        request.headers().forEach((name, values) -> values.forEach(v -> requestHeaders.add(new Header(name, v))));
        String host = request.header("host");
        RecordedRequest recordedRequest = new RecordedRequest(request.method(), "http",
                host == null ? "" : host, 0, request.path(), request.rawQuery(), requestHeaders,
                body(request.body(), detail.requestBodyTruncated()));
        TwinResponse response = detail.response();
        List<Header> responseHeaders = new ArrayList<>();
        for (Map.Entry<String, String> header : response.headers().entrySet()) {
            responseHeaders.add(new Header(header.getKey(), header.getValue()));
        }
        RecordedResponse recordedResponse = new RecordedResponse(response.status(), responseHeaders,
                body(response.body(), detail.responseBodyTruncated()));
        return new Exchange(0, "journal", at, 0, request.remoteAddress(), recordedRequest, recordedResponse, null,
                false);
    }

    private static Body body(byte[] bytes, boolean truncated) {
        return new Body(bytes, truncated, bytes.length, null);
    }
}
