package dev.twin.replayer.config;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code conventions.list} — the list envelope and how clients page through it.
 *
 * <p>Cursor style (Stripe): {@code limitParam}, {@code startingAfterParam}, {@code endingBeforeParam} in the
 * query; newest first; the envelope has {@code dataField} and {@code hasMoreField}. Page style (Twilio):
 * {@code pageParam} (0-based) and {@code pageSizeParam}; the envelope has {@code dataField} and the
 * {@code pageFields} (internal name → field name; a missing entry is not shown). None (WireMock): every row in
 * one answer, no paging parameters or fields. Offset style (json-server, Feathers, most REST APIs): {@code limitParam}
 * with {@code offsetParam} or a 1-based {@code pageParam}, sorting by {@code sortParam}/{@code orderParam}, the total
 * in {@code totalHeader} and neighbouring pages in a {@code Link} header ({@code linkHeader}), the envelope echoing
 * {@code limitField}, {@code offsetField} and the page asked for in {@code pageField} (RabbitMQ's {@code page}),
 * the rows on the page in {@code itemCountField} (RabbitMQ's {@code item_count}, beside its totals), the number of
 * pages in {@code pageCountField} (RabbitMQ's {@code page_count}, Laravel's {@code last_page}, Spring's
 * {@code totalPages}: the matching rows over the limit, rounded up), and {@code descendingParam=true} reversing the default order (CouchDB's
 * {@code descending}). {@code bareArray}: the rows are the whole body (offset and none). {@code clampLimit} (offset):
 * a limit asked above {@code maxLimit} is served as {@code maxLimit} (and echoed so) instead of refused, as Feathers
 * and many frameworks cap a page. {@code nextField} and {@code previousField} (offset): envelope fields holding the
 * absolute URL of the next and the previous page (null when there is none), the URL the client asked for with the
 * offset or page moved; the first page's URL names no offset or page (Django REST framework's {@code next} and
 * {@code previous}).
 *
 * @param extraFields constant envelope fields; string values are Handlebars templates ({@code {{request.path}}})
 * @param hideMeta    true: no {@code totalField} count in the envelope
 * @param totalField  dotted path of the count of matching rows ({@code total_count}, {@code meta.total})
 * @param filters     query parameter → stored field it filters by, for parameters named unlike any field the
 *                    rows show ({@code AreaCode} → a hidden {@code area_code}); the value must equal the field's
 */
public record ListStyle(Style style, String dataField, ObjectNode extraFields, Boolean hideMeta, String totalField,
                        Integer defaultLimit, Integer maxLimit,
                        String limitParam, String startingAfterParam, String endingBeforeParam, String hasMoreField,
                        String pageParam, String pageSizeParam, Map<String, String> pageFields,
                        Boolean bareArray, Order order, String offsetParam, String sortParam, String orderParam,
                        String totalHeader, Boolean linkHeader, String limitField, String offsetField,
                        String descendingParam, Map<String, String> filters, String pageField,
                        String itemCountField, String pageCountField, Boolean clampLimit, String nextField,
                        String previousField) {

    /** The internal names {@code pageFields} may map. */
    public static final Set<String> PAGE_FIELD_NAMES = Set.of(
            "page", "pageSize", "firstPageUri", "previousPageUri", "nextPageUri", "uri", "start", "end");

    public static final ListStyle DEFAULTS = new ListStyle(Style.CURSOR, "data",
            JsonNodeFactory.instance.objectNode(), false, "total_count", 10, 100,
            "limit", "starting_after", "ending_before", "has_more",
            "Page", "PageSize", defaultPageFields(),
            false, Order.NEWEST_FIRST, "offset", null, null, null, false, null, null, null, Map.of(), null, null, null,
            false, null, null);

    public enum Style {
        CURSOR, PAGE, OFFSET, NONE
    }

    /**
     * The order of rows when the request asks for none. {@code ID_ASCENDING}: sorted by the id as text, wherever
     * a row was created (RabbitMQ lists users by name); an unpaged list ({@code style: none}) only, other styles
     * list oldest first with it.
     */
    public enum Order {
        NEWEST_FIRST, OLDEST_FIRST, ID_ASCENDING
    }

    public ListStyle {
        extraFields = Merging.copy(extraFields);
        pageFields = Merging.copy(pageFields);
        filters = Merging.copy(filters);
    }

    /**
     * Without a {@code descendingParam}, {@code filters}, a {@code pageField}, an {@code itemCountField}, a
     * {@code pageCountField}, {@code clampLimit}, a {@code nextField} and a {@code previousField}.
     */
    public ListStyle(Style style, String dataField, ObjectNode extraFields, Boolean hideMeta, String totalField,
                     Integer defaultLimit, Integer maxLimit,
                     String limitParam, String startingAfterParam, String endingBeforeParam, String hasMoreField,
                     String pageParam, String pageSizeParam, Map<String, String> pageFields,
                     Boolean bareArray, Order order, String offsetParam, String sortParam, String orderParam,
                     String totalHeader, Boolean linkHeader, String limitField, String offsetField) {
        this(style, dataField, extraFields, hideMeta, totalField, defaultLimit, maxLimit, limitParam,
                startingAfterParam, endingBeforeParam, hasMoreField, pageParam, pageSizeParam, pageFields, bareArray,
                order, offsetParam, sortParam, orderParam, totalHeader, linkHeader, limitField, offsetField, null, null,
                null, null, null, null, null, null);
    }

    public ListStyle merge(ListStyle o) {
        if (o == null) {
            return this;
        }
        return new ListStyle(Merging.value(style, o.style), Merging.value(dataField, o.dataField),
                Merging.object(extraFields, o.extraFields), Merging.value(hideMeta, o.hideMeta),
                Merging.value(totalField, o.totalField), Merging.value(defaultLimit, o.defaultLimit),
                Merging.value(maxLimit, o.maxLimit), Merging.value(limitParam, o.limitParam),
                Merging.value(startingAfterParam, o.startingAfterParam),
                Merging.value(endingBeforeParam, o.endingBeforeParam), Merging.value(hasMoreField, o.hasMoreField),
                Merging.value(pageParam, o.pageParam), Merging.value(pageSizeParam, o.pageSizeParam),
                Merging.map(pageFields, o.pageFields), Merging.value(bareArray, o.bareArray),
                Merging.value(order, o.order), Merging.value(offsetParam, o.offsetParam),
                Merging.value(sortParam, o.sortParam), Merging.value(orderParam, o.orderParam),
                Merging.value(totalHeader, o.totalHeader), Merging.value(linkHeader, o.linkHeader),
                Merging.value(limitField, o.limitField), Merging.value(offsetField, o.offsetField),
                Merging.value(descendingParam, o.descendingParam), Merging.map(filters, o.filters),
                Merging.value(pageField, o.pageField), Merging.value(itemCountField, o.itemCountField),
                Merging.value(pageCountField, o.pageCountField), Merging.value(clampLimit, o.clampLimit),
                Merging.value(nextField, o.nextField), Merging.value(previousField, o.previousField));
    }

    private static Map<String, String> defaultPageFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("page", "page");
        fields.put("pageSize", "page_size");
        fields.put("firstPageUri", "first_page_uri");
        fields.put("previousPageUri", "previous_page_uri");
        fields.put("nextPageUri", "next_page_uri");
        fields.put("uri", "uri");
        fields.put("start", "start");
        fields.put("end", "end");
        return fields;
    }
}
