package dev.twin.replayer.internal.binding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.replayer.internal.convention.ListItems;
import dev.twin.replayer.internal.convention.RowFilter;
import dev.twin.replayer.internal.convention.RowShaper;
import dev.twin.replayer.internal.state.FilteredField;
import dev.twin.replayer.internal.state.IndexedField;
import dev.twin.replayer.internal.state.RowOrder;
import dev.twin.replayer.internal.state.TenantTables;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Answers a filtered list from the table's field indexes when one serves, with exactly the rows and order the walk
 * ({@link RowFilter} over every listed row) gives. The driver is the equality filter, on an indexed field, with
 * the fewest matching rows; the other filters are checked on its rows only. The index is not used (the caller
 * walks) when no filter names an indexed field with one value, or when a remaining filter names a field none of
 * the driver's rows has (the walk would then drop that filter, or every row, depending on rows outside them).
 * Assumes no stored field name differs from an indexed one only in case or underscores.
 */
final class IndexedFilter {
    private final String table;
    private final RowShaper shaper;
    private final String idName;
    /** Indexed stored fields, by the name filters compare (of the field as rows show it). */
    private final Map<String, String> fieldByNormalName = new HashMap<>();

    /** @param indexedFields fields the store indexes for this table (see {@link RowShaper#filteredField}) */
    IndexedFilter(String table, RowShaper shaper, Set<FilteredField> indexedFields) {
        this.table = table;
        this.shaper = shaper;
        this.idName = shaper.publicName(shaper.idField());
        Set<String> ambiguous = new HashSet<>();
        for (FilteredField field : indexedFields) {
            String normal = RowFilter.normalName(shaper.publicName(field.name())); // filters name shown fields
            if (fieldByNormalName.putIfAbsent(normal, field.name()) != null) {
                ambiguous.add(normal);
            }
        }
        ambiguous.forEach(fieldByNormalName::remove);
    }

    /**
     * The matching rows, newest first; empty when no index serves these criteria.
     *
     * @param serialized whether the items are sent as they are ({@link #view})
     */
    Optional<ListItems> matching(TenantTables tables, Map<String, List<String>> criteria, boolean serialized) {
        Map<String, Set<String>> wanted = new LinkedHashMap<>();
        criteria.forEach((param, values) -> {
            if (!param.contains("[") && !values.isEmpty()) {
                wanted.computeIfAbsent(RowFilter.normalName(param), name -> new LinkedHashSet<>()).addAll(values);
            }
        });
        String driverName = null;
        RowOrder driver = null;
        Set<String> ignored = new HashSet<>();
        for (Map.Entry<String, Set<String>> filter : wanted.entrySet()) {
            String field = fieldByNormalName.get(filter.getKey());
            if (field == null) {
                continue;
            }
            Optional<IndexedField> index = tables.indexed(table, field);
            if (index.isEmpty()) {
                return Optional.empty();
            }
            if (index.get().rowsWithField() == 0) {
                ignored.add(filter.getKey()); // no listed row has the field: the walk drops this filter
                continue;
            }
            if (filter.getValue().size() == 1) {
                RowOrder rows = index.get().rowsWith(filter.getValue().iterator().next());
                if (driver == null || rows.size() < driver.size()) {
                    driver = rows;
                    driverName = filter.getKey();
                }
            }
        }
        if (driver == null) {
            return Optional.empty();
        }
        Map<String, List<String>> rest = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> criterion : criteria.entrySet()) {
            String name = RowFilter.normalName(criterion.getKey());
            if (!name.equals(driverName) && !ignored.contains(name)) {
                rest.put(criterion.getKey(), criterion.getValue());
            }
        }
        if (rest.isEmpty()) {
            return Optional.of(view(driver, serialized));
        }
        List<ObjectNode> candidates = new ArrayList<>(driver.size());
        for (int i = driver.size() - 1; i >= 0; i--) {
            candidates.add(shaper.shape(driver.at(i)));
        }
        if (!RowFilter.namesFieldsOf(candidates, rest)) {
            return Optional.empty();
        }
        return Optional.of(ListItems.of(Collections.unmodifiableList(RowFilter.apply(candidates, rest)), idName));
    }

    /**
     * The driver's rows newest first: only the rows of the page are read and shaped.
     *
     * @param serialized whether the answer sends the items as they are (nothing expands inside them), so each is
     *                   sent as its row's JSON, serialised once ({@link RowShaper#json})
     */
    ListItems view(RowOrder oldestFirst, boolean serialized) {
        return new ListItems() {
            @Override
            public int size() {
                return oldestFirst.size();
            }

            @Override
            public ObjectNode get(int index) {
                return shaper.shape(oldestFirst.at(oldestFirst.size() - 1 - index));
            }

            @Override
            public JsonNode sent(int index) {
                return serialized ? shaper.json(oldestFirst.at(oldestFirst.size() - 1 - index)).asNode() : get(index);
            }

            @Override
            public int indexOf(String id) {
                int rank = oldestFirst.rank(id);
                return rank < 0 ? -1 : oldestFirst.size() - 1 - rank;
            }
        };
    }
}
