package dev.twin.inference.path;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Which segments of a request path its JSON answer holds as string values: the names a client chose for the rows
 * it created ({@code PUT /api/vhosts/shop} read back as {@code "name": "shop"}, {@code /books/novel-dune} as
 * {@code "_id": "novel-dune"}). Such a segment is a value, not a word of the API, even when its shape is a plain
 * word. Fields that tag a type ({@code "object": "balance"} at {@code /v1/balance}) are no evidence.
 */
public final class EchoedSegments {
    private static final Set<String> TYPE_TAGS = Set.of("object", "type", "kind", "_type", "resourceType",
            "__typename", "@type", "resource");
    private static final int MAX_NODES = 20_000;
    private static final int MAX_DEPTH = 6;

    private EchoedSegments() {
    }

    /**
     * @param answerText the answer body as text (checked cheaply before the answer is parsed)
     * @param answer     parses the answer (null when it is not JSON); called only when some segment's value is in
     *                   the text
     * @return per segment, the field that held its (percent-decoded) value, or null; empty when none did
     */
    public static List<String> find(List<String> segments, String answerText, Supplier<JsonNode> answer) {
        if (answerText == null || segments.isEmpty()) {
            return List.of();
        }
        String[] values = new String[segments.size()];
        boolean any = false;
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            SegmentShape shape = SegmentShape.of(segment);
            if (shape.isIdentifier() || shape == SegmentShape.VERSION) {
                continue;
            }
            String value = decode(segment);
            if ((value.length() >= 2 || !value.equals(segment)) && answerText.contains(jsonQuoted(value))) {
                values[i] = value;
                any = true;
            }
        }
        JsonNode parsed = any ? answer.get() : null;
        if (parsed == null) {
            return List.of();
        }
        Map<String, String> fieldOf = new HashMap<>();
        for (String value : values) {
            if (value != null) {
                fieldOf.put(value, null);
            }
        }
        walk(parsed, null, 0, fieldOf, new int[]{0});
        String[] out = new String[segments.size()];
        boolean found = false;
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null && fieldOf.get(values[i]) != null) {
                out[i] = fieldOf.get(values[i]);
                found = true;
            }
        }
        return found ? new ArrayList<>(Arrays.asList(out)) : List.of();
    }

    private static void walk(JsonNode node, String field, int depth, Map<String, String> fieldOf, int[] visited) {
        if (++visited[0] > MAX_NODES || depth > MAX_DEPTH) {
            return;
        }
        if (node.isTextual()) {
            if (field != null && !TYPE_TAGS.contains(field) && fieldOf.containsKey(node.textValue())
                    && fieldOf.get(node.textValue()) == null) {
                fieldOf.put(node.textValue(), field);
            }
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                walk(item, field, depth + 1, fieldOf, visited);
            }
        } else if (node.isObject()) {
            var fields = node.fields();
            while (fields.hasNext()) {
                var entry = fields.next();
                walk(entry.getValue(), entry.getKey(), depth + 1, fieldOf, visited);
            }
        }
    }

    /**
     * The value a client meant: percent-escapes decoded ({@code %2F} is the vhost "/"), '+' left as it is, a stray
     * '%' kept as written.
     */
    public static String decode(String segment) {
        if (segment.indexOf('%') < 0) {
            return segment;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] bytes = segment.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '%' && i + 2 < bytes.length && hex(bytes[i + 1]) >= 0 && hex(bytes[i + 2]) >= 0) {
                out.write(hex(bytes[i + 1]) * 16 + hex(bytes[i + 2]));
                i += 2;
            } else {
                out.write(bytes[i]);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int hex(byte b) {
        return Character.digit((char) b, 16);
    }

    private static String jsonQuoted(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.append('"').toString();
    }
}
