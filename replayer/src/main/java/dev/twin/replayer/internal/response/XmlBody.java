package dev.twin.replayer.internal.response;

import com.fasterxml.jackson.databind.JsonNode;
import dev.twin.replayer.internal.spec.ComponentRefs;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.XML;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes a JSON value (an example or a generated body) as XML the way its schema's OpenAPI {@code xml} objects say:
 * element names from {@code xml.name} (else the property name, else the component a {@code $ref} names), properties
 * with {@code xml.attribute} as attributes, arrays bare or {@code wrapped} in an element of their own, and
 * {@code namespace}/{@code prefix} as a prefixed name with its {@code xmlns} declaration. Runs once per operation
 * and media type (the rendered body is cached), never per request.
 */
final class XmlBody {
    private static final String ROOT = "root";
    private static final String ITEM = "item";

    private final ComponentRefs refs;
    private final StringBuilder out = new StringBuilder(256);

    private XmlBody(Components components) {
        this.refs = new ComponentRefs(components);
    }

    /** Whether a media type is XML: {@code application/xml}, {@code text/xml} or a {@code +xml} type. */
    static boolean isXml(String mediaType) {
        String essence = mediaType.split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT);
        return essence.equals("application/xml") || essence.equals("text/xml") || essence.endsWith("+xml");
    }

    /** The document for {@code value} under {@code schema} (which may be null or a {@code $ref}). */
    static byte[] write(JsonNode value, Schema<?> schema, Components components) {
        XmlBody body = new XmlBody(components);
        body.out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        String name = ComponentRefs.name(schema);
        Schema<?> resolved = body.refs.resolve(schema);
        if (resolved != null && resolved.getXml() != null && resolved.getXml().getName() != null) {
            name = resolved.getXml().getName();
        }
        if (value.isArray()) {
            body.wrappedArray(value, resolved, name == null ? ROOT : name);
        } else {
            body.element(name == null ? ROOT : name, value, schema);
        }
        return body.out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** One element for {@code value}; {@code fallbackName} is the property's name (or the root's). */
    private void element(String fallbackName, JsonNode value, Schema<?> declared) {
        Schema<?> schema = refs.resolve(declared);
        XML xml = schema == null ? null : schema.getXml();
        String name = qualified(xml, xml != null && xml.getName() != null ? xml.getName() : fallbackName);
        out.append('<').append(name);
        namespace(xml);
        if (value.isObject()) {
            Map<String, Schema> properties = properties(schema);
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                Schema<?> property = refs.resolve(properties.get(field.getKey()));
                if (property != null && property.getXml() != null
                        && Boolean.TRUE.equals(property.getXml().getAttribute()) && field.getValue().isValueNode()) {
                    XML attribute = property.getXml();
                    out.append(' ').append(qualified(attribute, attribute.getName() != null ? attribute.getName()
                            : field.getKey())).append("=\"");
                    escape(field.getValue().asText(), true);
                    out.append('"');
                }
            }
            out.append('>');
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                Schema<?> property = properties.get(field.getKey());
                Schema<?> resolved = refs.resolve(property);
                if (resolved != null && resolved.getXml() != null
                        && Boolean.TRUE.equals(resolved.getXml().getAttribute()) && field.getValue().isValueNode()) {
                    continue;
                }
                if (field.getValue().isArray()) {
                    array(field.getKey(), field.getValue(), resolved);
                } else {
                    element(field.getKey(), field.getValue(), property);
                }
            }
        } else if (value.isArray()) {
            out.append('>');
            array(ITEM, value, schema);
        } else {
            out.append('>');
            if (!value.isNull()) {
                escape(value.asText(), false);
            }
        }
        out.append("</").append(name).append('>');
    }

    /** A property holding an array: its items bare, or inside a wrapper element when {@code xml.wrapped}. */
    private void array(String propertyName, JsonNode items, Schema<?> arraySchema) {
        XML xml = arraySchema == null ? null : arraySchema.getXml();
        if (xml != null && Boolean.TRUE.equals(xml.getWrapped())) {
            wrappedArray(items, arraySchema, xml.getName() != null ? xml.getName() : propertyName);
            return;
        }
        Schema<?> itemSchema = arraySchema == null ? null : arraySchema.getItems();
        for (JsonNode item : items) {
            element(propertyName, item, itemSchema);
        }
    }

    private void wrappedArray(JsonNode items, Schema<?> arraySchema, String wrapperName) {
        XML xml = arraySchema == null ? null : arraySchema.getXml();
        String name = qualified(xml, wrapperName);
        out.append('<').append(name);
        namespace(xml);
        out.append('>');
        Schema<?> itemSchema = arraySchema == null ? null : arraySchema.getItems();
        String itemName = ComponentRefs.name(itemSchema);
        for (JsonNode item : items) {
            element(itemName == null ? ITEM : itemName, item, itemSchema);
        }
        out.append("</").append(name).append('>');
    }

    private void namespace(XML xml) {
        if (xml == null || xml.getNamespace() == null) {
            return;
        }
        out.append(xml.getPrefix() == null ? " xmlns" : " xmlns:" + xml.getPrefix()).append("=\"");
        escape(xml.getNamespace(), true);
        out.append('"');
    }

    private static String qualified(XML xml, String name) {
        return xml != null && xml.getPrefix() != null ? xml.getPrefix() + ":" + name : name;
    }

    /** Properties by name, {@code allOf} parts and {@code oneOf}/{@code anyOf} branches included. */
    private Map<String, Schema> properties(Schema<?> schema) {
        if (schema == null) {
            return Map.of();
        }
        Map<String, Schema> own = schema.getProperties();
        List<Schema> parts = schema.getAllOf() != null ? schema.getAllOf()
                : schema.getOneOf() != null ? schema.getOneOf() : schema.getAnyOf();
        if (parts == null || parts.isEmpty()) {
            return own == null ? Map.of() : own;
        }
        Map<String, Schema> all = new java.util.LinkedHashMap<>();
        for (Schema<?> part : parts) {
            Schema<?> resolved = refs.resolve(part);
            if (resolved != null && resolved != schema) {
                properties(resolved).forEach(all::putIfAbsent);
            }
        }
        if (own != null) {
            all.putAll(own);
        }
        return all;
    }


    private void escape(String text, boolean attribute) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                default -> {
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                        continue; // not allowed in XML 1.0
                    }
                    out.append(c);
                }
            }
        }
    }
}
