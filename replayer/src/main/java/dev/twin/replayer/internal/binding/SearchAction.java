package dev.twin.replayer.internal.binding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.replayer.config.SearchStyle;
import dev.twin.replayer.internal.convention.Expansion;
import dev.twin.replayer.internal.convention.JsonTemplate;
import dev.twin.replayer.internal.convention.StringTemplate;
import dev.twin.replayer.internal.convention.TableConventions;
import dev.twin.replayer.internal.http.ErrorKind;
import dev.twin.replayer.internal.http.TwinError;
import dev.twin.replayer.internal.http.TwinRequest;
import dev.twin.replayer.internal.http.TwinResponse;
import dev.twin.replayer.internal.search.SearchQuery;
import dev.twin.replayer.internal.search.SearchQueryParser;
import dev.twin.replayer.internal.search.SearchSyntaxException;
import dev.twin.replayer.internal.state.Row;
import dev.twin.replayer.internal.state.RowOrder;
import dev.twin.replayer.internal.state.StateException;
import dev.twin.replayer.internal.state.TenantTables;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * {@code search}: the tenant's rows that match the query ({@code ?query=email:'a@b.c' AND metadata['k']:'v'}),
 * newest first, one page of them in the search envelope with the next page's token
 * ({@code {object: search_result, data, has_more, next_page}} for Stripe). The query is parsed per request (it is the
 * request's own data); fields it may name were fixed when the binding was compiled. Rows are read newest first from
 * the page token on until the page is full: a query few rows match reads many of them.
 */
final class SearchAction implements BindingAction {
    private static final String TOKEN_PREFIX = "twin:";

    private final TableConventions table;
    private final Expansion expansion;
    private final String dataField;
    private final int status;
    private final List<String> fields;
    private final SearchStyle style;
    private final JsonTemplate extraFields;
    private final StringTemplate syntaxMessage;
    private final StringTemplate fieldMessage;
    private final String limitParam;
    private final String hasMoreField;
    private final int defaultLimit;
    private final int maxLimit;

    /** @param fields the fields a query may name (empty: any) */
    SearchAction(TableConventions table, Expansion expansion, String dataField, int status, List<String> fields,
                 SearchStyle style, String limitParam, String hasMoreField, int defaultLimit, int maxLimit) {
        this.table = table;
        this.expansion = expansion;
        this.dataField = dataField;
        this.status = status;
        this.fields = List.copyOf(fields);
        this.style = style;
        this.extraFields = style.extraFields() == null || style.extraFields().isEmpty() ? null
                : JsonTemplate.compile(style.extraFields());
        this.syntaxMessage = StringTemplate.compile(style.syntaxMessage());
        this.fieldMessage = StringTemplate.compile(style.unsupportedFieldMessage());
        this.limitParam = limitParam;
        this.hasMoreField = hasMoreField;
        this.defaultLimit = defaultLimit;
        this.maxLimit = maxLimit;
    }

    @Override
    public TwinResponse run(BoundRequest request, TenantTables tables) {
        TwinRequest http = request.routed().request();
        SearchQuery query = query(parameter(request, style.queryParam()));
        int limit = limit(parameter(request, limitParam));
        RowOrder rows = tables.listed(table.table());
        int next = rows.size() - 1;
        String page = parameter(request, style.pageParam());
        if (page != null && !page.isBlank()) {
            int rank = rows.rank(idOf(page));
            if (rank < 0) {
                throw invalid("Invalid page: '" + page + "' is not a page token this search answered.",
                        style.pageParam());
            }
            next = rank - 1;
        }
        List<Row> found = new ArrayList<>(limit + 1);
        List<ObjectNode> shown = new ArrayList<>(limit + 1);
        for (; next >= 0 && found.size() <= limit; next--) {
            Row row = rows.at(next);
            ObjectNode shaped = table.shaper().shape(row);
            if (query.matches(shaped)) {
                found.add(row);
                shaped.remove(table.itemOnly());
                shown.add(shaped);
            }
        }
        boolean hasMore = found.size() > limit;
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        if (extraFields != null && extraFields.render(Map.of("request", Map.of("path", http.path(),
                "method", http.method()))) instanceof ObjectNode extra) {
            body.setAll(extra);
        }
        ArrayNode data = body.putArray(dataField);
        for (int i = 0; i < Math.min(limit, found.size()); i++) {
            data.add(items(shown.get(i), request, tables));
        }
        body.put(hasMoreField, hasMore);
        if (hasMore) {
            body.put(style.nextPageField(), tokenOf(found.get(limit - 1).id()));
        } else {
            body.putNull(style.nextPageField());
        }
        return JsonResponses.of(status, body);
    }

    private JsonNode items(ObjectNode shown, BoundRequest request, TenantTables tables) {
        String prefix = dataField + ".";
        for (String path : request.expand()) {
            if (path.startsWith(prefix)) {
                expansion.expand(shown, table.table(), path.substring(prefix.length()), tables);
            }
        }
        return shown;
    }

    private SearchQuery query(String text) {
        if (text == null) {
            throw invalid("Missing required param: " + style.queryParam() + ".", style.queryParam());
        }
        SearchQuery query;
        try {
            query = SearchQueryParser.parse(text);
        } catch (SearchSyntaxException e) {
            throw invalid(syntaxMessage.render(Map.of("reason", e.reason())), style.queryParam());
        }
        if (!fields.isEmpty()) {
            String outside = query.firstFieldOutside(fields);
            if (outside != null) {
                throw invalid(fieldMessage.render(Map.of("field", outside, "resource", table.table())),
                        style.queryParam());
            }
        }
        return query;
    }

    private int limit(String raw) {
        if (raw == null || raw.isBlank()) {
            return defaultLimit;
        }
        try {
            int limit = Integer.parseInt(raw.trim());
            if (limit >= 1 && limit <= maxLimit) {
                return limit;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw invalid("Invalid " + limitParam + ": must be an integer between 1 and " + maxLimit + ", got '" + raw
                + "'.", limitParam);
    }

    /** A query parameter, or a body field of the same name (a search sent as a POST form). */
    private static String parameter(BoundRequest request, String name) {
        String value = request.routed().request().queryParam(name);
        if (value == null && request.decoded().body() != null && request.decoded().body().get(name) != null
                && request.decoded().body().get(name).isValueNode()) {
            value = request.decoded().body().get(name).asText();
        }
        return value;
    }

    private static String tokenOf(String id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((TOKEN_PREFIX + id)
                .getBytes(StandardCharsets.UTF_8));
    }

    private String idOf(String token) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(token.trim()), StandardCharsets.UTF_8);
            if (decoded.startsWith(TOKEN_PREFIX)) {
                return decoded.substring(TOKEN_PREFIX.length());
            }
        } catch (IllegalArgumentException ignored) {
            // answered below
        }
        throw invalid("Invalid page: '" + token + "' is not a page token this search answered.", style.pageParam());
    }

    private static StateException invalid(String message, String param) {
        return new StateException(new TwinError(ErrorKind.VALIDATION_ERROR, message, param));
    }
}
