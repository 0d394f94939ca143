package dev.twin.inference.operation;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a write's successful answers held in the fields the client did not send: the server's own defaults
 * ({@code description: null}, {@code metadata: {}}, {@code invoice_settings: {...}}, {@code status: "open"}).
 * One value per field is kept, and whether every answer agreed with it; bounded by the number of fields.
 */
public final class ServerDefaults {
    private static final int MAX_FIELDS = 256;

    private final TreeMap<String, JsonNode> first = new TreeMap<>();
    private final TreeMap<String, Long> agreeing = new TreeMap<>();
    private final TreeMap<String, Long> seen = new TreeMap<>();

    void accept(JsonNode answer, Set<String> sent) {
        for (Iterator<Map.Entry<String, JsonNode>> it = answer.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            if (sent.contains(name) || (!first.containsKey(name) && first.size() >= MAX_FIELDS)) {
                continue;
            }
            seen.merge(name, 1L, Long::sum);
            JsonNode value = field.getValue();
            JsonNode earlier = first.putIfAbsent(name, value);
            if (earlier == null || earlier.equals(value)) {
                agreeing.merge(name, 1L, Long::sum);
            }
        }
    }

    /** Fields whose value was the same in every answer that did not send them, with that value. */
    public Map<String, JsonNode> constants() {
        Map<String, JsonNode> out = new TreeMap<>();
        first.forEach((name, value) -> {
            if (agreeing.get(name).equals(seen.get(name))) {
                out.put(name, value);
            }
        });
        return out;
    }

    /** How many answers showed the field while the client did not send it. */
    public long samples(String field) {
        return seen.getOrDefault(field, 0L);
    }
}
