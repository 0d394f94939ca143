package dev.twin.replayer.internal.binding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.replayer.internal.convention.Expansion;
import dev.twin.replayer.internal.convention.ListItems;
import dev.twin.replayer.internal.convention.ListPage;
import dev.twin.replayer.internal.convention.Pagination;
import dev.twin.replayer.internal.convention.RowFilter;
import dev.twin.replayer.internal.convention.TableConventions;
import dev.twin.replayer.internal.http.TwinResponse;
import dev.twin.replayer.internal.state.FilteredField;
import dev.twin.replayer.internal.state.RowOrder;
import dev.twin.replayer.internal.state.TenantTables;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code list}: the tenant's rows newest first, filtered by the query's top-level fields and the parent path
 * parameters, one page of them in the provider's envelope; {@code expand[]=data.customer} expands inside items.
 * An unfiltered list, and a filter on an indexed field ({@link IndexedFilter}), read only the rows of the page;
 * a filter on any other field shapes and matches every listed row. A parameter {@code list.filters} names filters by
 * that stored field, shown or not, before the rows are shaped.
 */
final class ListAction implements BindingAction {
    private final TableConventions table;
    private final Expansion expansion;
    private final String dataField;
    private final int status;
    private final String idName;
    private final IndexedFilter indexedFilter;
    private final Map<String, String> filters;
    /** Query parameter → the stored field it filters by ({@code list.filters}). */
    private final Map<String, String> storedFilters;
    private final Pagination pagination;
    /** Rows ordered by id before paging ({@code order: id-ascending} on a paged list). */
    private final boolean idAscending;
    /** The view's range and shape ({@code extend[].view}), or null: the table's own rows. */
    private final ViewedRows view;
    /**
     * Newest-first rows put in the order of a field computed from the clock ({@code fields.byClock} {@code listOrder}),
     * reversed when the list answers oldest first (its pagination reverses them again); null: the list's own order.
     */
    private final java.util.Comparator<ObjectNode> ranked;

    /**
     * @param indexedFields the fields the table's rows are indexed by (parent fields, references)
     * @param filters       query parameter → the field it filters by, where the names differ
     *                      ({@code lookup_keys[]=a} filters by {@code lookup_key})
     * @param storedFilters query parameter → stored field, shown or not ({@code list.filters}), null for none
     */
    ListAction(TableConventions table, Expansion expansion, String dataField, int status,
               Set<FilteredField> indexedFields, Map<String, String> filters, Map<String, String> storedFilters) {
        this(table, expansion, dataField, status, indexedFields, filters, storedFilters, table.pagination(), false,
                null, false);
    }

    /**
     * @param pagination  the list's paging (the view's own, for a view)
     * @param idAscending rows ordered by id before paging
     * @param view        the view's range and shape, or null
     */
    ListAction(TableConventions table, Expansion expansion, String dataField, int status,
               Set<FilteredField> indexedFields, Map<String, String> filters, Map<String, String> storedFilters,
               Pagination pagination, boolean idAscending, ViewedRows view, boolean oldestFirst) {
        java.util.Comparator<ObjectNode> order = view == null ? table.shaper().listOrder() : null;
        this.ranked = order == null ? null : oldestFirst ? order.reversed() : order;
        this.pagination = pagination;
        this.idAscending = idAscending;
        this.view = view;
        this.storedFilters = storedFilters == null ? Map.of() : Map.copyOf(storedFilters);
        this.table = table;
        this.expansion = expansion;
        this.dataField = dataField;
        this.status = status;
        this.idName = table.shaper().publicName(table.idField());
        this.indexedFilter = new IndexedFilter(table.table(), table.shaper(), indexedFields);
        this.filters = Map.copyOf(filters);
    }

    @Override
    public TwinResponse run(BoundRequest request, TenantTables tables) {
        Map<String, List<String>> criteria = criteria(request);
        Map<String, List<String>> byStored = storedCriteria(criteria);
        boolean expandsItems = request.expand().stream().anyMatch(path -> path.startsWith(dataField + "."));
        ListItems matching = !byStored.isEmpty() ? filtered(tables, criteria, byStored)
                : criteria.isEmpty() ? indexedFilter.view(tables.listed(table.table()), !expandsItems)
                : indexedFilter.matching(tables, criteria, !expandsItems)
                .orElseGet(() -> filtered(tables, criteria, Map.of()));
        if (idAscending) {
            matching = byIdDescending(matching);
        }
        if (ranked != null) {
            matching = ranked(matching);
        }
        ListItems listed = ListItems.without(matching, table.itemOnly());
        if (view != null) {
            listed = view.apply(listed, request.routed().request());
        }
        ListPage page = pagination.page(listed, request.routed().request());
        if (expandsItems) {
            expandItems(page.body().isArray() ? page.body() : page.body().get(dataField), request, tables);
        }
        TwinResponse response = JsonResponses.of(status, page.body());
        for (Map.Entry<String, String> header : page.headers().entrySet()) {
            response = response.withHeader(header.getKey(), header.getValue());
        }
        return response;
    }

