package dev.twin.replayer.internal.convention;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.replayer.internal.state.Row;
import dev.twin.replayer.internal.state.TenantTables;

import java.util.Map;
import java.util.Optional;

/**
 * Stripe's {@code expand[]}: replaces an id with the referenced table's row, shaped by that table's conventions.
 * A path walks references: {@code customer}, or {@code latest_charge.customer} through two tables. Lists strip
 * their data field first ({@code data.customer}). An id that names no row stays an id. It changes only the top
 * level of the objects it expands in (see {@link RowShaper#shape(Row)}).
 */
public final class Expansion {
    /** What expansion needs to know of a table: how its rows look and which fields reference which tables. */
    public record ExpandableTable(RowShaper shaper, Map<String, String> references) {
        public ExpandableTable {
            references = Map.copyOf(references);
        }
    }

    private final Map<String, ExpandableTable> tables;

    public Expansion(Map<String, ExpandableTable> tables) {
        this.tables = Map.copyOf(tables);
    }

    /** Expands one dotted path inside a shaped row of {@code table}, replacing fields of {@code body}. */
    public void expand(ObjectNode body, String table, String path, TenantTables state) {
        ExpandableTable from = tables.get(table);
        if (from == null || path.isEmpty()) {
            return;
        }
        int dot = path.indexOf('.');
        String field = dot < 0 ? path : path.substring(0, dot);
        String rest = dot < 0 ? "" : path.substring(dot + 1);
        String target = from.references().get(field);
        JsonNode value = body.get(field);
        if (target == null || value == null) {
            return;
        }
        if (value.isTextual()) {
            Optional<ObjectNode> row = lookUp(target, value.textValue(), state);
            if (row.isEmpty()) {
                return;
            }
            body.set(field, row.get());
            value = row.get();
        } else if (!rest.isEmpty() && value instanceof ObjectNode shared) {
            // a shaped row shares its nested values with the stored row: expand inside a copy of this one
            ObjectNode own = JsonNodeFactory.instance.objectNode().setAll(shared);
            body.set(field, own);
            value = own;
        }
        if (!rest.isEmpty() && value instanceof ObjectNode nested) {
            expand(nested, target, rest, state);
        }
    }

    /**
     * json-server's {@code _embed}: the rows of {@code child} whose {@code field} holds {@code id}, shaped by the
     * child table, in the order they were made. An unknown child table embeds nothing.
     */
    public JsonNode children(String child, String field, String id, TenantTables state) {
        ExpandableTable target = tables.get(child);
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        if (target == null) {
            return out;
        }
        for (Row row : state.list(child)) {
            JsonNode value = row.data().get(field);
            if (value != null && value.isValueNode() && value.asText().equals(id)
                    && !row.has(TableConventions.DELETED_MARKER)) {
                out.add(target.shaper().shape(row));
            }
        }
        return out;
    }

    private Optional<ObjectNode> lookUp(String table, String id, TenantTables state) {
        ExpandableTable target = tables.get(table);
        if (target == null) {
            return Optional.empty();
        }
        return state.get(table, id).map(target.shaper()::shape);
    }
}
