package dev.twin.replayer.internal.convention;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.replayer.internal.http.ErrorKind;
import dev.twin.replayer.internal.http.TwinError;
import dev.twin.replayer.internal.http.TwinRequest;
import dev.twin.replayer.internal.state.StateException;

import java.util.List;
import java.util.Set;

/**
 * Stripe's cursor paging: {@code limit} (default 10, at most 100), {@code starting_after} / {@code ending_before}
 * an item id, newest first, {@code has_more}; the envelope is {@code {data, has_more}} plus the envelope's extra
 * fields (Stripe's {@code object: list, url}) and count.
 */
public final class CursorPagination implements Pagination {
    /** The parameter and field names, Stripe's by default. */
    public record Names(String limit, String startingAfter, String endingBefore, String hasMore) {
        public static final Names STRIPE = new Names("limit", "starting_after", "ending_before", "has_more");
    }

    private final ListEnvelope envelope;
    private final int defaultLimit;
    private final int maxLimit;
    private final NotFoundMessages notFound;
    private final Names names;

    /** @param names parameter and envelope field names */
    public CursorPagination(ListEnvelope envelope, int defaultLimit, int maxLimit,
                            NotFoundMessages notFound, Names names) {
        this.envelope = envelope;
        this.defaultLimit = defaultLimit;
        this.maxLimit = maxLimit;
        this.notFound = notFound;
        this.names = names;
    }

    @Override
    public Set<String> pagingParameters() {
        return Set.of(names.limit(), names.startingAfter(), names.endingBefore());
    }

    @Override
    public ListPage page(ListItems newestFirst, TwinRequest request) {
        int limit = limit(request.queryParam(names.limit()));
        String after = blankToNull(request.queryParam(names.startingAfter()));
        String before = blankToNull(request.queryParam(names.endingBefore()));
        List<JsonNode> page;
        boolean hasMore;
        if (before != null) {
            int end = indexOf(newestFirst, before, names.endingBefore(), request);
            int start = Math.max(0, end - limit);
            page = newestFirst.sentRange(start, end);
            hasMore = start > 0;
        } else {
            int start = after == null ? 0 : indexOf(newestFirst, after, names.startingAfter(), request) + 1;
            int end = Math.min(newestFirst.size(), start + limit);
            page = newestFirst.sentRange(start, end);
            hasMore = end < newestFirst.size();
        }
        ObjectNode body = envelope.start(request);
        body.set(envelope.dataField(), ListEnvelope.items(page));
        body.put(names.hasMore(), hasMore);
        envelope.putTotal(body, newestFirst.size());
        return ListPage.of(body);
    }

    private int indexOf(ListItems rows, String id, String param, TwinRequest request) {
        int index = rows.indexOf(id);
        if (index >= 0) {
            return index;
        }
        throw new StateException(new TwinError(ErrorKind.NOT_FOUND, notFound.message(id, request), param));
    }

    private int limit(String raw) {
        if (raw == null || raw.isBlank()) {
            return defaultLimit;
        }
        int limit;
        try {
            limit = Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw invalidLimit("Invalid integer: " + raw);
        }
        if (limit < 1) {
            throw invalidLimit("This value must be greater than or equal to 1.");
        }
        if (limit > maxLimit) {
            throw invalidLimit("This value must be less than or equal to " + maxLimit + ".");
        }
        return limit;
    }

    private StateException invalidLimit(String message) {
        return new StateException(new TwinError(ErrorKind.VALIDATION_ERROR, message, names.limit()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
