package dev.twin.replayer.internal.server;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Encodes a JSON value the way Stripe's SDKs do: {@code metadata[order]=42}, {@code items[0][price]=p}. */
final class FormEncoding {
    private FormEncoding() {
    }

    static String encode(JsonNode body) {
        List<String> pairs = new ArrayList<>();
        if (body != null && body.isObject()) {
            body.fields().forEachRemaining(field -> add(pairs, field.getKey(), field.getValue()));
        }
        return String.join("&", pairs);
    }

    /** One query or form parameter: scalars as-is, objects and arrays with bracket nesting. */
    static void add(List<String> pairs, String name, JsonNode value) {
        if (value == null || value.isNull()) {
            return;
        }
        if (value.isObject()) {
            for (Map.Entry<String, JsonNode> field : (Iterable<Map.Entry<String, JsonNode>>) value::fields) {
                add(pairs, name + "[" + field.getKey() + "]", field.getValue());
            }
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                add(pairs, name + "[" + i + "]", value.get(i));
            }
        } else {
            pairs.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(value.asText(), StandardCharsets.UTF_8));
        }
    }
}
