package dev.twin.replayer.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;

/**
 * The one merge rule of {@link Conventions}: an unset (null) override keeps the base; sections and maps merge
 * key by key, where a key set to null removes the inherited entry (except in free-form objects, where null is
 * a value); everything else (scalars, lists, templates) is replaced whole.
 */
final class Merging {
    private Merging() {
    }

    static <T> T value(T base, T override) {
        return override != null ? override : base;
    }

    static <T> T section(T base, T override, BinaryOperator<T> merge) {
        if (base == null) {
            return override;
        }
        return override == null ? base : merge.apply(base, override);
    }

    static <K, V> Map<K, V> map(Map<K, V> base, Map<K, V> override) {
        if (override == null) {
            return base;
        }
        Map<K, V> merged = new LinkedHashMap<>(base == null ? Map.of() : base);
        override.forEach((key, value) -> {
            if (value == null) {
                merged.remove(key);
            } else {
                merged.put(key, value);
            }
        });
        return Collections.unmodifiableMap(merged);
    }

    /**
     * Free-form objects ({@code inject}, {@code extraFields}) merge key by key too, but a null there is a value
     * ({@code description: null} is how Stripe shows an unset field); drop an inherited field with {@code hide}.
     */
    static ObjectNode object(ObjectNode base, ObjectNode override) {
        if (override == null) {
            return base;
        }
        ObjectNode merged = base == null ? override.objectNode() : base.deepCopy();
        merged.setAll(override.deepCopy());
        return merged;
    }

    /** An unmodifiable copy that, unlike {@link Map#copyOf}, keeps insertion order and null values. */
    static <K, V> Map<K, V> copy(Map<K, V> map) {
        return map == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    static <T> List<T> copy(List<T> list) {
        return list == null ? null : List.copyOf(list);
    }

    @SuppressWarnings("unchecked")
    static <T extends JsonNode> T copy(T node) {
        return node == null ? null : (T) node.deepCopy();
    }
}
