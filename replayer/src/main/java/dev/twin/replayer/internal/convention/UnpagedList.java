package dev.twin.replayer.internal.convention;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.replayer.internal.http.TwinRequest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** A list with no paging at all (WireMock's {@code {mappings: [...], meta: {total: n}}}): every row, every time. */
public final class UnpagedList implements Pagination {
    private final ListEnvelope envelope;
    private final boolean bareArray;
    private final boolean oldestFirst;
    private final String sortedBy;

    public UnpagedList(ListEnvelope envelope) {
        this(envelope, false, false, null);
    }

    /**
     * @param bareArray   the rows are the whole body
     * @param oldestFirst rows in the order they were made, not newest first
     * @param sortedBy    a field whose text orders the rows (the id, for {@code order: id-ascending}), or null
     */
    public UnpagedList(ListEnvelope envelope, boolean bareArray, boolean oldestFirst, String sortedBy) {
        this.envelope = envelope;
        this.bareArray = bareArray;
        this.oldestFirst = oldestFirst;
        this.sortedBy = sortedBy;
    }

    @Override
    public ListPage page(ListItems newestFirst, TwinRequest request) {
        List<JsonNode> rows = sortedBy != null ? sorted(newestFirst) : newestFirst.sentRange(0, newestFirst.size());
        if (oldestFirst && sortedBy == null) {
            rows = new ArrayList<>(rows);
            Collections.reverse(rows);
        }
        if (bareArray) {
            return ListPage.of(ListEnvelope.items(rows));
        }
        ObjectNode body = envelope.start(request);
        body.set(envelope.dataField(), ListEnvelope.items(rows));
        envelope.putTotal(body, rows.size());
        return ListPage.of(body);
    }

    /** Every row as sent, by the text of {@link #sortedBy}: every row is answered anyway, sorting costs no more. */
    private List<JsonNode> sorted(ListItems items) {
        List<Integer> order = new ArrayList<>(items.size());
        List<String> keys = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            order.add(i);
            keys.add(items.get(i).path(sortedBy).asText(""));
        }
        order.sort(Comparator.comparing(keys::get));
        List<JsonNode> rows = new ArrayList<>(order.size());
        order.forEach(i -> rows.add(items.sent(i)));
        return rows;
    }

    @Override
    public Set<String> pagingParameters() {
        return Set.of();
    }
}
