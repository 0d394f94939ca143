package dev.twin.replayer.internal.convention;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.twin.replayer.config.ClockField;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code fields.byClock}: fields an answer computes from the twin's clock and the row's own times, so a silence
 * planned for next year reads {@code pending} today and {@code active} once the twin's clock (moved on, or real)
 * passes its start. Compiled once per table; each answered row costs a parse of one or two times per rule.
 */
final class ClockFields {
    static final ClockFields NONE = new ClockFields(List.of(), Clock.systemUTC(), null);

    /** One rule, its path split once and its values made into nodes once. */
    private record Rule(String[] path, String from, String until, JsonNode before, JsonNode during,
                        JsonNode after) {
    }

    private final List<Rule> rules;
    private final Clock clock;
    /** The first rule's {@code listOrder} over shaped rows (newest first within a value), or null. */
    private final Comparator<ObjectNode> listOrder;

    private ClockFields(List<Rule> rules, Clock clock, Comparator<ObjectNode> listOrder) {
        this.rules = rules;
        this.clock = clock;
        this.listOrder = listOrder;
    }

    /** How lists order their shaped rows by a computed field ({@code listOrder}), or null: their own order. */
    Comparator<ObjectNode> listOrder() {
        return listOrder;
    }

    /** Rows by the place of their value at {@code path} in {@code values}; a value not named after all named. */
    private static Comparator<ObjectNode> rank(String[] path, List<String> values) {
        Map<String, Integer> place = new HashMap<>();
        values.forEach(value -> place.put(value, place.size()));
        return Comparator.comparingInt(row -> {
            JsonNode at = row;
            for (String name : path) {
                at = at.path(name);
            }
            return place.getOrDefault(at.asText(), values.size());
        });
    }

    static ClockFields compile(Map<String, ClockField> byClock, Clock clock) {
        if (byClock == null || byClock.isEmpty()) {
            return NONE;
        }
        List<Rule> rules = new ArrayList<>();
        Comparator<ObjectNode> listOrder = null;
        for (Map.Entry<String, ClockField> entry : byClock.entrySet()) {
            ClockField field = entry.getValue();
            if (field != null) {
                String[] path = entry.getKey().split("\\.");
                rules.add(new Rule(path, field.from(), field.until(), text(field.before()), text(field.during()),
                        text(field.after())));
                if (listOrder == null && !field.listOrder().isEmpty()) {
                    listOrder = rank(path, field.listOrder());
                }
            }
        }
        return rules.isEmpty() ? NONE : new ClockFields(List.copyOf(rules), clock, listOrder);
    }

    private static JsonNode text(String value) {
        return value == null ? null : TextNode.valueOf(value);
    }

    boolean isEmpty() {
        return rules.isEmpty();
    }

    /** Whether a rule computes the top-level field of this name (its stored value is not what answers show). */
    boolean computes(String topLevelField) {
        for (Rule rule : rules) {
            if (rule.path()[0].equals(topLevelField)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Sets each computed field of a shaped row (whose nested objects are the stored row's own: those on the way are
     * replaced by copies). A row lacking a time a rule needs, or in a span whose value was never seen, keeps what it
     * has.
     */
    void apply(ObjectNode shaped) {
        if (rules.isEmpty()) {
            return;
        }
        long now = clock.millis();
        for (Rule rule : rules) {
            Long from = rule.from() == null ? null : millis(shaped.get(rule.from()));
            Long until = rule.until() == null ? null : millis(shaped.get(rule.until()));
            if (rule.from() != null && from == null || rule.until() != null && until == null) {
                continue;
            }
            JsonNode value = from != null && now < from ? rule.before()
                    : until != null && now >= until ? rule.after() : rule.during();
            if (value != null) {
                set(shaped, rule.path(), value);
            }
        }
    }

    private static Long millis(JsonNode time) {
        if (time == null || !time.isTextual()) {
            return null;
        }
        Instant instant = SentTime.instant(time.textValue());
        return instant == null ? null : instant.toEpochMilli();
    }

    private static void set(ObjectNode shaped, String[] path, JsonNode value) {
        ObjectNode at = shaped;
        for (int i = 0; i < path.length - 1; i++) {
            JsonNode next = at.get(path[i]);
            ObjectNode copy;
            if (next == null || next.isNull()) {
                copy = at.objectNode();
            } else if (next instanceof ObjectNode object) {
                copy = object.deepCopy(); // the stored row's own object is shared: change a copy
            } else {
                return;
            }
            at.set(path[i], copy);
            at = copy;
        }
        at.set(path[path.length - 1], value);
    }
}
