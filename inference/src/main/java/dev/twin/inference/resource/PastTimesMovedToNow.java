package dev.twin.inference.resource;

import com.fasterxml.jackson.databind.JsonNode;
import dev.twin.replayer.internal.convention.SentTime;

import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sent times the server moves to now when they lie in the past ({@code fields.notBeforeNow}): Alertmanager, sent a
 * silence starting last year, starts it when it accepts it, and keeps a start in the future as sent. Each successful
 * write's sent times wait, by row id, for the next answer showing that row: a time sent earlier than the write's
 * own time and shown as the write's time (within a second of the exchange) was moved; one shown as sent was kept.
 * A field is moved when every past time sent under it was moved and at least one future time was kept as sent
 * (else the server might stamp its clock whatever is sent).
 *
 * <p>Bounded: at most {@value #MAX_WAITING} writes wait at a time, the oldest forgotten first; an answered row costs
 * one lookup by id.
 */
public final class PastTimesMovedToNow {
    private static final int MAX_WAITING = 1024;
    private static final long SLACK_MILLIS = 1000;

    /** A write's sent times (epoch millis by field) and when the exchange began and ended. */
    private record Written(Map<String, Long> sent, long startMillis, long endMillis) {
    }

    private record Waiting(Resource resource, String id) {
    }

    /** What the answers showed of one field. */
    private static final class Field {
        long pastMoved;
        long pastKept;
        long futureKept;
    }

    private final Map<Waiting, Written> waiting = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Waiting, Written> eldest) {
            return size() > MAX_WAITING;
        }
    };
    private final Map<Resource, Map<String, Field>> byResource = new LinkedHashMap<>();

    /** A successful write of the row {@code id}: its top-level times wait for the row's next answer. */
    public void written(Resource resource, String id, JsonNode sent, Instant startedAt, long durationMicros) {
        if (id == null || sent == null || !sent.isObject()) {
            return;
        }
        Map<String, Long> times = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = sent.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            Instant time = field.getValue().isTextual() ? SentTime.instant(field.getValue().textValue()) : null;
            if (time != null) {
                times.put(field.getKey(), time.toEpochMilli());
            }
        }
        if (!times.isEmpty()) {
            long start = startedAt.toEpochMilli();
            waiting.put(new Waiting(resource, id), new Written(times, start, start + durationMicros / 1000));
        }
    }

    /** A row an answer showed: the times a write of it sent, compared with what it holds now. */
    public void answered(Resource resource, String id, JsonNode row) {
        Written written = waiting.isEmpty() || id == null ? null : waiting.remove(new Waiting(resource, id));
        if (written == null || row == null || !row.isObject()) {
            return;
        }
        Map<String, Field> fields = byResource.computeIfAbsent(resource, r -> new TreeMap<>());
        written.sent().forEach((name, sent) -> {
            JsonNode value = row.get(name);
            Instant shown = value != null && value.isTextual() ? SentTime.instant(value.textValue()) : null;
            if (shown == null) {
                return;
            }
            long at = shown.toEpochMilli();
            Field field = fields.computeIfAbsent(name, n -> new Field());
            boolean past = sent < written.startMillis();
            if (at == sent) {
                if (past) {
                    field.pastKept++;
                } else {
                    field.futureKept++;
                }
            } else if (past && at >= written.startMillis() - SLACK_MILLIS
                    && at <= written.endMillis() + SLACK_MILLIS) {
                field.pastMoved++;
            }
        });
    }

    /** Writes {@code fields.notBeforeNow} into each table whose answers moved past times to the write's time. */
    public void settle() {
        byResource.forEach((resource, fields) -> {
            java.util.List<String> moved = new java.util.ArrayList<>();
            fields.forEach((name, field) -> {
                if (field.pastMoved == 0) {
                    return;
                }
                if (field.pastKept > 0 || field.futureKept == 0) {
                    resource.evidence.add("notBeforeNow: '" + name + "' sent in the past was answered as the "
                            + "write's time " + field.pastMoved + " time(s), but " + (field.pastKept > 0
                            ? "kept as sent " + field.pastKept + " time(s)"
                            : "no time sent in the future was seen kept") + ": not inferred (left for a human)");
                    return;
                }
                moved.add(name);
                resource.evidence.add("notBeforeNow: '" + name + "' sent in the past was answered as the write's "
                        + "own time (" + field.pastMoved + " write" + (field.pastMoved == 1 ? "" : "s")
                        + "), sent in the future kept as sent (" + field.futureKept + "): the twin moves a past "
                        + "time sent there to now" + (field.pastMoved == 1 ? " (one sample: low confidence)" : ""));
            });
            if (!moved.isEmpty()) {
                resource.fields = resource.fields.withNotBeforeNow(moved);
            }
        });
    }
}
