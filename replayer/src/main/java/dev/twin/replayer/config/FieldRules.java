package dev.twin.replayer.config;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;

/**
 * {@code conventions.fields} — how stored rows are turned into response bodies.
 *
 * @param inject constant fields added to every row in responses (string values are Handlebars templates)
 * @param hide   fields never shown
 * @param rename stored name → name in bodies
 */
public record FieldRules(ObjectNode inject, List<String> hide, Map<String, String> rename) {
    public static final FieldRules DEFAULTS = new FieldRules(
            com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(), List.of(), Map.of());

    public FieldRules {
        inject = Merging.copy(inject);
        hide = Merging.copy(hide);
        rename = Merging.copy(rename);
    }

    public FieldRules merge(FieldRules override) {
        return override == null ? this : new FieldRules(injected(inject, override.inject),
                Merging.value(hide, override.hide), Merging.map(rename, override.rename));
    }

    /** An injected null is a value ({@code description: null}), so here, unlike other maps, null does not remove. */
    private static ObjectNode injected(ObjectNode base, ObjectNode override) {
        if (override == null) {
            return base;
        }
        ObjectNode merged = base == null ? override.objectNode() : base.deepCopy();
        merged.setAll(override.deepCopy());
        return merged;
    }
}
