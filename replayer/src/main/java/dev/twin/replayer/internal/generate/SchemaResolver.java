package dev.twin.replayer.internal.generate;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Follows {@code #/components/schemas/...} references and flattens {@code allOf} into one schema.
 * Flattened schemas and object kinds are computed once per schema instance and cached (the swagger model is
 * treated as immutable once parsed).
 */
final class SchemaResolver {

    static final String COMPONENT_PREFIX = "#/components/schemas/";
    private static final int MAX_REF_HOPS = 32;
    private static final int MAX_MERGE_DEPTH = 16;

    private final Map<String, Schema> components;
    private final Map<IdentityKey, Schema<?>> flattened = new ConcurrentHashMap<>();
    private final Map<PairKey, Schema<?>> combined = new ConcurrentHashMap<>();
    private final Map<IdentityKey, Optional<String>> objectKinds = new ConcurrentHashMap<>();

    SchemaResolver(Components components) {
        Map<String, Schema> schemas = components == null ? null : components.getSchemas();
        this.components = schemas == null ? Map.of() : schemas;
    }

    /** The component name a reference points at, or null for references this resolver cannot follow. */
    static String refName(String ref) {
        return ref != null && ref.startsWith(COMPONENT_PREFIX) ? ref.substring(COMPONENT_PREFIX.length()) : null;
    }

    Schema<?> component(String name) {
        return name == null ? null : components.get(name);
    }

    /** The schema itself, or the end of its reference chain; null when a reference is dangling. */
    Schema<?> resolve(Schema<?> schema) {
        Schema<?> current = schema;
        for (int hops = 0; current != null && current.get$ref() != null; hops++) {
            if (hops == MAX_REF_HOPS) {
                return null;
            }
            current = component(refName(current.get$ref()));
        }
        return current;
    }

    /**
     * Stripe's notion of what an object is: its {@code x-resourceId}, else the single value of its
     * {@code object} property's enum; null when neither is declared.
     */
    String objectKind(Schema<?> schema) {
        Schema<?> resolved = resolve(schema);
        if (resolved == null) {
            return null;
        }
        return objectKinds.computeIfAbsent(new IdentityKey(resolved), key -> Optional.ofNullable(findKind(resolved)))
                .orElse(null);
    }

    private String findKind(Schema<?> schema) {
        Map<String, Object> extensions = schema.getExtensions();
        if (extensions != null && extensions.get("x-resourceId") instanceof String resourceId) {
            return resourceId;
        }
        Schema<?> flat = schema.getAllOf() == null ? schema : flatten(schema);
        if (flat.getProperties() != null) {
            Schema<?> object = resolve(flat.getProperties().get("object"));
            if (object != null && object.getEnum() != null && object.getEnum().size() == 1
                    && object.getEnum().get(0) instanceof String kind) {
                return kind;
            }
        }
        return null;
    }

    /** The schema with its {@code allOf} members merged in; schemas without {@code allOf} come back unchanged. */
    Schema<?> flatten(Schema<?> schema) {
        if (schema.getAllOf() == null || schema.getAllOf().isEmpty()) {
            return schema;
        }
        return flattened.computeIfAbsent(new IdentityKey(schema), key -> merge(schema, 0));
    }

    /** {@code base} (without its compositions) combined with one of its branches; cached per pair. */
    Schema<?> combine(Schema<?> base, Schema<?> branch) {
        return combined.computeIfAbsent(new PairKey(new IdentityKey(base), new IdentityKey(branch)),
                key -> newCombination(base, branch));
    }

    private Schema<?> newCombination(Schema<?> base, Schema<?> branch) {
        Schema<Object> merged = new Schema<>();
        merged.setSpecVersion(base.getSpecVersion());
        copyInto(merged, withoutCompositions(base), 0);
        copyInto(merged, resolve(branch), 0);
        merged.setNullable(base.getNullable());
        return merged;
    }

    private Schema<?> merge(Schema<?> schema, int depth) {
        Schema<Object> merged = new Schema<>();
        merged.setSpecVersion(schema.getSpecVersion());
        boolean allMembersNullable = true;
        for (Schema<?> member : schema.getAllOf()) {
            Schema<?> resolved = resolve(member);
            if (resolved == null) {
                continue;
            }
            allMembersNullable &= Schemas.allowsNull(resolved);
            copyInto(merged, resolved, depth + 1);
        }
        copyInto(merged, withoutCompositions(schema), depth + 1);
        merged.setAllOf(null);
        if (schema.getOneOf() != null) {
            merged.setOneOf(schema.getOneOf());
        }
        if (schema.getAnyOf() != null) {
            merged.setAnyOf(schema.getAnyOf());
        }
        merged.setNullable(Schemas.allowsNull(schema) || allMembersNullable ? Boolean.TRUE : null);
        if (merged.getTypes() != null && !Schemas.allowsNull(schema) && !allMembersNullable) {
            merged.getTypes().remove("null");
        }
        merged.setExample(null);
        merged.setExamples(null);
        return merged;
    }

    private static Schema<?> withoutCompositions(Schema<?> schema) {
        if (schema.getAllOf() == null && schema.getOneOf() == null && schema.getAnyOf() == null) {
            return schema;
        }
        Schema<Object> copy = new Schema<>();
        copyKeywords(copy, schema);
        copy.setAllOf(null);
        copy.setOneOf(null);
        copy.setAnyOf(null);
        copy.setExtensions(schema.getExtensions());
        copy.setExample(schema.getExample());
        copy.setExamples(schema.getExamples() == null ? null : new ArrayList<Object>(schema.getExamples()));
        return copy;
    }

    /** Adds {@code source}'s keywords to {@code target}: first declaration wins, bounds take the tighter value. */
    private void copyInto(Schema<?> target, Schema<?> source, int depth) {
        boolean nested = source.getAllOf() != null && !source.getAllOf().isEmpty();
        copyKeywords(target, nested && depth < MAX_MERGE_DEPTH ? merge(source, depth + 1) : source);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void copyKeywords(Schema target, Schema<?> source) {
        if (target.getType() == null) {
            target.setType(source.getType());
        }
        if (source.getTypes() != null) {
            if (target.getTypes() == null) {
                target.setTypes(new LinkedHashSet<>(source.getTypes()));
            } else {
                target.getTypes().retainAll(source.getTypes());
            }
        }
        if (target.getFormat() == null) {
            target.setFormat(source.getFormat());
        }
        if (source.getProperties() != null) {
            Map<String, Schema> properties = target.getProperties() == null
                    ? new LinkedHashMap<>() : new LinkedHashMap<>(target.getProperties());
            for (Map.Entry<String, Schema> entry : source.getProperties().entrySet()) {
                Schema existing = properties.get(entry.getKey());
                properties.put(entry.getKey(), existing == null ? entry.getValue() : both(existing, entry.getValue()));
            }
            target.setProperties(properties);
        }
        if (source.getRequired() != null) {
            Set<String> required = new LinkedHashSet<>();
            if (target.getRequired() != null) {
                required.addAll(target.getRequired());
            }
            required.addAll(source.getRequired());
            target.setRequired(new ArrayList<>(required));
        }
        if (target.getAdditionalProperties() == null || Boolean.FALSE.equals(source.getAdditionalProperties())) {
            if (source.getAdditionalProperties() != null) {
                target.setAdditionalProperties(source.getAdditionalProperties());
            }
        }
        if (target.getItems() == null) {
            target.setItems(source.getItems());
        }
        if (target.getPrefixItems() == null) {
            target.setPrefixItems(source.getPrefixItems());
        }
        if (target.getEnum() == null && source.getEnum() != null) {
            target.setEnum(new ArrayList<>(source.getEnum()));
        }
        if (target.getConst() == null && source.getConst() != null) {
            target.setConst(source.getConst());
        }
        if (target.getDefault() == null) {
            target.setDefault(source.getDefault());
        }
        if (target.getDiscriminator() == null) {
            target.setDiscriminator(source.getDiscriminator());
        }
        if (target.getOneOf() == null) {
            target.setOneOf(source.getOneOf());
        }
        if (target.getAnyOf() == null) {
            target.setAnyOf(source.getAnyOf());
        }
        if (target.getPattern() == null) {
            target.setPattern(source.getPattern());
        }
        if (target.getMultipleOf() == null) {
            target.setMultipleOf(source.getMultipleOf());
        }
        target.setMinimum(max(target.getMinimum(), source.getMinimum()));
        target.setMaximum(min(target.getMaximum(), source.getMaximum()));
        if (Boolean.TRUE.equals(source.getExclusiveMinimum())) {
            target.setExclusiveMinimum(true);
        }
        if (Boolean.TRUE.equals(source.getExclusiveMaximum())) {
            target.setExclusiveMaximum(true);
        }
        target.setExclusiveMinimumValue(max(target.getExclusiveMinimumValue(), source.getExclusiveMinimumValue()));
        target.setExclusiveMaximumValue(min(target.getExclusiveMaximumValue(), source.getExclusiveMaximumValue()));
        target.setMinLength(maxInt(target.getMinLength(), source.getMinLength()));
        target.setMaxLength(minInt(target.getMaxLength(), source.getMaxLength()));
        target.setMinItems(maxInt(target.getMinItems(), source.getMinItems()));
        target.setMaxItems(minInt(target.getMaxItems(), source.getMaxItems()));
        target.setMinProperties(maxInt(target.getMinProperties(), source.getMinProperties()));
        target.setMaxProperties(minInt(target.getMaxProperties(), source.getMaxProperties()));
        if (Boolean.TRUE.equals(source.getUniqueItems())) {
            target.setUniqueItems(true);
        }
        if (Boolean.TRUE.equals(source.getReadOnly())) {
            target.setReadOnly(true);
        }
        if (Boolean.TRUE.equals(source.getWriteOnly())) {
            target.setWriteOnly(true);
        }
        if (source.getExtensions() != null) {
            Map<String, Object> extensions = target.getExtensions() == null
                    ? new LinkedHashMap<>() : new LinkedHashMap<>(target.getExtensions());
            source.getExtensions().forEach(extensions::putIfAbsent);
            target.setExtensions(extensions);
        }
    }

    private static Schema<?> both(Schema<?> first, Schema<?> second) {
        Schema<Object> both = new Schema<>();
        both.setSpecVersion(first.getSpecVersion());
        both.setAllOf(List.of(first, second));
        return both;
    }

    private static BigDecimal max(BigDecimal a, BigDecimal b) {
        return a == null ? b : b == null ? a : a.max(b);
    }

    private static BigDecimal min(BigDecimal a, BigDecimal b) {
        return a == null ? b : b == null ? a : a.min(b);
    }

    private static Integer maxInt(Integer a, Integer b) {
        return a == null ? b : b == null ? a : Integer.valueOf(Math.max(a, b));
    }

    private static Integer minInt(Integer a, Integer b) {
        return a == null ? b : b == null ? a : Integer.valueOf(Math.min(a, b));
    }

    private record PairKey(IdentityKey base, IdentityKey branch) {
    }

    /** Swagger's Schema.equals/hashCode are deep and slow; caches key on the instance instead. */
    private record IdentityKey(Schema<?> schema) {
        @Override
        public boolean equals(Object other) {
            return other instanceof IdentityKey key && key.schema == schema;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(schema);
        }
    }
}

