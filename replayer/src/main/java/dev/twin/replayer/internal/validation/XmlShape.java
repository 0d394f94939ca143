package dev.twin.replayer.internal.validation;

import dev.twin.replayer.internal.spec.ComponentRefs;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.XML;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How an XML request body maps onto its schema, read once from the schema's OpenAPI {@code xml} objects (the reverse
 * of the answers the twin writes): which attributes and child elements are which properties ({@code xml.name},
 * else the property's name; {@code xml.attribute}), which properties are lists (repeated elements, or items inside
 * a {@code wrapped} element) and which scalar type each value has. Names are compared without their namespace
 * prefix. Reading a request walks this, never the schema.
 */
sealed interface XmlShape {
    /** No schema to follow: text stays text, children become members (a repeated name, a list). */
    XmlShape ANY = new Any();

    /** Element or attribute text, typed: {@code integer}, {@code number}, {@code boolean}, else {@code string}. */
    record Scalar(String type) implements XmlShape {
    }

    record Any() implements XmlShape {
    }

    /**
     * An element with properties.
     *
     * @param attributes attribute name → property
     * @param elements   child element name → property (for a list: the name of each item, or of its wrapper)
     */
    record ObjectShape(Map<String, Property> attributes, Map<String, Property> elements) implements XmlShape {
        public ObjectShape {
            attributes = Map.copyOf(attributes);
            elements = Map.copyOf(elements);
        }
    }

    /** A list at the root: the items inside the root element, whatever their names. */
    record ListShape(Lazy items) implements XmlShape {
    }

    /**
     * One property as XML carries it.
     *
     * @param name    the property
     * @param list    whether it is a list (each matching element is an item)
     * @param wrapped for a list, whether the matching element wraps its items
     */
    record Property(String name, Lazy shape, boolean list, boolean wrapped) {
        public Property {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(shape, "shape");
        }
    }

    /** A shape that may refer to itself (a tree of nodes): set once while compiling, then only read. */
    final class Lazy {
        private XmlShape shape = ANY;

        XmlShape get() {
            return shape;
        }
    }

    /** The shape of a body whose schema is {@code schema} (a {@code $ref} is followed into {@code components}). */
    static XmlShape of(Schema<?> schema, Components components) {
        Compiler compiler = new Compiler(new ComponentRefs(components));
        Schema<?> resolved = compiler.resolve(schema);
        if (resolved != null && compiler.isArray(resolved)) {
            return new ListShape(compiler.lazy(resolved.getItems()));
        }
        return compiler.lazy(schema).get();
    }

    /** Compiles schemas to shapes, each named component once. */
    final class Compiler {
        private static final int MAX_HOPS = 32;
        private static final Set<String> SCALARS = Set.of("integer", "number", "boolean");

        private final ComponentRefs refs;
        private final Map<String, Lazy> named = new HashMap<>();

        private Compiler(ComponentRefs refs) {
            this.refs = refs;
        }

        Schema<?> resolve(Schema<?> schema) {
            return refs.resolve(schema);
        }

        Lazy lazy(Schema<?> schema) {
            String ref = ComponentRefs.name(schema);
            if (ref != null && named.containsKey(ref)) {
                return named.get(ref);
            }
            Lazy lazy = new Lazy();
            if (ref != null) {
                named.put(ref, lazy);
            }
            lazy.shape = shape(resolve(schema));
            return lazy;
        }

        private XmlShape shape(Schema<?> schema) {
            if (schema == null) {
                return ANY;
            }
            Map<String, Schema> properties = properties(schema, 0);
            if (properties.isEmpty()) {
                String type = type(schema);
                return type != null && SCALARS.contains(type) ? new Scalar(type)
                        : "object".equals(type) || isArray(schema) ? ANY : new Scalar("string");
            }
            Map<String, Property> attributes = new LinkedHashMap<>();
            Map<String, Property> elements = new LinkedHashMap<>();
            properties.forEach((name, declared) -> {
                Schema<?> property = resolve(declared);
                XML xml = property == null ? null : property.getXml();
                if (xml == null && declared != null) {
                    xml = declared.getXml();
                }
                String xmlName = xml != null && xml.getName() != null ? xml.getName() : name;
                if (xml != null && Boolean.TRUE.equals(xml.getAttribute())) {
                    attributes.put(xmlName, new Property(name, lazy(declared), false, false));
                } else if (property != null && isArray(property)) {
                    boolean wrapped = xml != null && Boolean.TRUE.equals(xml.getWrapped());
                    Schema<?> items = resolve(property.getItems());
                    String itemName = items != null && items.getXml() != null && items.getXml().getName() != null
                            ? items.getXml().getName() : name;
                    elements.put(wrapped ? xmlName : itemName, new Property(name, lazy(property.getItems()), true,
                            wrapped));
                } else {
                    elements.put(xmlName, new Property(name, lazy(declared), false, false));
                }
            });
            return new ObjectShape(attributes, elements);
        }

        /** Properties by name, {@code allOf} parts and {@code oneOf}/{@code anyOf} branches included. */
        @SuppressWarnings("rawtypes")
        private Map<String, Schema> properties(Schema<?> schema, int depth) {
            Map<String, Schema> all = new LinkedHashMap<>();
            if (schema == null || depth > MAX_HOPS) {
                return all;
            }
            for (List<Schema> parts : new List[] {schema.getAllOf(), schema.getOneOf(), schema.getAnyOf()}) {
                if (parts != null) {
                    for (Schema<?> part : parts) {
                        properties(resolve(part), depth + 1).forEach(all::putIfAbsent);
                    }
                }
            }
            if (schema.getProperties() != null) {
                all.putAll(schema.getProperties());
            }
            return all;
        }

        boolean isArray(Schema<?> schema) {
            return "array".equals(type(schema)) || schema.getItems() != null && type(schema) == null;
        }

        private static String type(Schema<?> schema) {
            if (schema.getTypes() != null && !schema.getTypes().isEmpty()) {
                return schema.getTypes().stream().filter(t -> !t.equals("null")).findFirst().orElse(null);
            }
            return schema.getType();
        }

    }
}
