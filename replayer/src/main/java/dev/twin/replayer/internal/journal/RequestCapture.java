package dev.twin.replayer.internal.journal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.replayer.internal.http.TwinRequest;
import dev.twin.replayer.internal.http.TwinResponse;
import dev.twin.replayer.internal.validation.Violation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Collects the detail of the request being answered on this thread (the request pipeline answers each request on
 * one thread, start to end). The server opens a capture only while detail is wanted; the static hooks the
 * pipeline's links call find none otherwise, at the cost of one volatile read.
 */
public final class RequestCapture implements AutoCloseable {
    private static final ThreadLocal<RequestCapture> CURRENT = new ThreadLocal<>();
    /** Captures open in this JVM (every twin in it). */
    private static final AtomicInteger OPEN = new AtomicInteger();

    private AnswerOrigin origin;
    private List<Violation> violations = List.of();
    private List<ChangedRow> changes;
    private List<EmittedEvent> events;

    private RequestCapture() {
    }

    /** Starts capturing on this thread; {@link #close()} on the same thread. */
    public static RequestCapture open() {
        RequestCapture capture = new RequestCapture();
        CURRENT.set(capture);
        OPEN.incrementAndGet();
        return capture;
    }

    @Override
    public void close() {
        if (CURRENT.get() == this) {
            CURRENT.remove();
            OPEN.decrementAndGet();
        }
    }

    /** A sandbox control answered, or changed the answer; the outermost control reports last and wins. */
    public static void answeredBy(AnswerOrigin.Kind kind, String name) {
        RequestCapture capture = current();
        if (capture != null) {
            capture.origin = new AnswerOrigin(kind, name);
        }
    }

    public static void violations(List<Violation> found) {
        RequestCapture capture = current();
        if (capture != null) {
            capture.violations = List.copyOf(found);
        }
    }

    /** Whether a capture is open anywhere: callers that must convert what they report ask first. */
    public static boolean active() {
        return OPEN.get() > 0;
    }

    public static void rowChanged(String table, String id, ObjectNode before, ObjectNode after) {
        RequestCapture capture = current();
        if (capture != null) {
            if (capture.changes == null) {
                capture.changes = new ArrayList<>(2);
            }
            capture.changes.add(new ChangedRow(table, id, before, after));
        }
    }

    public static void eventEmitted(String tenant, String id, String type) {
        RequestCapture capture = current();
        if (capture != null) {
            if (capture.events == null) {
                capture.events = new ArrayList<>(2);
            }
            capture.events.add(new EmittedEvent(tenant, id, type));
        }
    }

    private static RequestCapture current() {
        return OPEN.get() == 0 ? null : CURRENT.get();
    }

    /** What was captured, with {@code request} and the {@code response} as sent, bodies cut to the limit. */
    public ExchangeDetail detail(TwinRequest request, TwinResponse response) {
        byte[] requestBody = request.body();
        byte[] responseBody = response.body();
        boolean requestCut = requestBody.length > ExchangeDetail.MAX_BODY_BYTES;
        boolean responseCut = responseBody.length > ExchangeDetail.MAX_BODY_BYTES;
        TwinRequest kept = requestCut ? new TwinRequest(request.method(), request.path(), request.rawQuery(),
                request.query(), request.headers(), Arrays.copyOf(requestBody, ExchangeDetail.MAX_BODY_BYTES),
                request.remoteAddress()) : request;
        TwinResponse sent = responseCut ? response.withBody(Arrays.copyOf(responseBody,
                ExchangeDetail.MAX_BODY_BYTES)) : response;
        return new ExchangeDetail(kept, requestCut, sent, responseCut, origin, violations,
                changes == null ? List.of() : changes, events == null ? List.of() : events);
    }
}
