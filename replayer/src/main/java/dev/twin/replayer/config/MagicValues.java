package dev.twin.replayer.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.replayer.convention.PlainValues;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code magicValues:} — values a client sends that stand for known test data, as Stripe's {@code pm_card_visa},
 * {@code tok_visa} and {@code 4242424242424242} stand for one Visa card. Each catalogue is a list of records,
 * found by the value of any of its key fields; expressions read them as {@code magic.cards['tok_visa']} (null
 * when no record has that value). Built once at load: a look-up is one hash-map read.
 *
 * @param catalogues catalogue name → its records, in the order written
 */
public record MagicValues(Map<String, Catalogue> catalogues) {
    public static final MagicValues NONE = new MagicValues(Map.of());

    /**
     * One catalogue.
     *
     * @param keys    the fields whose values find a record
     * @param records the records, in order
     */
    public record Catalogue(String name, List<String> keys, List<ObjectNode> records) {
        public Catalogue {
            keys = List.copyOf(keys);
            records = records.stream().map(ObjectNode::deepCopy).toList();
        }
    }

    public MagicValues {
        catalogues = Collections.unmodifiableMap(new LinkedHashMap<>(catalogues));
    }

    /**
     * What expressions see as {@code magic}: catalogue name → key value → the record as plain values. Read-only; a
     * value no record has reads as null.
     */
    public Map<String, Map<String, Object>> plain() {
        Map<String, Map<String, Object>> plain = new HashMap<>();
        catalogues.forEach((name, catalogue) -> {
            Map<String, Object> byKey = new HashMap<>();
            for (ObjectNode record : catalogue.records()) {
                Object value = PlainValues.toPlain(record);
                for (String key : catalogue.keys()) {
                    if (record.hasNonNull(key) && record.get(key).isValueNode()) {
                        byKey.putIfAbsent(record.get(key).asText(), deepReadOnly(value));
                    }
                }
            }
            plain.put(name, Collections.unmodifiableMap(byKey));
        });
        return Collections.unmodifiableMap(plain);
    }

    private static Object deepReadOnly(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(k, deepReadOnly(v)));
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(MagicValues::deepReadOnly).toList();
        }
        return value;
    }
}
