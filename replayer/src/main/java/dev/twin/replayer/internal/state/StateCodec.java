package dev.twin.replayer.internal.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** JSON forms of rows and tenant state, for the state file and its snapshots. */
final class StateCodec {
    static final ObjectMapper JSON = new ObjectMapper();

    private StateCodec() {
    }

    static ObjectNode row(Row row) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", row.id());
        node.put("c", row.createdAtMillis());
        node.put("u", row.updatedAtMillis());
        node.set("d", row.data());
        return node;
    }

    static Row row(JsonNode node) {
        return new Row(node.get("id").asText(), (ObjectNode) node.get("d"), node.get("c").asLong(),
                node.get("u").asLong());
    }

    /** Every tenant's writes, as saved in a snapshot. */
    static String tenants(Map<String, TenantState> tenants) {
        ObjectNode root = JSON.createObjectNode();
        tenants.forEach((tenant, state) -> {
            ObjectNode node = root.putObject(tenant);
            node.put("a", state.lastActivityMillis);
            node.put("n", state.nextPosition);
            ObjectNode tables = node.putObject("tables");
            state.tables.forEach((name, overlay) -> tables.set(name, overlay(overlay)));
        });
        return write(root);
    }

    static Map<String, TenantState> tenants(String json, Map<String, TableDefinition> definitions) {
        Map<String, TenantState> tenants = new HashMap<>();
        read(json).fields().forEachRemaining(entry -> {
            JsonNode node = entry.getValue();
            TenantState state = new TenantState(node.get("a").asLong());
            state.nextPosition = node.get("n").asLong();
            node.get("tables").fields().forEachRemaining(table -> {
                TableDefinition definition = definitions.get(table.getKey());
                if (definition != null) { // a table no longer configured is dropped
                    state.tables.put(table.getKey(), overlay(table.getValue(), definition));
                }
            });
            tenants.put(entry.getKey(), state);
        });
        return tenants;
    }

    private static ObjectNode overlay(TableOverlay overlay) {
        ObjectNode node = JSON.createObjectNode();
        node.put("s", overlay.sequence);
        ArrayNode deleted = node.putArray("deleted");
        overlay.deletedSeeds.forEach(deleted::add);
        ArrayNode seeds = node.putArray("seed");
        overlay.seedOverrides.values().forEach(row -> seeds.add(row(row)));
        ArrayNode own = node.putArray("own");
        overlay.own.values().forEach(placed -> own.add(row(placed.row()).put("p", placed.position())));
        return node;
    }

    private static TableOverlay overlay(JsonNode node, TableDefinition definition) {
        TableOverlay overlay = new TableOverlay(node.get("s").asLong());
        node.get("deleted").forEach(id -> overlay.deletedSeeds.add(id.asText()));
        node.get("seed").forEach(row -> overlay.seedOverrides.put(row.get("id").asText(), row(row)));
        List<JsonNode> own = new ArrayList<>();
        node.get("own").forEach(own::add);
        own.sort(Comparator.comparingLong(row -> row.get("p").asLong()));
        own.forEach(row -> overlay.own.put(row.get("id").asText(),
                new TableOverlay.Placed(row(row), row.get("p").asLong())));
        return overlay;
    }

    /** A row key's state after a commit, as the state file and the shared store keep it. */
    static String rowState(StateFile.RowChange change) {
        ObjectNode node = change.row() == null ? JSON.createObjectNode() : row(change.row());
        node.put("k", change.kind().name());
        if (change.kind() == StateFile.RowChange.Kind.OWN) {
            node.put("p", change.position());
        }
        return write(node);
    }

    /** The state {@link #rowState} wrote for the row {@code id} of {@code table}. */
    static StateFile.RowChange rowState(String table, String id, String json) {
        JsonNode value = read(json);
        StateFile.RowChange.Kind kind = StateFile.RowChange.Kind.valueOf(value.get("k").asText());
        return switch (kind) {
            case OWN -> new StateFile.RowChange(table, id, kind, row(value), value.get("p").asLong());
            case SEED -> new StateFile.RowChange(table, id, kind, row(value), 0);
            default -> new StateFile.RowChange(table, id, kind, null, 0);
        };
    }

    static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
