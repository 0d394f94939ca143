package dev.twin.replayer.internal.convention;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.replayer.internal.form.UrlEncoded;
import dev.twin.replayer.internal.http.TwinRequest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Offset paging, as most REST APIs that are not Stripe or Twilio do it: a limit parameter ({@code _limit},
 * {@code $limit}, {@code per_page}), and an offset ({@code _start}, {@code $skip}, {@code offset}) or a 1-based
 * page number ({@code _page}, {@code page}); optional sorting ({@code _sort=title&_order=desc}, or
 * {@code $sort[title]=-1}). The rows are a bare array or sit in an envelope that may echo the total, the limit
 * and the offset ({@code {total, limit, skip, data}}); the total may travel in a header ({@code X-Total-Count})
 * and the neighbouring pages in a {@code Link} header. Headers are sent only when the request pages, as
 * json-server does; an envelope always carries its fields.
 */
public final class OffsetPagination implements Pagination {
    /**
     * Parameter, header and envelope names; a null name is a feature the API does not have. {@code itemCountField}
     * counts the rows on the page (RabbitMQ's {@code item_count}), where the envelope's total counts them all;
     * {@code pageCountField} the pages those rows fill at the limit asked for (RabbitMQ's {@code page_count});
     * {@code nextField} and {@code previousField} the URLs of the neighbouring pages (Django REST framework's).
     */
    public record Names(String limit, String offset, String page, String sort, String order, String totalHeader,
                        boolean linkHeader, String limitField, String offsetField, String descending,
                        String pageField, String itemCountField, String pageCountField, String nextField,
                        String previousField) {
    }

    private final ListEnvelope envelope;
    private final boolean bareArray;
    private final boolean oldestFirst;
    private final int defaultLimit;
    private final int maxLimit;
    private final boolean clampLimit;
    private final Names names;
    private final Set<String> pagingParameters;

    /**
     * @param defaultLimit rows in an answer that names no limit; 0 = every row
     * @param oldestFirst  the API lists rows in the order they were made (json-server) rather than newest first
     * @param clampLimit   a limit above maxLimit is served as maxLimit instead of refused
     */
    public OffsetPagination(ListEnvelope envelope, boolean bareArray, boolean oldestFirst, int defaultLimit,
                            int maxLimit, Names names, boolean clampLimit) {
        this.envelope = envelope;
        this.bareArray = bareArray;
        this.oldestFirst = oldestFirst;
        this.defaultLimit = defaultLimit;
        this.maxLimit = maxLimit;
        this.clampLimit = clampLimit;
        this.names = names;
        Set<String> params = new LinkedHashSet<>();
        for (String name : new String[] {names.limit(), names.offset(), names.page(), names.sort(), names.order(),
                names.descending()}) {
            if (name != null) {
                params.add(name);
            }
        }
        this.pagingParameters = Set.copyOf(params);
    }

    @Override
    public Set<String> pagingParameters() {
        return pagingParameters;
    }

