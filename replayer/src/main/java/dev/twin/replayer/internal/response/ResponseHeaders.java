package dev.twin.replayer.internal.response;

import com.fasterxml.jackson.databind.JsonNode;
import dev.twin.replayer.internal.generate.BodyGenerator;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * The headers one documented response declares, with the value each is sent with, worked out on first use and then
 * reused: the header's {@code example}, else its first {@code examples} entry (or the one named like the body's
 * {@code Prefer: example=NAME}), else its {@code content}'s example, else its schema's {@code example},
 * {@code examples} or {@code default}, else a value generated from the schema. Values are written as OpenAPI's
 * {@code simple} style says (a list {@code a,b,c}; an object {@code k,v,k2,v2}, exploded {@code k=v,k2=v2}; a
 * header described by {@code content} in its media type, JSON as JSON text) on one line of printable ASCII. {@code $ref}s to {@code components/headers}, {@code /examples} and {@code /schemas} are
 * followed. Headers that frame the message ({@code Content-Length}, {@code Transfer-Encoding}, {@code Connection}
 * …) are the server's and not sent, as OpenAPI says of {@code Content-Type}; a name that is no HTTP token is skipped.
 */
final class ResponseHeaders {
    private static final Set<String> NOT_SENT = Set.of("content-type", "content-length", "transfer-encoding",
            "connection", "keep-alive", "upgrade", "te", "trailer", "proxy-connection");
    private static final int MAX_REF_HOPS = 16;
    private static final int MAX_VALUE = 4096;

    private final Map<String, Header> declared;
    private final Components components;
    private volatile Map<String, String> values;

    private ResponseHeaders(Map<String, Header> declared, Components components) {
        this.declared = declared;
        this.components = components;
    }

    /** The headers of a response as the spec declares them ({@code null} for none). */
    static ResponseHeaders of(Map<String, Header> headers, Components components) {
        Map<String, Header> declared = new LinkedHashMap<>();
        if (headers != null) {
            headers.forEach((name, header) -> {
                Header resolved = resolve(header, components);
                if (resolved != null && isToken(name) && !NOT_SENT.contains(name.toLowerCase(Locale.ROOT))) {
                    declared.put(name, resolved);
                }
            });
        }
        return new ResponseHeaders(declared.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(declared),
                components);
    }

    boolean isEmpty() {
        return declared.isEmpty();
    }

    /**
     * Each header and its value, in the spec's order; {@code seed} gives the seed a generated value of a header is
     * drawn from (the same header of the same operation always gets the same value).
     */
    Map<String, String> values(BodyGenerator generator, ToLongFunction<String> seed) {
        Map<String, String> computed = values;
        if (computed == null) {
            computed = new LinkedHashMap<>();
            for (Map.Entry<String, Header> header : declared.entrySet()) {
                computed.put(header.getKey(), value(header.getValue(), generator,
                        seed.applyAsLong(header.getKey())));
            }
            computed = java.util.Collections.unmodifiableMap(computed);
            values = computed;
        }
        return computed;
    }

    /** As {@link #values}, a header with an example of this name sending that one ({@code Prefer: example=NAME}). */
    Map<String, String> values(BodyGenerator generator, ToLongFunction<String> seed, String exampleName) {
        Map<String, String> usual = values(generator, seed);
        if (exampleName == null) {
            return usual;
        }
        Map<String, String> named = new LinkedHashMap<>(usual);
        declared.forEach((name, header) -> {
            JsonNode example = namedExample(header.getExamples(), exampleName);
            if (example != null) {
                named.put(name, write(example, header));
            }
        });
        return named;
    }

    private String value(Header header, BodyGenerator generator, long seed) {
        JsonNode example = example(header);
        if (example == null) {
            Schema<?> schema = schema(header);
            if (schema == null) {
                return "";
            }
            example = generator.generate(schema, seed);
        }
        return write(example, header);
    }

