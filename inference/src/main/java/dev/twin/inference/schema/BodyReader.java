package dev.twin.inference.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.recorder.Body;
import dev.twin.recorder.Header;
import dev.twin.recorder.Headers;
import dev.twin.replayer.internal.form.FormDecoder;
import dev.twin.replayer.internal.form.FormPair;
import dev.twin.replayer.internal.form.FormShape;
import dev.twin.replayer.internal.form.UrlEncoded;

import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads recorded bodies and query strings as JSON trees: JSON as is, forms bracket-nested with typed scalars. */
public final class BodyReader {
    public static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9]\\d{0,17})");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d+\\.\\d+");

    public enum Kind { NONE, JSON, FORM, OTHER }

    private BodyReader() {
    }

    public static Kind kind(List<Header> headers, Body body) {
        if (body == null || body.isEmpty()) {
            return Kind.NONE;
        }
        String type = Headers.first(headers, "Content-Type").orElse("").toLowerCase(Locale.ROOT);
        if (type.contains("json")) {
            return Kind.JSON;
        }
        if (type.contains("x-www-form-urlencoded")) {
            return Kind.FORM;
        }
        byte first = firstNonSpace(body.bytes());
        return first == '{' || first == '[' ? Kind.JSON : Kind.OTHER;
    }

    /** The body as JSON, or null when it is not (or is truncated) JSON. */
    public static JsonNode json(Body body) {
        if (body.truncated()) {
            return null;
        }
        try {
            return JSON.readTree(body.bytes());
        } catch (IOException e) {
            return null;
        }
    }

    public static ObjectNode form(String text) {
        return (ObjectNode) typed(FormDecoder.decodeBody(text, FormShape.ANY));
    }

    /** Query parameters as a bracket-nested, typed object ({@code limit=3} → {@code {"limit": 3}}). */
    public static ObjectNode query(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return JsonNodeFactory.instance.objectNode();
        }
        List<FormPair> pairs = UrlEncoded.parse(rawQuery);
        return (ObjectNode) typed(FormDecoder.decode(pairs, FormShape.ANY));
    }

    /** One raw value (a path segment) typed like a form value: "42" → 42. */
    public static JsonNode scalar(String raw) {
        return typed(JsonNodeFactory.instance.textNode(raw));
    }

    /** Strings that read as integers, decimals or booleans become those. */
    static JsonNode typed(JsonNode node) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (node.isObject() && indexed(node)) {
            // a[0]=x&a[1]=y (stripe-java's expand[0]) is an array, however the bracket form spelled it
            ArrayNode out = f.arrayNode();
            for (int i = 0; i < node.size(); i++) {
                out.add(typed(node.get(Integer.toString(i))));
            }
            return out;
        }
        if (node.isObject()) {
            ObjectNode out = f.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.set(e.getKey(), typed(e.getValue()));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = f.arrayNode();
            node.forEach(item -> out.add(typed(item)));
            return out;
        }
        if (node.isTextual()) {
            String text = node.asText();
            if (INTEGER.matcher(text).matches()) {
                return f.numberNode(Long.parseLong(text));
            }
            if (DECIMAL.matcher(text).matches()) {
                return f.numberNode(Double.parseDouble(text));
            }
            if (text.equals("true") || text.equals("false")) {
                return f.booleanNode(Boolean.parseBoolean(text));
            }
        }
        return node;
    }

    /** Keys 0, 1, 2 … and nothing else. */
    private static boolean indexed(JsonNode object) {
        if (object.isEmpty()) {
            return false;
        }
        for (int i = 0; i < object.size(); i++) {
            if (!object.has(Integer.toString(i))) {
                return false;
            }
        }
        return true;
    }

    private static byte firstNonSpace(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return b;
            }
        }
        return 0;
    }
}
