package dev.twin.inference.resource;

import com.fasterxml.jackson.databind.JsonNode;
import dev.twin.replayer.internal.convention.SentTime;

import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Times the server rewrites into a format of its own ({@code fields.times}): Alertmanager is sent
 * {@code 2031-01-02T00:00:00Z} and answers {@code 2031-01-02T00:00:00.000Z}. Each time a write sent is remembered by
 * its field and instant; a row answered later holding the same instant under the same field, written otherwise,
 * shows the format the server keeps. A field is rewritten when every such answer wrote it in one format the twin
 * knows, and every answer that kept a sent value as it was had sent it in that format already.
 *
 * <p>Bounded: at most {@value #MAX_SENT} sent times are remembered per table, the oldest forgotten first.
 */
public final class SentTimes {
    private static final int MAX_SENT = 4096;
    private static final Map<String, Pattern> FORMATS = new LinkedHashMap<>();

    static {
        FORMATS.put("iso8601", Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"));
        FORMATS.put("iso8601-millis", Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"));
        FORMATS.put("rfc2822", Pattern.compile("[A-Z][a-z]{2}, \\d\\d [A-Z][a-z]{2} \\d{4} \\d\\d:\\d\\d:\\d\\d \\+0000"));
    }

    private final Map<Resource, Table> byResource = new LinkedHashMap<>();

    /** A time sent under a field, by its instant. */
    private record Sent(String field, long epochMillis) {
    }

    /** What the answers showed of one field: the formats rewritten into, and those kept as sent. */
    private static final class Field {
        final Map<String, Long> rewrittenInto = new TreeMap<>();
        final Map<String, Long> keptAs = new TreeMap<>();
    }

    private static final class Table {
        final Map<Sent, String> sent = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Sent, String> eldest) {
                return size() > MAX_SENT;
            }
        };
        final Map<String, Field> fields = new TreeMap<>();
    }

    /** The top-level fields of a successful write's body that hold a time. */
    public void sent(Resource resource, JsonNode body) {
        if (body == null || !body.isObject()) {
            return;
        }
        Table table = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            Instant instant = field.getValue().isTextual() ? SentTime.instant(field.getValue().textValue()) : null;
            if (instant != null) {
                table = table == null ? byResource.computeIfAbsent(resource, r -> new Table()) : table;
                table.sent.put(new Sent(field.getKey(), instant.toEpochMilli()), field.getValue().textValue());
            }
        }
    }

    /** A row an answer showed: its times compared with the same instants sent under the same fields. */
    public void answered(Resource resource, JsonNode row) {
        Table table = row == null || !row.isObject() ? null : byResource.get(resource);
        if (table == null) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = row.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            Instant instant = field.getValue().isTextual() ? SentTime.instant(field.getValue().textValue()) : null;
            String sent = instant == null ? null : table.sent.get(new Sent(field.getKey(), instant.toEpochMilli()));
            if (sent == null) {
                continue;
            }
            String answered = field.getValue().textValue();
            Field evidence = table.fields.computeIfAbsent(field.getKey(), f -> new Field());
            (sent.equals(answered) ? evidence.keptAs : evidence.rewrittenInto)
                    .merge(String.valueOf(format(answered)), 1L, Long::sum);
        }
    }

    /** Writes {@code fields.times} into each resource whose answers rewrote sent times into one format. */
    public void settle() {
        byResource.forEach((resource, table) -> {
            Map<String, String> times = new TreeMap<>();
            table.fields.forEach((name, field) -> {
                if (field.rewrittenInto.isEmpty()) {
                    return;
                }
                String format = field.rewrittenInto.size() == 1 ? field.rewrittenInto.keySet().iterator().next()
                        : null;
                boolean consistent = format != null && !format.equals("null")
                        && field.keptAs.keySet().stream().allMatch(format::equals);
                long rewritten = field.rewrittenInto.values().stream().mapToLong(Long::longValue).sum();
                if (!consistent) {
                    resource.evidence.add("times: '" + name + "' was answered rewritten as " + field.rewrittenInto
                            .keySet() + " and kept as sent as " + field.keptAs.keySet() + " (null: a format the "
                            + "twin does not write); kept as sent (left for a human)");
                    return;
                }
                times.put(name, format);
                resource.evidence.add("times: '" + name + "' sent as another form of the same instant was answered "
                        + "in " + format + " (" + rewritten + " answer" + (rewritten == 1 ? "" : "s") + ")"
                        + (rewritten == 1 ? " (one sample: low confidence)" : "")
                        + ": the twin rewrites a sent time into it");
            });
            if (times.isEmpty()) {
                return;
            }
            resource.fields = resource.fields.withTimes(times);
        });
    }

    /** The twin.yaml name of the format a time is written in, or null for one the twin does not write. */
    private static String format(String text) {
        for (Map.Entry<String, Pattern> format : FORMATS.entrySet()) {
            if (format.getValue().matcher(text).matches()) {
                return format.getKey();
            }
        }
        return null;
    }
}