    /** The first example the header, its content or its schema gives; null when none does. */
    private JsonNode example(Header header) {
        if (header.getExample() != null) {
            return tree(header.getExample());
        }
        JsonNode named = firstExample(header.getExamples());
        if (named != null) {
            return named;
        }
        if (header.getContent() != null && !header.getContent().isEmpty()) {
            MediaType media = header.getContent().values().iterator().next();
            if (media.getExample() != null) {
                return tree(media.getExample());
            }
            named = firstExample(media.getExamples());
            if (named != null) {
                return named;
            }
        }
        Schema<?> schema = schema(header);
        if (schema == null) {
            return null;
        }
        if (schema.getExamples() != null && !schema.getExamples().isEmpty()) {
            return tree(schema.getExamples().get(0));
        }
        if (schema.getExample() != null) {
            return tree(schema.getExample());
        }
        return schema.getDefault() != null ? tree(schema.getDefault()) : null;
    }

    /** The header's schema (or its content's), a {@code $ref} followed. */
    private Schema<?> schema(Header header) {
        Schema<?> schema = header.getSchema();
        if (schema == null && header.getContent() != null && !header.getContent().isEmpty()) {
            schema = header.getContent().values().iterator().next().getSchema();
        }
        Map<String, Schema> schemas = components == null ? null : components.getSchemas();
        for (int hops = 0; schema != null && schema.get$ref() != null && hops < MAX_REF_HOPS; hops++) {
            Schema<?> target = schemas == null ? null : schemas.get(OperationResponses.refName(schema.get$ref()));
            if (target == null) {
                break;
            }
            schema = target;
        }
        return schema;
    }

    private JsonNode firstExample(Map<String, Example> examples) {
        if (examples == null) {
            return null;
        }
        for (Example example : examples.values()) {
            JsonNode value = exampleValue(example);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private JsonNode namedExample(Map<String, Example> examples, String name) {
        Example example = examples == null ? null : examples.get(name);
        return example == null ? null : exampleValue(example);
    }

    private JsonNode exampleValue(Example example) {
        Example resolved = example;
        for (int hops = 0; resolved != null && resolved.get$ref() != null && hops < MAX_REF_HOPS; hops++) {
            resolved = components == null || components.getExamples() == null ? null
                    : components.getExamples().get(OperationResponses.refName(resolved.get$ref()));
        }
        return resolved == null || resolved.getValue() == null ? null : tree(resolved.getValue());
    }

    /** OpenAPI's {@code simple} style (a header with {@code content}: as its media type), on one line of ASCII. */
    private static String write(JsonNode value, Header header) {
        boolean explode = Boolean.TRUE.equals(header.getExplode());
        StringBuilder out = new StringBuilder();
        if (header.getContent() != null && !header.getContent().isEmpty()) {
            out.append(value.isTextual() ? value.textValue() : value.toString());
        } else if (value.isArray()) {
            for (JsonNode item : value) {
                out.append(out.length() == 0 ? "" : ",").append(scalar(item));
            }
        } else if (value.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> member = it.next();
                out.append(out.length() == 0 ? "" : ",").append(member.getKey()).append(explode ? '=' : ',')
                        .append(scalar(member.getValue()));
            }
        } else {
            out.append(scalar(value));
        }
        return printable(out);
    }

    private static String scalar(JsonNode value) {
        return value.isValueNode() ? value.asText() : value.toString();
    }

    /** Control characters (a line break would end the header) dropped, others outside ASCII as {@code ?}. */
    private static String printable(CharSequence text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_VALUE));
        for (int i = 0; i < text.length() && out.length() < MAX_VALUE; i++) {
            char c = text.charAt(i);
            if (c >= ' ' && c <= '~') {
                out.append(c);
            } else if (c > '~') {
                out.append('?');
            }
        }
        return out.toString().strip();
    }

    private static JsonNode tree(Object value) {
        return Json.mapper().valueToTree(value);
    }

    private static Header resolve(Header header, Components components) {
        Header current = header;
        for (int hops = 0; current != null && current.get$ref() != null; hops++) {
            if (hops == MAX_REF_HOPS || components == null || components.getHeaders() == null) {
                return null;
            }
            current = components.getHeaders().get(OperationResponses.refName(current.get$ref()));
        }
        return current;
    }

    private static boolean isToken(String name) {
        if (name == null || name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean token = c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!token) {
                return false;
            }
        }
        return true;
    }
}
