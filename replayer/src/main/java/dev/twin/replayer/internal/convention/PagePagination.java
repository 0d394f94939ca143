package dev.twin.replayer.internal.convention;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.replayer.internal.http.TwinRequest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Twilio's page paging: {@code Page} (from 0), {@code PageSize} (default 50), and {@code PageToken}
 * ({@code PA} + the id of the previous page's last item, which keeps paging stable while rows are added). The
 * envelope carries {@code page, page_size, start, end, uri, first_page_uri, next_page_uri} (null on the last page)
 * and {@code previous_page_uri}; the items go under the configured data field (e.g. {@code messages}).
 */
public final class PagePagination implements Pagination {
    static final String PAGE_TOKEN = "PageToken";
    private static final String TOKEN_PREFIX = "PA";

    private final ListEnvelope envelope;
    private final String idField;
    private final int defaultPageSize;
    private final int maxPageSize;
    private final String pageParam;
    private final String pageSizeParam;
    /** Internal name (page, pageSize, firstPageUri, previousPageUri, nextPageUri, uri, start, end) to field name. */
    private final Map<String, String> fields;

    public PagePagination(ListEnvelope envelope, String idField, int defaultPageSize, int maxPageSize,
                          String pageParam, String pageSizeParam, Map<String, String> fields) {
        this.envelope = envelope;
        this.idField = idField;
        this.defaultPageSize = defaultPageSize;
        this.maxPageSize = maxPageSize;
        this.pageParam = pageParam;
        this.pageSizeParam = pageSizeParam;
        this.fields = Map.copyOf(fields);
    }

    @Override
    public Set<String> pagingParameters() {
        return Set.of(pageParam, pageSizeParam, PAGE_TOKEN);
    }

    @Override
    public ListPage page(ListItems newestFirst, TwinRequest request) {
        int pageSize = QueryInteger.parse(request.queryParam(pageSizeParam), pageSizeParam, defaultPageSize, 1,
                maxPageSize);
        int pageNumber = QueryInteger.parse(request.queryParam(pageParam), pageParam, 0, 0, Integer.MAX_VALUE);
        int start = startOf(newestFirst, request.queryParam(PAGE_TOKEN), (long) pageNumber * pageSize);
        int end = Math.min(newestFirst.size(), start + pageSize);
        List<JsonNode> items = newestFirst.sentRange(start, end);

        String base = request.path() + "?" + otherParameters(request);
        String sized = base + pageSizeParam + "=" + pageSize + "&" + pageParam + "=";
        ObjectNode body = envelope.start(request);
        put(body, "firstPageUri", sized + 0);
        put(body, "end", items.isEmpty() ? start : end - 1);
        put(body, "previousPageUri", pageNumber > 0 ? sized + (pageNumber - 1) : null);
        body.set(envelope.dataField(), ListEnvelope.items(items));
        put(body, "uri", sized + pageNumber);
        put(body, "pageSize", pageSize);
        put(body, "start", start);
        String next = null;
        if (end < newestFirst.size() && !items.isEmpty()) {
            String token = TOKEN_PREFIX + newestFirst.get(end - 1).path(idField).asText();
            next = sized + (pageNumber + 1) + "&" + PAGE_TOKEN + "=" + encode(token);
        }
        put(body, "nextPageUri", next);
        put(body, "page", pageNumber);
        envelope.putTotal(body, newestFirst.size());
        return ListPage.of(body);
    }

    private void put(ObjectNode body, String internalName, Object value) {
        String field = fields.get(internalName);
        if (field != null) {
            body.set(field, PlainValues.toJson(value));
        }
    }

    /** After the token's item when the token names a visible row, else the page offset. */
    private int startOf(ListItems rows, String token, long offset) {
        if (token != null && token.startsWith(TOKEN_PREFIX)) {
            int index = rows.indexOf(token.substring(TOKEN_PREFIX.length()));
            if (index >= 0) {
                return index + 1;
            }
        }
        return (int) Math.min(rows.size(), offset);
    }

    /** The request's other query parameters (filters), kept in the page links as Twilio does. */
    private String otherParameters(TwinRequest request) {
        StringBuilder query = new StringBuilder();
        for (Map.Entry<String, List<String>> param : request.query().entrySet()) {
            if (pagingParameters().contains(param.getKey())) {
                continue;
            }
            for (String value : param.getValue()) {
                query.append(encode(param.getKey())).append('=').append(encode(value)).append('&');
            }
        }
        return query.toString();
    }


    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
