package dev.twin.replayer.internal.convention;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.replayer.config.MagicValues;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code magicValues:} as expressions read them ({@code magic.cards['tok_visa']}), built once per loaded config. */
public final class MagicRecords {
    private MagicRecords() {
    }

    /**
     * Catalogue name → key value → the record as plain values. Read-only; a value no record has reads as null.
     */
    public static Map<String, Map<String, Object>> plain(MagicValues magic) {
        Map<String, Map<String, Object>> plain = new HashMap<>();
        magic.catalogues().forEach((name, catalogue) -> {
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
            return list.stream().map(MagicRecords::deepReadOnly).toList();
        }
        return value;
    }
}