    /**
     * Every item, highest id first: the paging lists "oldest first", so the answer runs by ascending id. Sorting
     * costs every row of the list, as a filter no index serves does.
     */
    private ListItems byIdDescending(ListItems items) {
        List<ObjectNode> all = new ArrayList<>(items.all());
        all.sort(java.util.Comparator.comparing((ObjectNode row) -> row.path(idName).asText()).reversed());
        return ListItems.of(all, idName);
    }

    /**
     * Every item in the order of the computed field, newest first within a value (a stable sort). Sorting costs
     * every row of the list, as an order by id does.
     */
    private ListItems ranked(ListItems items) {
        List<ObjectNode> all = new ArrayList<>(items.all());
        all.sort(ranked);
        return ListItems.of(all, idName);
    }

    /** The criteria {@code list.filters} names, by stored field, taken out of {@code criteria}. */
    private Map<String, List<String>> storedCriteria(Map<String, List<String>> criteria) {
        if (storedFilters.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> byStored = new LinkedHashMap<>();
        storedFilters.forEach((param, field) -> {
            List<String> values = criteria.remove(param);
            if (values != null && !values.isEmpty()) {
                byStored.put(field, values);
            }
        });
        return byStored;
    }

    /** A filter no index serves: every listed row (with the stored fields wanted) shaped, then matched. */
    private ListItems filtered(TenantTables tables, Map<String, List<String>> criteria,
                              Map<String, List<String>> byStored) {
        RowOrder stored = tables.listed(table.table());
        List<ObjectNode> newestFirst = new ArrayList<>(stored.size());
        for (int i = stored.size() - 1; i >= 0; i--) {
            var row = stored.at(i);
            if (byStored.entrySet().stream().allMatch(wanted -> {
                JsonNode value = row.storedField(wanted.getKey());
                return value != null && !value.isContainerNode() && wanted.getValue().contains(value.asText());
            })) {
                newestFirst.add(table.shaper().shape(row));
            }
        }
        return ListItems.of(Collections.unmodifiableList(RowFilter.apply(newestFirst, criteria)), idName);
    }

    private Map<String, List<String>> criteria(BoundRequest request) {
        Map<String, List<String>> criteria = new LinkedHashMap<>();
        request.routed().request().query().forEach((name, values) -> {
            if (!pagination.pagingParameters().contains(name) && !name.equals("expand")
                    && (view == null || !view.parameters().contains(name))) {
                criteria.put(name, values);
            }
        });
        filters.forEach((param, field) -> {
            List<String> values = new java.util.ArrayList<>();
            JsonNode decoded = request.decoded().queryParams().get(param);
            if (decoded != null && decoded.isContainerNode()) {
                decoded.forEach(value -> values.add(value.asText())); // lookup_keys[0]=a&lookup_keys[1]=b
            } else if (decoded != null && !decoded.isNull()) {
                values.add(decoded.asText());
            }
            if (values.isEmpty()) {
                for (String name : List.of(param, param + "[]")) {
                    values.addAll(request.routed().request().query().getOrDefault(name, List.of()));
                }
            }
            criteria.remove(param);
            if (!values.isEmpty()) {
                criteria.put(field, values);
            }
        });
        request.parentParams().forEach((name, value) -> criteria.put(name, List.of(value)));
        return criteria;
    }

    private void expandItems(JsonNode items, BoundRequest request, TenantTables tables) {
        if (items == null || request.expand().isEmpty()) {
            return;
        }
        String prefix = dataField + ".";
        for (String path : request.expand()) {
            if (path.startsWith(prefix)) {
                for (JsonNode item : items) {
                    if (item instanceof ObjectNode object) {
                        expansion.expand(object, table.table(), path.substring(prefix.length()), tables);
                    }
                }
            }
        }
    }
}
