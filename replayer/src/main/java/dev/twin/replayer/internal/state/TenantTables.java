package dev.twin.replayer.internal.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.replayer.internal.http.ErrorKind;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * One tenant's tables as a transaction sees them: the committed rows plus this transaction's own buffered
 * writes. Nothing reaches the store until {@link StateStore#inTransaction} commits; valid only inside it.
 */
public final class TenantTables {
    private static final int MINT_ATTEMPTS = 100;

    private final String tenant;
    private final Map<String, TableDefinition> definitions;
    private final TenantState committed;
    private final Clock clock;
    private final TenantQuota quota;
    /** What this transaction's writes add to the tenant's usage (negative when they free). */
    private long pendingRows;
    private long pendingBytes;
    /** Buffered writes per table: id -> new row, or null for a deletion; in write order. */
    private final Map<String, LinkedHashMap<String, Row>> pending = new HashMap<>();
    private final Map<String, Long> pendingSequences = new HashMap<>();
    /** Each written row as it was before this transaction's first write to it (null: it did not exist). */
    private final Map<String, LinkedHashMap<String, Row>> before = new HashMap<>();
    private final Map<String, Integer> pendingCountChange = new HashMap<>();
    /** Each row this transaction wrote, once, in the order of its first write (table, id). */
    private final List<String[]> firstWrites = new ArrayList<>();
    private boolean open = true;
    /** With shared state: the answer to remember under an idempotency key, with this transaction's writes. */
    private IdempotencyRecord answer;

    TenantTables(String tenant, Map<String, TableDefinition> definitions, TenantState committed, Clock clock,
                 TenantQuota quota) {
        this.tenant = tenant;
        this.definitions = definitions;
        this.committed = committed;
        this.clock = clock;
        this.quota = quota;
    }

    /** The tenant key these tables belong to. */
    public String tenant() {
        return tenant;
    }

    /** The twin's clock now: the time this transaction's writes are stamped with. */
    public long nowMillis() {
        return clock.millis();
    }

    public Optional<Row> get(String table, String id) {
        return Optional.ofNullable(find(definition(table), id));
    }

    /** Every row the tenant sees, in creation order: seed rows first (in seed order), then its own. */
    public List<Row> list(String table) {
        TableDefinition definition = definition(table);
        TableOverlay overlay = committed.existingOverlay(table);
        List<Row> base = overlay == null ? new ArrayList<>(definition.seeds().values()) : overlay.rows(definition);
        Map<String, Row> writes = pending.get(table);
        if (writes == null || writes.isEmpty()) {
            return base;
        }
        List<Row> rows = new ArrayList<>(base.size() + writes.size());
        Set<String> seen = new HashSet<>();
        for (Row row : base) {
            seen.add(row.id());
            if (!writes.containsKey(row.id())) {
                rows.add(row);
            } else if (writes.get(row.id()) != null) {
                rows.add(writes.get(row.id()));
            }
        }
        writes.forEach((id, row) -> {
            if (row != null && !seen.contains(id)) {
                rows.add(row);
            }
        });
        return rows;
    }

    /**
     * The rows a list shows (not soft-deleted), oldest first, as an O(log n) view over the tenant's index. A
     * transaction that already wrote to the table gets a copied view of its own writes instead.
     */
    public RowOrder listed(String table) {
        TableDefinition definition = definition(table);
        Map<String, Row> writes = pending.get(table);
        if (writes != null && !writes.isEmpty()) {
            return RowOrder.of(list(table));
        }
        TableOverlay overlay = committed.existingOverlay(table);
        if (overlay == null) {
            return RowOrder.of(definition.seedOrder(), definition.seeds()::get);
        }
        return RowOrder.of(overlay.order(definition), id -> overlay.get(definition, id));
    }

    /**
     * A field lists filter by, as an O(log n) index over the tenant's listed rows; empty when the field is not
     * indexed, or when this transaction already wrote to the table (the caller then walks {@link #listed}).
     */
    public Optional<IndexedField> indexed(String table, String field) {
        TableDefinition definition = definition(table);
        Map<String, Row> writes = pending.get(table);
        if (definition.seedFilters().field(field) == null || writes != null && !writes.isEmpty()) {
            return Optional.empty();
        }
        TableOverlay overlay = committed.existingOverlay(table);
        FieldIndex index = overlay == null ? definition.seedFilters().field(field)
                : overlay.filters(definition).field(field);
        Function<String, Row> rows = overlay == null ? definition.seeds()::get
                : id -> overlay.get(definition, id);
        return Optional.of(new IndexedField() {
            @Override
            public int rowsWithField() {
                return index.rowsWithField();
            }

            @Override
            public RowOrder rowsWith(String value) {
                return index.rowsWith(value, rows);
            }
        });
    }

    /**
     * The listed rows whose indexed field has {@code value} (its text, as list filters compare it), as this
     * transaction sees them — the committed index, with this transaction's own writes of the table applied — oldest
     * first; empty when the field is not indexed. O(matching rows + this transaction's writes to the table).
     */
    public Optional<List<Row>> rowsWhere(String table, String field, String value) {
        TableDefinition definition = definition(table);
        if (value == null || definition.seedFilters().field(field) == null) {
            return Optional.empty();
        }
        TableOverlay overlay = committed.existingOverlay(table);
        FieldIndex index = overlay == null ? definition.seedFilters().field(field)
                : overlay.filters(definition).field(field);
        Function<String, Row> rows = overlay == null ? definition.seeds()::get : id -> overlay.get(definition, id);
        RowOrder order = index.rowsWith(value, rows);
        Map<String, Row> writes = pending.get(table);
        List<Row> found = new ArrayList<>(order.size());
        for (int i = 0; i < order.size(); i++) {
            Row row = order.at(i);
            if (writes == null || !writes.containsKey(row.id())) {
                found.add(row);
            }
        }
        if (writes != null) {
            writes.values().forEach(row -> {
                JsonNode stored = row == null ? null : row.storedField(field);
                if (row != null && row.isListed() && stored != null && value.equals(FieldIndex.filterText(stored))) {
                    found.add(row);
                }
            });
            found.sort(java.util.Comparator.comparingLong(Row::createdAtMillis));
        }
        return Optional.of(found);
    }

    /** How many rows the tenant sees in the table. */
    public int count(String table) {
        TableDefinition definition = definition(table);
        TableOverlay overlay = committed.existingOverlay(table);
        int base = overlay == null ? definition.seeds().size() : overlay.count(definition);
        return base + pendingCountChange.getOrDefault(table, 0);
    }

    /**
     * Adds a row. The id comes from the data's id field when present, otherwise it is minted in the table's shape.
     *
     * @throws StateException CONFLICT when the id exists, QUOTA_EXCEEDED when the table is full for this tenant or
     *                        the tenant holds as many rows or bytes as it may
     */
    public Row insert(String table, ObjectNode data) {
        TableDefinition definition = definition(table);
        String idField = definition.idField();
        String id = data.hasNonNull(idField) ? data.get(idField).asText() : null;
        if (id != null && find(definition, id) != null) {
            throw new StateException(ErrorKind.CONFLICT,
                    "A row with " + idField + " '" + id + "' already exists in " + table);
        }
        if (definition.maxRows() > 0 && count(table) >= definition.maxRows()) {
            throw new StateException(ErrorKind.QUOTA_EXCEEDED, "Table " + table + " is full: at most "
                    + definition.maxRows() + " rows per tenant");
        }
        if (id == null) {
            id = mint(definition);
        }
        long now = clock.millis();
        Row row = new Row(id, withId(definition, id, data), now, now);
        write(table, id, row);
        pendingCountChange.merge(table, 1, Integer::sum);
        return row;
    }

    /**
     * Replaces a row's data (the id field is kept); keeps its creation time and bumps its update time.
     *
     * @throws StateException NOT_FOUND when the tenant has no such row, QUOTA_EXCEEDED when the new data would
     *                        take the tenant over its byte quota
     */
    public Row replace(String table, String id, ObjectNode data) {
        TableDefinition definition = definition(table);
        Row current = find(definition, id);
        if (current == null) {
            throw notFound(table, id);
        }
        long updated = Math.max(clock.millis(), current.updatedAtMillis());
        Row row = new Row(id, withId(definition, id, data),
                current.createdAtMillis(), updated);
        write(table, id, row);
        return row;
    }

    /** Removes a row; false when the tenant has no such row. */
    public boolean delete(String table, String id) {
        TableDefinition definition = definition(table);
        if (find(definition, id) == null) {
            return false;
        }
        write(table, id, null);
        pendingCountChange.merge(table, -1, Integer::sum);
        return true;
    }

    /** The error for a row that does not exist, in the engine's words. */
    public static StateException notFound(String table, String id) {
        return new StateException(ErrorKind.NOT_FOUND, "No such row in " + table + ": '" + id + "'");
    }

    /** The rows this transaction wrote to the table (created or replaced, not deleted), in write order. */
    public List<Row> written(String table) {
        Map<String, Row> writes = pending.get(table);
        if (writes == null) {
            return List.of();
        }
        List<Row> rows = new ArrayList<>(writes.size());
        writes.values().forEach(row -> {
            if (row != null) {
                rows.add(row);
            }
        });
        return rows;
    }

    /**
     * With shared state, remembers this transaction's answer under an idempotency key in the commit of its writes
     * (on its own when it wrote nothing), so that no Redis lost between the two leaves a write without its record.
     * The last call wins (a transaction run again after a conflict calls it again).
     */
    public void rememberAnswer(IdempotencyRecord record) {
        this.answer = record;
    }

    IdempotencyRecord answerToRemember() {
        return answer;
    }

    boolean hasWrites() {
        return !pending.isEmpty() || !pendingSequences.isEmpty();
    }

    Map<String, LinkedHashMap<String, Row>> pendingWrites() {
        return pending;
    }

    /** What this transaction changed so far, in write order (for a {@link CommitHook}). */
    public List<RowChange> pendingChanges() {
        return changes();
    }

    /** What this transaction changed, in the order rows were first written (a row created then deleted is left out). */
    List<RowChange> changes() {
        List<RowChange> changes = new ArrayList<>(firstWrites.size());
        for (String[] written : firstWrites) {
            String table = written[0];
            String id = written[1];
            Row after = pending.get(table).get(id);
            Row previous = before.get(table).get(id);
            if (previous != null || after != null) {
                changes.add(new RowChange(table, id, previous, after));
            }
        }
        return changes;
    }

    Map<String, Long> pendingSequences() {
        return pendingSequences;
    }

    void close() {
        open = false;
    }

    private Row find(TableDefinition definition, String id) {
        Map<String, Row> writes = pending.get(definition.name());
        if (writes != null && writes.containsKey(id)) {
            return writes.get(id);
        }
        if (id == null) {
            return null;
        }
        TableOverlay overlay = committed.existingOverlay(definition.name());
        return overlay == null ? definition.seeds().get(id) : overlay.get(definition, id);
    }

    private String mint(TableDefinition definition) {
        for (int attempt = 0; attempt < MINT_ATTEMPTS; attempt++) {
            String id;
            if (definition.ids().isSequential()) {
                long next = pendingSequences.getOrDefault(definition.name(), committedSequence(definition)) + 1;
                pendingSequences.put(definition.name(), next);
                id = definition.ids().next(next);
            } else {
                id = definition.ids().next();
            }
            if (find(definition, id) == null) {
                return id;
            }
        }
        // Only a tiny id space (a short pattern) gets here.
        throw new StateException(ErrorKind.CONFLICT, "Could not mint a free id for " + definition.name()
                + " after " + MINT_ATTEMPTS + " attempts: the id shape allows too few ids");
    }

    private long committedSequence(TableDefinition definition) {
        TableOverlay overlay = committed.existingOverlay(definition.name());
        return overlay == null ? definition.firstSequence() : overlay.sequence;
    }

    private void write(String table, String id, Row rowOrNull) {
        if (!open) {
            throw new IllegalStateException("tables of tenant " + tenant + " used after their transaction ended");
        }
        account(definition(table), id, rowOrNull);
        LinkedHashMap<String, Row> beforeRows = before.computeIfAbsent(table, name -> new LinkedHashMap<>());
        if (!beforeRows.containsKey(id)) {
            beforeRows.put(id, find(definition(table), id));
            firstWrites.add(new String[] {table, id});
        }
        pending.computeIfAbsent(table, name -> new LinkedHashMap<>()).put(id, rowOrNull);
    }

    /**
     * Counts a write against the tenant's quotas before it is buffered, so a write over quota changes nothing:
     * the transaction fails and none of its writes is applied.
     */
    private void account(TableDefinition definition, String id, Row rowOrNull) {
        Row heldBefore = held(definition, id);
        long rows = (rowOrNull == null ? 0 : 1) - (heldBefore == null ? 0 : 1);
        long bytes = (rowOrNull == null ? 0 : RowSize.of(rowOrNull))
                - (heldBefore == null ? 0 : RowSize.of(heldBefore));
        TenantUsage used = committed.usage();
        if (rows > 0 && used.rows + pendingRows + rows > quota.rows()) {
            throw new StateException(ErrorKind.QUOTA_EXCEEDED, "This tenant already holds as many rows as it may ("
                    + quota.rows() + "): delete some or reset the twin before creating more.");
        }
        if (bytes > 0 && used.bytes + pendingBytes + bytes > quota.bytes()) {
            throw new StateException(ErrorKind.QUOTA_EXCEEDED, "This tenant would hold more data than it may ("
                    + quota.bytes() + " bytes of JSON): delete some or reset the twin before storing more.");
        }
        pendingRows += rows;
        pendingBytes += bytes;
    }

    /** The row the tenant holds a copy of under {@code id}, as this transaction sees it (null: none). */
    private Row held(TableDefinition definition, String id) {
        Map<String, Row> writes = pending.get(definition.name());
        if (writes != null && writes.containsKey(id)) {
            return writes.get(id); // every row a commit puts is held
        }
        TableOverlay overlay = committed.existingOverlay(definition.name());
        return overlay == null ? null : overlay.heldRow(id);
    }

    long pendingRows() {
        return pendingRows;
    }

    long pendingBytes() {
        return pendingBytes;
    }

    private TableDefinition definition(String table) {
        TableDefinition definition = definitions.get(table);
        if (definition == null) {
            throw new IllegalArgumentException("no table named '" + table + "', known: " + definitions.keySet());
        }
        return definition;
    }

    /**
     * The data with the id field first (or last, for tables whose API writes it after the fields sent); a given id
     * keeps its JSON type (a number stays a number), a minted one is a number when the table's ids are.
     */
    private static ObjectNode withId(TableDefinition definition, String id, ObjectNode data) {
        String idField = definition.idField();
        ObjectNode copy = JsonNodeFactory.instance.objectNode();
        JsonNode given = data.get(idField);
        JsonNode idValue = given != null && given.isValueNode() && given.asText().equals(id) ? given
                : definition.numericIds() && isLong(id) ? JsonNodeFactory.instance.numberNode(Long.parseLong(id))
                : JsonNodeFactory.instance.textNode(id);
        if (!definition.idLast()) {
            copy.set(idField, idValue);
        }
        data.fields().forEachRemaining(field -> {
            if (!field.getKey().equals(idField)) {
                copy.set(field.getKey(), field.getValue());
            }
        });
        if (definition.idLast()) {
            copy.set(idField, idValue);
        }
        return copy;
    }

    private static boolean isLong(String text) {
        if (text.isEmpty() || text.length() > 18) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
