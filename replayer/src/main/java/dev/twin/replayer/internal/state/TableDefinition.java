package dev.twin.replayer.internal.state;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.replayer.config.IdType;
import dev.twin.replayer.config.TableConfig;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the engine needs of one configured table, precomputed once: the id field, the id generator, the seed rows
 * (keyed by id, in seed order), the per-tenant row quota (0 = unlimited), the last sequence number already taken
 * and whether minted ids are JSON numbers (and written last); the seeds' list order and their indexes by the fields
 * lists filter by ({@code filterFields}), which tenants that never wrote to the table share (never changed once
 * built); and each seed row's place in list order.
 */
record TableDefinition(String name, String idField, IdGenerator ids, Map<String, Row> seeds, int maxRows,
                       long firstSequence, boolean numericIds, boolean idLast, OrderIndex seedOrder,
                       Set<FilteredField> filterFields, Map<String, Long> seedKeys, FilterIndexes seedFilters) {
    TableDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(idField, "idField");
        Objects.requireNonNull(ids, "ids");
        seeds = Collections.unmodifiableMap(new LinkedHashMap<>(seeds));
        filterFields = filterFields == null ? Set.of() : Set.copyOf(filterFields);
        seedOrder = new OrderIndex();
        Map<String, Long> keys = new HashMap<>();
        seedFilters = new FilterIndexes(filterFields);
        for (Row seed : seeds.values()) {
            seedOrder.add(seed.id(), seed.isListed());
            // seed rows come before every tenant row, whose keys are creation positions from 0
            long key = Long.MIN_VALUE + keys.size();
            keys.put(seed.id(), key);
            seedFilters.put(seed, key);
        }
        seedKeys = Collections.unmodifiableMap(keys);
    }

    /** The same table with its seeds indexed by {@code fields}. */
    TableDefinition withFilterFields(Set<FilteredField> fields) {
        return new TableDefinition(name, idField, ids, seeds, maxRows, firstSequence, numericIds, idLast, null,
                fields, null, null);
    }

    static TableDefinition from(TableConfig table) {
        return of(table.name(), table.idField(), IdGenerator.forTable(table), table.seedData(), table.maxRows(),
                table.idStart(), table.idType() == IdType.INTEGER, table.idLast());
    }

    /**
     * Seed rows keep their ids; a sequence table continues after the highest numeric seed id, or from
     * {@code idStart} when that is higher.
     */
    static TableDefinition of(String name, String idField, IdGenerator ids, List<ObjectNode> seedData,
                              int maxRows, long idStart, boolean numericIds, boolean idLast) {
        Map<String, Row> seeds = new LinkedHashMap<>();
        long highest = 0;
        for (int i = 0; i < seedData.size(); i++) {
            ObjectNode data = seedData.get(i);
            String id = data.hasNonNull(idField) ? data.get(idField).asText() : null;
            if (id == null) {
                throw new IllegalArgumentException("seed row " + (i + 1) + " of table " + name + " has no "
                        + idField);
            }
            if (seeds.put(id, new Row(id, data, 0, 0)) != null) {
                throw new IllegalArgumentException("seed rows of table " + name + " repeat the id " + id);
            }
            highest = Math.max(highest, numberOrZero(id));
        }
        return new TableDefinition(name, idField, ids, seeds, maxRows, Math.max(highest, idStart - 1), numericIds,
                idLast, null, Set.of(), null, null);
    }

    private static long numberOrZero(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }
}
