package dev.twin.corpus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What the client sent for one step; {@link TranscriptComparison} asks it which values the client already knew, so
 * that an echo of them is never taken for a value the server minted.
 *
 * @param pathAndQuery the path and query sent, or null for a step an SDK drove
 * @param body         the request body, or null
 */
public record SentRequest(String pathAndQuery, String body) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static final SentRequest NOTHING = new SentRequest(null, null);

    /** Path segments, query and form values, and every leaf of a JSON body, as text. */
    public Set<String> values() {
        Set<String> values = new LinkedHashSet<>();
        if (pathAndQuery != null) {
            int query = pathAndQuery.indexOf('?');
            String path = query < 0 ? pathAndQuery : pathAndQuery.substring(0, query);
            for (String segment : path.split("/")) {
                if (!segment.isEmpty()) {
                    values.add(decode(segment));
                }
            }
            if (query >= 0) {
                addFormValues(pathAndQuery.substring(query + 1), values);
            }
        }
        if (body != null && !body.isBlank()) {
            try {
                addLeaves(JSON.readTree(body), values);
            } catch (JsonProcessingException notJson) {
                addFormValues(body, values);
            }
        }
        return values;
    }

    private static void addFormValues(String form, Set<String> values) {
        for (String pair : form.split("&")) {
            int equals = pair.indexOf('=');
            if (equals >= 0) {
                values.add(decode(pair.substring(equals + 1)));
            }
        }
    }

    private static void addLeaves(JsonNode node, Set<String> values) {
        if (node.isContainerNode()) {
            node.forEach(child -> addLeaves(child, values));
        } else if (!node.isNull()) {
            values.add(node.asText());
        }
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
