package dev.twin.replayer.config;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;

/**
 * {@code conventions.fields} — how stored rows are turned into response bodies.
 *
 * @param inject constant fields added to every row in responses (string values are Handlebars templates)
 * @param hide   fields never shown
 * @param rename stored name → name in bodies
 * @param ignore request fields the API does not keep (sent, but never in its answers): not stored
 * @param split  request fields sent as one comma-separated string and kept as a list of its parts
 * @param itemOnly fields an item's own answers show and list items leave out (RabbitMQ's {@code incoming})
 * @param copy   dotted path → the shown field whose value answers repeat there, where the row has none
 *               ({@code metadata.description: description})
 * @param order  the shown fields in the order the API sends them; fields not named follow in the order made
 * @param times  request fields holding a time the server keeps in one format of its own, whatever format it was
 *               sent in ({@code endsAt: iso8601-millis}): a sent time is rewritten into it before it is stored
 * @param byClock dotted path → how the answer's value there follows from the clock and two (or one) time fields of
 *               the row ({@code status.state: {from: startsAt, until: endsAt, before: pending, during: active,
 *               after: expired}}), computed whenever a row is answered
 * @param notBeforeNow request fields holding a time the server moves to now when it was sent in the past
 */
public record FieldRules(ObjectNode inject, List<String> hide, Map<String, String> rename, List<String> ignore,
                         List<String> split, List<String> itemOnly, Map<String, String> copy, List<String> order,
                         Map<String, Timestamps.Format> times, Map<String, ClockField> byClock,
                         List<String> notBeforeNow) {
    public static final FieldRules DEFAULTS = new FieldRules(
            JsonNodeFactory.instance.objectNode(), List.of(), Map.of(),
            List.of(), List.of(), List.of(), Map.of(), List.of(), Map.of(), Map.of(), List.of());

    /** Without {@code byClock} and {@code notBeforeNow}. */
    public FieldRules(ObjectNode inject, List<String> hide, Map<String, String> rename, List<String> ignore,
                      List<String> split, List<String> itemOnly, Map<String, String> copy, List<String> order,
                      Map<String, Timestamps.Format> times) {
        this(inject, hide, rename, ignore, split, itemOnly, copy, order, times, null, null);
    }

    /** Without {@code times}. */
    public FieldRules(ObjectNode inject, List<String> hide, Map<String, String> rename, List<String> ignore,
                      List<String> split, List<String> itemOnly, Map<String, String> copy, List<String> order) {
        this(inject, hide, rename, ignore, split, itemOnly, copy, order, null);
    }

    /** Without {@code copy} and {@code order}. */
    public FieldRules(ObjectNode inject, List<String> hide, Map<String, String> rename, List<String> ignore,
                      List<String> split, List<String> itemOnly) {
        this(inject, hide, rename, ignore, split, itemOnly, null, null);
    }

    public FieldRules(ObjectNode inject, List<String> hide, Map<String, String> rename) {
        this(inject, hide, rename, null, null);
    }

    /** Without {@code itemOnly}. */
    public FieldRules(ObjectNode inject, List<String> hide, Map<String, String> rename, List<String> ignore,
                      List<String> split) {
        this(inject, hide, rename, ignore, split, null);
    }

    public FieldRules {
        inject = Merging.copy(inject);
        hide = Merging.copy(hide);
        rename = Merging.copy(rename);
        ignore = ignore == null ? null : List.copyOf(ignore);
        split = split == null ? null : List.copyOf(split);
        itemOnly = itemOnly == null ? null : List.copyOf(itemOnly);
        copy = copy == null ? null : Merging.copy(copy);
        order = order == null ? null : List.copyOf(order);
        times = times == null ? null : Merging.copy(times);
        byClock = byClock == null ? null : Merging.copy(byClock);
        notBeforeNow = notBeforeNow == null ? null : List.copyOf(notBeforeNow);
    }

    /** {@code inject} merges key by key and keeps nulls ({@code description: null} is a value). */
    public FieldRules merge(FieldRules override) {
        return override == null ? this : new FieldRules(Merging.object(inject, override.inject),
                Merging.value(hide, override.hide), Merging.map(rename, override.rename),
                Merging.value(ignore, override.ignore), Merging.value(split, override.split),
                Merging.value(itemOnly, override.itemOnly), Merging.map(copy, override.copy),
                Merging.value(order, override.order), Merging.map(times, override.times),
                Merging.map(byClock, override.byClock), Merging.value(notBeforeNow, override.notBeforeNow));
    }
}
