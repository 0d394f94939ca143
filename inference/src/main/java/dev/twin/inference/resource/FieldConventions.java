package dev.twin.inference.resource;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the server does to a table's row fields, as inference read it: twin.yaml's {@code response.fields}.
 *
 * @param inject   fields every answer carries without the client sending them: a constant, or a template on the
 *                 row ({@code {{item.id}}})
 * @param ignore   fields the server ignores (sent with a value, never answered)
 * @param split    fields sent as a comma-separated string and answered as the list of its parts
 * @param rename   sent name → the name answers hold it under
 * @param itemOnly fields an item read shows and a listed item does not
 * @param hide     fields the twin keeps and never answers (an id named only by the path)
 * @param copy     row path → the field whose value it repeats
 * @param order    the order answers list the fields in, or empty: the twin's own
 * @param times    sent time field → the format the server rewrites it into ({@code iso8601-millis})
 * @param byClock  dotted path → the rule computing it from the clock and the row's times ({@code from, until,
 *                 before, during, after}), as {@code fields.byClock} writes it
 * @param notBeforeNow sent time fields the server moves to now when they lie in the past
 */
public record FieldConventions(Map<String, JsonNode> inject, List<String> ignore, List<String> split,
                               Map<String, String> rename, List<String> itemOnly, List<String> hide,
                               Map<String, String> copy, List<String> order, Map<String, String> times,
                               Map<String, Map<String, Object>> byClock, List<String> notBeforeNow) {
    static final FieldConventions NONE = new FieldConventions(Map.of(), List.of(), List.of(), Map.of(), List.of(),
            List.of(), Map.of(), List.of(), Map.of(), Map.of(), List.of());

    /** Without {@code byClock} and {@code notBeforeNow}. */
    public FieldConventions(Map<String, JsonNode> inject, List<String> ignore, List<String> split,
                            Map<String, String> rename, List<String> itemOnly, List<String> hide,
                            Map<String, String> copy, List<String> order, Map<String, String> times) {
        this(inject, ignore, split, rename, itemOnly, hide, copy, order, times, Map.of(), List.of());
    }

    public FieldConventions withCopy(Map<String, String> copy) {
        return new FieldConventions(inject, ignore, split, rename, itemOnly, hide, copy, order, times, byClock,
                notBeforeNow);
    }

    public FieldConventions withOrder(List<String> order) {
        return new FieldConventions(inject, ignore, split, rename, itemOnly, hide, copy, order, times, byClock,
                notBeforeNow);
    }

    public FieldConventions withTimes(Map<String, String> times) {
        return new FieldConventions(inject, ignore, split, rename, itemOnly, hide, copy, order, times, byClock,
                notBeforeNow);
    }

    public FieldConventions withByClock(Map<String, Map<String, Object>> byClock) {
        return new FieldConventions(inject, ignore, split, rename, itemOnly, hide, copy, order, times, byClock,
                notBeforeNow);
    }

    public FieldConventions withNotBeforeNow(List<String> notBeforeNow) {
        return new FieldConventions(inject, ignore, split, rename, itemOnly, hide, copy, order, times, byClock,
                notBeforeNow);
    }

    public boolean isEmpty() {
        return toYaml().isEmpty();
    }

    /** The {@code fields:} mapping. */
    public Map<String, Object> toYaml() {
        Map<String, Object> out = new LinkedHashMap<>();
        putIfAny(out, "inject", inject);
        putIfAny(out, "ignore", ignore);
        putIfAny(out, "split", split);
        putIfAny(out, "rename", rename);
        putIfAny(out, "itemOnly", itemOnly);
        putIfAny(out, "hide", hide);
        putIfAny(out, "copy", copy);
        putIfAny(out, "order", order);
        putIfAny(out, "times", times);
        putIfAny(out, "byClock", byClock);
        putIfAny(out, "notBeforeNow", notBeforeNow);
        return out;
    }

    private static void putIfAny(Map<String, Object> out, String key, Map<String, ?> value) {
        if (!value.isEmpty()) {
            out.put(key, value);
        }
    }

    private static void putIfAny(Map<String, Object> out, String key, List<String> value) {
        if (!value.isEmpty()) {
            out.put(key, value);
        }
    }
}
