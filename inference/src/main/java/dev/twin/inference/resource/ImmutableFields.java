package dev.twin.inference.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.inference.path.EchoedSegments;
import dev.twin.inference.path.PathMatch;
import dev.twin.replayer.config.Binding.Action;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fields a write may not change on an existing row ({@code update.immutable}): RabbitMQ refuses a queue redeclared
 * with another {@code durable} (400 "inequivalent arg 'durable' ...") and keeps the queue.
 *
 * <p>The evidence, followed in recording order: each row's fields as the client last wrote them or an answer showed
 * them (with the path's parent values), and every update or patch of an existing row. Fields are immutable when
 * every refused write (4xx) changed them, no accepted write ever changed them, and all refusals had one status. The
 * refusal's body is kept, each value it names written as a template ({@code {{field}}}, {@code {{sent}}},
 * {@code {{current}}}, {@code {{item.name}}}) when every refusal changed one such field.
 */
public final class ImmutableFields {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ROWS = 5_000;

    /** A refused write: the fields it changed, each sent and current value, its status and body, the row then. */
    private record Refusal(Map<String, JsonNode[]> changed, int status, JsonNode body, ObjectNode row) {
    }

    /**
     * Per table with an update or patch: its rows' fields as last written or shown, by id, as JSON text (a parsed
     * tree per row would cost several times the memory on a large recording; rows are read back only on writes).
     */
    private final Map<Resource, Map<String, String>> rows = new HashMap<>();
    private final Map<Resource, List<Refusal>> refusals = new LinkedHashMap<>();
    private final Map<Resource, Set<String>> changedByAccepted = new HashMap<>();

    public ImmutableFields(List<Resource> resources) {
        for (Resource resource : resources) {
            if (resource.actions().containsKey(Action.UPDATE) || resource.actions().containsKey(Action.PATCH)) {
                rows.put(resource, new HashMap<>());
            }
        }
    }

    /** A row as an answer showed it. */
    public void row(Resource resource, JsonNode row) {
        if (rows.containsKey(resource) && row instanceof ObjectNode object && object.hasNonNull(resource.idField())
                && !object.get(resource.idField()).isContainerNode()) {
            remember(resource, object.get(resource.idField()).asText(), object);
        }
    }

    /** A write (update or patch: PUT, PATCH, Stripe's POST) to the row the item path names, whatever its status. */
    public void write(Resource resource, PathMatch match, String method, int status, JsonNode sent,
                      JsonNode answer) {
        if (!(sent instanceof ObjectNode fields)) {
            return;
        }
        String id = EchoedSegments.decode(match.lastValue());
        ObjectNode current = parsed(rows.getOrDefault(resource, Map.of()).get(id));
        Map<String, JsonNode[]> changed = new LinkedHashMap<>();
        if (current != null) {
            fields.fields().forEachRemaining(field -> {
                JsonNode kept = current.get(field.getKey());
                if (kept != null && !kept.equals(field.getValue())) {
                    changed.put(field.getKey(), new JsonNode[] {field.getValue(), kept});
                }
            });
        }
        boolean success = status >= 200 && status < 300;
        if (status >= 400 && status < 500 && !changed.isEmpty()) {
            refusals.computeIfAbsent(resource, r -> new ArrayList<>()).add(new Refusal(changed, status, answer,
                    current));
        } else if (success) {
            changedByAccepted.computeIfAbsent(resource, r -> new LinkedHashSet<>()).addAll(changed.keySet());
            if (answer instanceof ObjectNode row && row.has(resource.idField())) {
                remember(resource, id, row); // the row as the server answered it
                return;
            }
            ObjectNode next = method.equals("PUT") || current == null ? JSON.createObjectNode() : current;
            List<String> params = match.template().params();
            for (int i = 0; i < params.size() - 1 && i < match.values().size(); i++) {
                next.put(params.get(i), EchoedSegments.decode(match.values().get(i)));
            }
            next.put(resource.idField(), id);
            next.setAll(fields);
            remember(resource, id, next);
        }
    }

    private void remember(Resource resource, String id, ObjectNode row) {
        Map<String, String> known = rows.get(resource);
        if (known != null && (known.size() < MAX_ROWS || known.containsKey(id))) {
            known.put(id, row.toString());
        }
    }

    private static ObjectNode parsed(String row) {
        if (row == null) {
            return null;
        }
        try {
            return (ObjectNode) JSON.readTree(row);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a row this class wrote as JSON reads back", e);
        }
    }

    /** Writes {@code update.immutable} into each resource whose evidence holds, with its evidence. */
    public void settle() {
        refusals.forEach((resource, refused) -> {
            Set<String> fields = null;
            Integer status = null;
            for (Refusal refusal : refused) {
                if (fields == null) {
                    fields = new LinkedHashSet<>(refusal.changed().keySet());
                } else {
                    fields.retainAll(refusal.changed().keySet());
                }
                if (status != null && status != refusal.status()) {
                    return;
                }
                status = refusal.status();
            }
            fields.removeAll(changedByAccepted.getOrDefault(resource, Set.of()));
            if (fields.isEmpty()) {
                return;
            }
            JsonNode body = body(resource, refused, fields);
            resource.updateRule().immutable = new dev.twin.replayer.config.ImmutableFields(new ArrayList<>(fields), status, body);
            resource.evidence.add("immutable " + fields + ": " + refused.size() + " write" + (refused.size() == 1
                    ? "" : "s") + " changing them to an existing row refused with " + status + ", no accepted write "
                    + "changed them" + (refused.size() < 2 ? " (one refusal: thin evidence)" : "")
                    + (body == null ? "" : "; the refusal's body kept" + (body.toString().contains("{{")
                    ? " with the values it names as templates" : "")));
        });
    }

    /** The refusals' one body, templated when each names one immutable field; null when they differ. */
    private static JsonNode body(Resource resource, List<Refusal> refused, Set<String> fields) {
        JsonNode found = null;
        for (Refusal refusal : refused) {
            if (refusal.body() == null) {
                return null;
            }
            List<String> named = refusal.changed().keySet().stream().filter(fields::contains).toList();
            JsonNode body = named.size() == 1 ? templated(refusal.body(), refusal, named.get(0))
                    : refusal.body();
            if (found != null && !found.equals(body)) {
                return null;
            }
            found = body;
        }
        return found;
    }

    private static JsonNode templated(JsonNode body, Refusal refusal, String field) {
        Map<String, String> tokens = new LinkedHashMap<>();
        JsonNode[] values = refusal.changed().get(field);
        tokens.put(text(values[0]), "{{sent}}");
        tokens.put(text(values[1]), "{{current}}");
        tokens.put(field, "{{field}}");
        refusal.row().fields().forEachRemaining(f -> {
            if (f.getValue().isTextual() && !f.getValue().textValue().isBlank()) {
                tokens.putIfAbsent(f.getValue().textValue(), "{{item." + f.getKey() + "}}");
            }
        });
        return ValueTokens.templated(body, tokens);
    }

    private static String text(JsonNode value) {
        return value.isValueNode() ? value.asText() : value.toString();
    }

}
