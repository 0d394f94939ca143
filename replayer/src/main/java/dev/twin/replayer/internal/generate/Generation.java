package dev.twin.replayer.internal.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.media.Discriminator;
import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/** One body being generated: walks the schema, holding the $ref path to bound recursion. Not thread-safe. */
final class Generation {

    /** Objects nested this deep only get required properties, null where allowed and empty arrays. */
    static final int RICH_DEPTH = 4;
    /** Past this depth, or on a third visit of the same component, emit a leaf without looking further. */
    private static final int HARD_DEPTH = 24;
    /**
     * Values generated before the rest of the body turns minimal: wide real-world schemas (a Stripe charge has
     * dozens of optional sub-objects per level) would otherwise grow exponentially with depth.
     */
    static final int VALUE_BUDGET = 600;
    private static final int UNIQUE_ATTEMPTS = 8;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final SchemaResolver resolver;
    private final SchemaMatcher matcher;
    private final List<String> refPath = new ArrayList<>();
    private int generated;

    Generation(SchemaResolver resolver, SchemaMatcher matcher) {
        this.resolver = resolver;
        this.matcher = matcher;
    }

    JsonNode value(Schema<?> schema, Slot slot) {
        generated++;
        if (generated > VALUE_BUDGET && !slot.minimal()) {
            slot = slot.asMinimal();
        }
        if (schema == null) {
            return JSON.textNode(ValueFaker.word(new Random(slot.seed())));
        }
        if (schema.get$ref() != null) {
            return referenced(schema.get$ref(), slot);
        }
        if (slot.depth() > HARD_DEPTH) {
            return leaf(schema);
        }
        if (slot.minimal() && Schemas.allowsNull(schema)) {
            return JSON.nullNode();
        }
        if (schema.getConst() != null) {
            return Schemas.toJson(schema.getConst());
        }
        JsonNode example = acceptable(schema, Schemas.example(schema));
        if (example != null) {
            return example.deepCopy();
        }
        if (schema.getAllOf() != null && !schema.getAllOf().isEmpty()) {
            return value(resolver.flatten(schema), slot);
        }
        if (hasBranches(schema.getOneOf()) || hasBranches(schema.getAnyOf())) {
            return composition(schema, slot);
        }
        JsonNode defaultValue = acceptable(schema, schema.getDefault());
        if (defaultValue != null) {
            return defaultValue.deepCopy();
        }
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            return enumValue(schema);
        }
        String type = Schemas.effectiveType(schema);
        if (type == null) {
            type = "string";
        }
        return switch (type) {
            case "object" -> object(schema, slot);
            case "array" -> array(schema, slot);
            case "integer" -> JSON.numberNode(NumberGenerator.integer(schema, slot.name(), new Random(slot.seed()))
                    .toBigIntegerExact());
            case "number" -> JSON.numberNode(NumberGenerator.number(schema, slot.name(), new Random(slot.seed())));
            case "boolean" -> JSON.booleanNode(new Random(slot.seed()).nextBoolean());
            case "null" -> JSON.nullNode();
            default -> JSON.textNode(StringGenerator.generate(schema, slot.name(), slot.idKind(),
                    new Random(slot.seed())));
        };
    }

    private JsonNode referenced(String ref, Slot slot) {
        String component = SchemaResolver.refName(ref);
        Schema<?> target = resolver.component(component);
        if (target == null) {
            return JSON.textNode(ValueFaker.word(new Random(slot.seed())));
        }
        int visits = 0;
        for (String seen : refPath) {
            if (seen.equals(component)) {
                visits++;
            }
        }
        if (visits >= 2 || slot.depth() > HARD_DEPTH) {
            return Schemas.allowsNull(target) ? JSON.nullNode() : leaf(resolver.flatten(target));
        }
        refPath.add(component);
        try {
            // a component already being generated further up: recursion, so only what is required from here
            return value(target, slot.referring(component, visits > 0));
        } finally {
            refPath.remove(refPath.size() - 1);
        }
    }

    private JsonNode composition(Schema<?> schema, Slot slot) {
        boolean exclusive = hasBranches(schema.getOneOf());
        List<Schema> branches = exclusive ? schema.getOneOf() : schema.getAnyOf();
        boolean hasOwnShape = schema.getProperties() != null && !schema.getProperties().isEmpty();
        Discriminator discriminator = schema.getDiscriminator();
        String expandableKind = expandableKind(branches);
        if (slot.minimal() && branches.stream().map(resolver::resolve)
                .anyMatch(branch -> branch != null && "null".equals(Schemas.declaredType(branch)))) {
            return JSON.nullNode();
        }
        JsonNode first = null;
        for (int index : branchOrder(branches, slot.minimal())) {
            Schema<?> branch = branches.get(index);
            Schema<?> resolved = resolver.resolve(branch);
            if (resolved == null || "null".equals(Schemas.declaredType(resolved))) {
                continue;
            }
            Slot branchSlot = slot;
            if (discriminator != null && discriminator.getPropertyName() != null) {
                String key = discriminatorValue(discriminator, branch.get$ref());
                if (key != null) {
                    branchSlot = branchSlot.forcing(discriminator.getPropertyName(), key);
                }
            }
            if (expandableKind != null && index == 0) {
                branchSlot = branchSlot.asId(expandableKind);
            }
            JsonNode candidate = value(hasOwnShape ? resolver.combine(schema, branch) : branch, branchSlot);
            if (!exclusive || matchesNoOther(branches, index, candidate)) {
                return candidate;
            }
            if (first == null) {
                first = candidate;
            }
        }
        return first != null ? first : JSON.nullNode();
    }

    /** Branches in the order to try: as written, but scalar branches first when only a minimal value is wanted. */
    private List<Integer> branchOrder(List<Schema> branches, boolean minimal) {
        List<Integer> order = new ArrayList<>(branches.size());
        List<Integer> structured = new ArrayList<>();
        for (int i = 0; i < branches.size(); i++) {
            Schema<?> resolved = resolver.resolve(branches.get(i));
            String type = resolved == null ? null : Schemas.effectiveType(resolver.flatten(resolved));
            if (minimal && ("object".equals(type) || "array".equals(type))) {
                structured.add(i);
            } else {
                order.add(i);
            }
        }
        order.addAll(structured);
        return order;
    }

    private boolean matchesNoOther(List<Schema> branches, int chosen, JsonNode candidate) {
        for (int i = 0; i < branches.size(); i++) {
            if (i != chosen && matcher.matches(branches.get(i), candidate)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Stripe's expandable fields are {@code anyOf: [{type: string}, {$ref: X} ...]}: the string branch is the id of
     * an X, so it is shaped like one. Returns X's object kind when the branches have that shape.
     */
    private String expandableKind(List<Schema> branches) {
        if (branches.size() < 2) {
            return null;
        }
        Schema<?> first = branches.get(0);
        if (first.get$ref() != null || !"string".equals(Schemas.declaredType(first)) || first.getEnum() != null
                || first.getFormat() != null || first.getPattern() != null) {
            return null;
        }
        for (Schema<?> other : branches.subList(1, branches.size())) {
            String kind = other.get$ref() == null ? null : resolver.objectKind(other);
            if (kind != null) {
                return kind;
            }
        }
        return null;
    }

    private static String discriminatorValue(Discriminator discriminator, String ref) {
        String component = SchemaResolver.refName(ref);
        if (component == null) {
            return null;
        }
        Map<String, String> mapping = discriminator.getMapping();
        if (mapping != null) {
            for (Map.Entry<String, String> entry : mapping.entrySet()) {
                if (entry.getValue().equals(ref) || entry.getValue().equals(component)) {
                    return entry.getKey();
                }
            }
        }
        return component;
    }

    @SuppressWarnings("rawtypes")
    private JsonNode object(Schema<?> schema, Slot slot) {
        ObjectNode object = JSON.objectNode();
        Map<String, Schema> properties = schema.getProperties();
        Set<String> required = schema.getRequired() == null ? Set.of() : new HashSet<>(schema.getRequired());
        boolean rich = !slot.minimal() && slot.depth() < RICH_DEPTH;
        boolean childMinimal = slot.minimal() || slot.depth() + 1 >= RICH_DEPTH;
        String forcedName = slot.forcedName();
        String forcedValue = slot.forcedValue();
        if (forcedName == null && schema.getDiscriminator() != null && slot.refName() != null) {
            forcedName = schema.getDiscriminator().getPropertyName();
            forcedValue = discriminatorValue(schema.getDiscriminator(),
                    SchemaResolver.COMPONENT_PREFIX + slot.refName());
        }
        String kind = properties != null && properties.containsKey("id") ? resolver.objectKind(schema) : null;
        if (properties != null) {
            for (Map.Entry<String, Schema> property : properties.entrySet()) {
                String name = property.getKey();
                Schema<?> propertySchema = property.getValue();
                Schema<?> resolved = resolver.resolve(propertySchema);
                if (resolved != null && Schemas.isWriteOnly(resolved) || Schemas.isWriteOnly(propertySchema)) {
                    continue;
                }
                if (!required.contains(name) && !rich) {
                    continue;
                }
                Slot child = slot.property(name, childMinimal);
                if (name.equals(forcedName)) {
                    object.put(name, forcedValue);
                } else if ("id".equals(name) && kind != null && isPlainString(resolved)) {
                    object.put(name, StripeIds.id(kind, new Random(child.seed())));
                } else {
                    object.set(name, value(propertySchema, child));
                }
            }
        }
        Object additional = schema.getAdditionalProperties();
        Schema<?> valueSchema = additional instanceof Schema<?> s ? s : null;
        for (String name : required) {
            boolean declared = properties != null && properties.containsKey(name);
            if (!declared && !object.has(name) && !Boolean.FALSE.equals(additional)) {
                object.set(name, value(valueSchema, slot.property(name, true)));
            }
        }
        if (forcedName != null && !object.has(forcedName)) {
            object.put(forcedName, forcedValue);
        }
        int wanted = schema.getMinProperties() == null ? 0 : schema.getMinProperties();
        if (valueSchema != null && (properties == null || properties.isEmpty()) && rich) {
            wanted = Math.max(wanted, 1);
        }
        if (schema.getMaxProperties() != null) {
            wanted = Math.min(wanted, schema.getMaxProperties());
        }
        for (int extra = 0; object.size() < wanted && extra < wanted + 4 && !Boolean.FALSE.equals(additional);
                extra++) {
            String key = mapKey(slot, extra);
            if (!object.has(key)) {
                object.set(key, value(valueSchema, slot.property(key, childMinimal)));
            }
        }
        return object;
    }

    private static String mapKey(Slot slot, int index) {
        String word = ValueFaker.word(new Random(Seeds.child(slot.seed(), index)));
        return index == 0 ? word : word + "_" + index;
    }

    private static boolean isPlainString(Schema<?> schema) {
        return schema != null && "string".equals(Schemas.declaredType(schema)) && schema.getEnum() == null
                && schema.getPattern() == null && schema.getFormat() == null && schema.getConst() == null;
    }

    private JsonNode array(Schema<?> schema, Slot slot) {
        ArrayNode array = JSON.arrayNode();
        Integer maxItems = schema.getMaxItems();
        int count = Math.max(schema.getMinItems() == null ? 0 : schema.getMinItems(), slot.minimal() ? 0 : 1);
        if (maxItems != null) {
            count = Math.min(count, maxItems);
        }
        List<Schema> prefixItems = schema.getPrefixItems();
        boolean unique = Boolean.TRUE.equals(schema.getUniqueItems());
        for (int i = 0; i < count; i++) {
            Schema<?> itemSchema = prefixItems != null && i < prefixItems.size() ? prefixItems.get(i)
                    : schema.getItems();
            JsonNode item = value(itemSchema, slot.item(i));
            if (unique && contains(array, item)) {
                item = distinctItem(array, itemSchema, slot, i, item);
            }
            array.add(item);
        }
        return array;
    }

    /** Another enum value when the items are an enum (the first is always preferred), else other seeds. */
    private JsonNode distinctItem(ArrayNode array, Schema<?> itemSchema, Slot slot, int index, JsonNode duplicate) {
        Schema<?> resolved = resolver.resolve(itemSchema);
        if (resolved != null && resolved.getEnum() != null) {
            for (Object candidate : resolved.getEnum()) {
                JsonNode value = Schemas.toJson(candidate);
                if (!contains(array, value)) {
                    return value;
                }
            }
            return duplicate;
        }
        JsonNode item = duplicate;
        for (int attempt = 1; contains(array, item) && attempt <= UNIQUE_ATTEMPTS; attempt++) {
            item = value(itemSchema, slot.item(index + attempt * 1000));
        }
        return item;
    }

    private static boolean contains(ArrayNode array, JsonNode item) {
        for (JsonNode existing : array) {
            if (existing.equals(item)) {
                return true;
            }
        }
        return false;
    }

    /** A spec value (example, default) as JSON if it fits the schema, else null. */
    private JsonNode acceptable(Schema<?> schema, Object value) {
        if (value == null) {
            return null;
        }
        JsonNode json = Schemas.toJson(value);
        return json.isNull() || !matcher.matches(schema, json) ? null : json;
    }

    private JsonNode enumValue(Schema<?> schema) {
        for (Object candidate : schema.getEnum()) {
            if (candidate != null) {
                return Schemas.toJson(candidate);
            }
        }
        return JSON.nullNode();
    }

    /** The smallest value of the schema's type, without descending into it. */
    private static JsonNode leaf(Schema<?> schema) {
        if (schema.getEnum() != null && !schema.getEnum().isEmpty() && schema.getEnum().get(0) != null) {
            return Schemas.toJson(schema.getEnum().get(0));
        }
        String type = Schemas.effectiveType(schema);
        if (type == null) {
            return JSON.objectNode();
        }
        return switch (type) {
            case "object" -> JSON.objectNode();
            case "array" -> JSON.arrayNode();
            case "integer", "number" -> JSON.numberNode(schema.getMinimum() == null ? BigDecimal.ZERO
                    : schema.getMinimum());
            case "boolean" -> JSON.booleanNode(false);
            case "null" -> JSON.nullNode();
            default -> JSON.textNode("a".repeat(schema.getMinLength() == null ? 0 : schema.getMinLength()));
        };
    }

    private static boolean hasBranches(List<Schema> branches) {
        return branches != null && !branches.isEmpty();
    }
}
