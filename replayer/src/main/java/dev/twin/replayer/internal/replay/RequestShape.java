package dev.twin.replayer.internal.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.twin.replayer.internal.form.FormPair;
import dev.twin.replayer.internal.form.UrlEncoded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a request asked for, as a set of {@code name=value} facts: each query parameter, each path parameter, and
 * each field of a form or JSON body (nested JSON fields by their dotted path; any other body as one fact). Two
 * requests with the same facts are identical for replay, whatever their parameter order or JSON spacing.
 */
record RequestShape(Set<String> facts) {
    /**
     * Requests no operation matched reach this without the request limits' checks: a body nested deeper than any
     * real request is compared as raw bytes rather than walked (the walk recurses, and serving threads' stacks are
     * small).
     */
    private static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build()).build()).build();
    private static final char SEPARATOR = '\u0000';

    RequestShape {
        facts = Set.copyOf(facts);
    }

    /**
     * @param rawQuery    the query string without '?', or null
     * @param pathParams  decoded path parameters (empty for a request no operation matched)
     * @param contentType the request's Content-Type, or null
     */
    static RequestShape of(String rawQuery, Map<String, String> pathParams, String contentType, byte[] body) {
        Set<String> facts = new HashSet<>();
        for (FormPair pair : UrlEncoded.parse(rawQuery)) {
            facts.add(fact("query", pair.name(), pair.value()));
        }
        pathParams.forEach((name, value) -> facts.add(fact("path", name, value)));
        addBody(facts, contentType, body);
        return new RequestShape(facts);
    }

    /**
     * How alike two requests are: shared facts over all facts (1 = identical, 0 = nothing in common). Two requests
     * without any facts (a bare {@code GET /things}) are identical.
     */
    double closeness(RequestShape other) {
        if (facts.isEmpty() && other.facts.isEmpty()) {
            return 1;
        }
        Set<String> smaller = facts.size() <= other.facts.size() ? facts : other.facts;
        Set<String> larger = smaller == facts ? other.facts : facts;
        int shared = 0;
        for (String fact : smaller) {
            if (larger.contains(fact)) {
                shared++;
            }
        }
        return (double) shared / (facts.size() + other.facts.size() - shared);
    }

    private static void addBody(Set<String> facts, String contentType, byte[] body) {
        if (body.length == 0) {
            return;
        }
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.contains("x-www-form-urlencoded")) {
            for (FormPair pair : UrlEncoded.parse(new String(body, StandardCharsets.UTF_8))) {
                facts.add(fact("body", pair.name(), pair.value()));
            }
            return;
        }
        if (type.contains("json") || looksLikeJson(body)) {
            try {
                JsonNode tree = JSON.readTree(body);
                if (tree != null) {
                    addJson(facts, "", tree);
                    return;
                }
            } catch (IOException notJson) {
                // compared as raw bytes below
            }
        }
        facts.add(fact("body", "", new String(body, StandardCharsets.UTF_8)));
    }

    private static void addJson(Set<String> facts, String path, JsonNode node) {
        if (node.isObject() && node.size() > 0) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                addJson(facts, path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue());
            }
        } else if (node.isArray() && node.size() > 0) {
            for (int i = 0; i < node.size(); i++) {
                addJson(facts, path + "[" + i + "]", node.get(i));
            }
        } else {
            facts.add(fact("body", path, node.toString()));
        }
    }

    private static boolean looksLikeJson(byte[] body) {
        for (byte b : body) {
            if (!Character.isWhitespace(b)) {
                return b == '{' || b == '[';
            }
        }
        return false;
    }

    private static String fact(String kind, String name, String value) {
        return kind + SEPARATOR + name + SEPARATOR + value;
    }
}
