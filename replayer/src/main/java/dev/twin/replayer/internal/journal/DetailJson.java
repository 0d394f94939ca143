package dev.twin.replayer.internal.journal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.recorder.Body;
import dev.twin.recorder.Exchange;
import dev.twin.recorder.Header;
import dev.twin.recorder.RecordedRequest;
import dev.twin.recorder.RecordedResponse;
import dev.twin.recorder.redact.Redactor;
import dev.twin.replayer.internal.http.TwinRequest;
import dev.twin.replayer.internal.http.TwinResponse;
import dev.twin.replayer.internal.validation.Violation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A request's detail as {@code GET /__twin/requests/{seq}} shows it: {@code request} and {@code response} (headers
 * and body), {@code violations}, {@code changes} (rows before and after) and {@code events}. Credentials in headers
 * and bodies are redacted exactly as {@code twin record} stores them.
 */
public final class DetailJson {
    private static final Redactor REDACTOR = Redactor.defaults();

    private DetailJson() {
    }

    /** Adds the detail's fields to {@code item}. */
    public static void write(ObjectNode item, Instant at, ExchangeDetail detail) {
        Exchange shown = REDACTOR.redact(exchange(at, detail));
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
        for (ChangedRow change : detail.changes()) {
            ObjectNode row = changes.addObject().put("table", change.table()).put("id", change.id())
                    .put("change", change.before() == null ? "created" : change.after() == null ? "deleted"
                            : "updated");
            row.set("before", change.before());
            row.set("after", change.after());
        }
        ArrayNode events = item.putArray("events");
        for (EmittedEvent event : detail.events()) {
            events.addObject().put("id", event.id()).put("type", event.type()).put("tenant", event.tenant());
        }
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