    @Override
    public ListPage page(ListItems newestFirst, TwinRequest request) {
        ListItems rows = ordered(newestFirst, request);
        int total = newestFirst.total();
        String pageText = param(request, names.page());
        String limitText = param(request, names.limit());
        String offsetText = param(request, names.offset());
        boolean paged = pageText != null || limitText != null || offsetText != null;
        int limit = limitText != null ? QueryInteger.parse(limitText, names.limit(), 0, 0,
                clampLimit ? Integer.MAX_VALUE : maxLimit)
                : pageText != null && defaultLimit == 0 ? 10 : defaultLimit;
        limit = clampLimit ? Math.min(limit, maxLimit) : limit;
        int page = pageText == null ? 0 : Math.max(1, QueryInteger.parse(pageText, names.page(), 1,
                Integer.MIN_VALUE, Integer.MAX_VALUE));
        int start = pageText != null ? (int) Math.min(rows.size(), (long) (page - 1) * limit)
                : offsetText == null ? 0 : Math.min(rows.size(), QueryInteger.parse(offsetText, names.offset(), 0,
                0, Integer.MAX_VALUE));
        int end = limit == 0 && limitText == null ? rows.size() : (int) Math.min(rows.size(), (long) start + limit);
        List<JsonNode> items = rows.sentRange(start, end);

        JsonNode body;
        if (bareArray) {
            body = ListEnvelope.items(items);
        } else {
            ObjectNode object = envelope.start(request);
            envelope.putTotal(object, total);
            if (names.limitField() != null) {
                object.put(names.limitField(), limit);
            }
            if (names.offsetField() != null) {
                object.put(names.offsetField(), start);
            }
            if (names.pageField() != null) {
                object.put(names.pageField(), Math.max(page, 1));
            }
            if (names.itemCountField() != null) {
                object.put(names.itemCountField(), items.size());
            }
            if (names.pageCountField() != null) {
                // every row on one page when no limit applies; no page at all when no row matches
                object.put(names.pageCountField(), limit == 0 ? Math.min(total, 1) : (total + limit - 1) / limit);
            }
            if (names.nextField() != null) {
                object.put(names.nextField(), limit > 0 && end < rows.size()
                        ? neighbour(request, pageText != null, page + 1, end) : null);
            }
            if (names.previousField() != null) {
                object.put(names.previousField(), limit > 0 && start > 0
                        ? neighbour(request, pageText != null, page - 1, Math.max(0, start - limit)) : null);
            }
            object.set(envelope.dataField(), ListEnvelope.items(items));
            body = object;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        if (paged && names.totalHeader() != null) {
            headers.put(names.totalHeader(), Integer.toString(total));
        }
        if (pageText != null && names.linkHeader() && limit > 0) {
            // an empty Link when one page holds every row (or the page is past the end), as Express sends it
            headers.put("Link", links(request, page, limit, rows.size(), items.size()));
        }
        return new ListPage(body, headers);
    }

    /**
     * The rows in the answer's order: the default order straight from the view; a requested sort (which no index
     * serves) on a copy of every row.
     */
    private ListItems ordered(ListItems newestFirst, TwinRequest request) {
        List<Comparator<ObjectNode>> keys = sortKeys(request);
        boolean reversed = names.descending() != null && "true".equalsIgnoreCase(param(request, names.descending()));
        ListItems inDefaultOrder = oldestFirst != reversed ? newestFirst.reversed() : newestFirst;
        if (keys.isEmpty()) {
            return inDefaultOrder;
        }
        List<ObjectNode> rows = new ArrayList<>(inDefaultOrder.all());
        rows.sort(keys.stream().reduce(Comparator::thenComparing).orElseThrow());
        return ListItems.of(rows, null);
    }

    /**
     * {@code _sort=a,b&_order=desc,asc}, {@code ordering=-a,b}, or {@code $sort[a]=-1}: a stable sort on top of the
     * default order.
     */
    private List<Comparator<ObjectNode>> sortKeys(TwinRequest request) {
        List<Comparator<ObjectNode>> keys = new ArrayList<>();
        if (names.sort() == null) {
            return keys;
        }
        String fields = param(request, names.sort());
        if (fields != null) {
            String order = param(request, names.order());
            String[] orders = order == null ? new String[0] : order.split(",");
            String[] sorted = fields.split(",");
            for (int i = 0; i < sorted.length; i++) {
                String field = sorted[i].trim();
                // a leading minus sorts descending (Django REST framework's ordering=-pages, JSON:API's sort=-id)
                boolean minus = field.length() > 1 && field.startsWith("-");
                boolean descending = minus || i < orders.length && orders[i].trim().equalsIgnoreCase("desc");
                keys.add(byField(minus ? field.substring(1) : field, descending));
            }
        }
        String bracket = names.sort() + "[";
        request.query().forEach((name, values) -> {
            if (name.startsWith(bracket) && name.endsWith("]") && !values.isEmpty()) {
                String value = values.get(0).trim();
                keys.add(byField(name.substring(bracket.length(), name.length() - 1),
                        value.equals("-1") || value.equalsIgnoreCase("desc")));
            }
        });
        return keys;
    }

    private static Comparator<ObjectNode> byField(String field, boolean descending) {
        Comparator<ObjectNode> ascending = (a, b) -> compare(a.get(field), b.get(field));
        return descending ? ascending.reversed() : ascending;
    }

    /** Numbers by value, everything else by text; a missing value sorts first. */
    private static int compare(JsonNode a, JsonNode b) {
        boolean aMissing = a == null || a.isNull();
        boolean bMissing = b == null || b.isNull();
        if (aMissing || bMissing) {
            return Boolean.compare(!aMissing, !bMissing);
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.asText().compareTo(b.asText());
    }

    /** RFC 8288 links to the first, previous, next and last pages, on the URL the client asked for. */
    private String links(TwinRequest request, int page, int limit, int total, int shown) {
        if (shown == 0) {
            return "";
        }
        int last = (total + limit - 1) / limit;
        Map<String, Integer> rels = new LinkedHashMap<>();
        if (shown != total) {
            rels.put("first", 1);
        }
        if (page > 1) {
            rels.put("prev", page - 1);
        }
        if ((long) page * limit < total) {
            rels.put("next", page + 1);
        }
        if (shown != total) {
            rels.put("last", last);
        }
        StringBuilder out = new StringBuilder();
        rels.forEach((rel, number) -> {
            if (out.length() > 0) {
                out.append(", ");
            }
            out.append('<').append(pageUrl(request, number)).append(">; rel=\"").append(rel).append('"');
        });
        return out.toString();
    }

    /**
     * The URL of a neighbouring page: the page number moved when the client paged by page, else the offset; the
     * first page names neither (Django REST framework drops {@code offset} and {@code page} there).
     */
    private String neighbour(TwinRequest request, boolean byPage, int page, int offset) {
        String param = byPage ? names.page() : names.offset();
        int value = byPage ? page : offset;
        boolean named = byPage ? value > 1 : value > 0;
        return withParam(request, param, named ? Integer.toString(value) : null);
    }

    private String pageUrl(TwinRequest request, int page) {
        return withParam(request, names.page(), Integer.toString(page));
    }

    /** The URL the client asked for, in its own parameter order, with one parameter set (or removed: null). */
    private static String withParam(TwinRequest request, String param, String value) {
        String host = request.header("Host");
        StringBuilder url = new StringBuilder("http://").append(host == null ? "127.0.0.1" : host)
                .append(request.path()).append('?');
        String raw = request.rawQuery() == null ? "" : request.rawQuery();
        boolean written = false;
        boolean first = true;
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = UrlEncoded.decode(eq < 0 ? pair : pair.substring(0, eq)); // lenient: never throws
            if (name.equals(param)) {
                if (value != null && !written) {
                    url.append(first ? "" : "&").append(eq < 0 ? pair : pair.substring(0, eq)).append('=')
                            .append(value);
                    first = false;
                }
                written = true;
            } else {
                url.append(first ? "" : "&").append(pair);
                first = false;
            }
        }
        if (!written && value != null) {
            url.append(first ? "" : "&").append(encode(param)).append('=').append(value);
            first = false;
        }
        return first ? url.substring(0, url.length() - 1) : url.toString();
    }

    private static String param(TwinRequest request, String name) {
        if (name == null) {
            return null;
        }
        String value = request.queryParam(name);
        return value == null || value.isBlank() ? null : value.trim();
    }


    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
