package dev.twin.inference.resource;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How a table's list answers, as inference read it from the recorded lists: twin.yaml's {@code response.list}.
 *
 * @param style       how it pages
 * @param dataField   the envelope field holding the rows, or null when the rows are the whole body (a bare array)
 * @param paging      the parameters and envelope numbers that page it
 * @param counts      where the number of rows is told
 * @param pageFields  page style's envelope fields (internal name → the API's name, null when it sends none), or empty
 * @param extraFields the envelope's other fields: constants, or {@code {{request.path}}} when they echo the path
 * @param order       the order rows are listed in, or null when the recording did not show one
 */
public record ListRule(Style style, String dataField, Paging paging, Counts counts, Map<String, String> pageFields,
                       Map<String, JsonNode> extraFields, Order order) {

    /** How a list pages ({@code none}: every row in one answer). */
    public enum Style {
        NONE, CURSOR, PAGE, OFFSET;

        public String yamlName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * @param params         the paging and sorting parameters clients sent
     * @param pageSizeParam  page style's page size parameter, or null
     * @param defaultLimit   rows answered when the client asks for no number, 0 for every row; null: the twin's
     * @param maxLimit       the largest number of rows the twin lets a client ask for; null: the twin's
     * @param limitField     the envelope number echoing the limit asked for, or null
     * @param offsetField    the one echoing the offset, or null
     * @param pageField      the one echoing the page, or null
     * @param clampLimit     a limit asked above {@code maxLimit} was served as {@code maxLimit}, not refused
     * @param nextField      the envelope field holding the next page's URL, or null
     * @param previousField  the one holding the previous page's URL, or null
     */
    public record Paging(QueryParams params, String pageSizeParam, Integer defaultLimit, Integer maxLimit,
                         String limitField, String offsetField, String pageField, boolean clampLimit,
                         String nextField, String previousField) {
        static final Paging NONE = new Paging(QueryParams.NONE, null, null, null, null, null, null, false, null,
                null);

        Paging(QueryParams params, String pageSizeParam, Integer defaultLimit, Integer maxLimit, String limitField,
               String offsetField, String pageField) {
            this(params, pageSizeParam, defaultLimit, maxLimit, limitField, offsetField, pageField, false, null, null);
        }
    }

    /**
     * @param totalField     the envelope number (a dotted path) counting every row listed, or null
     * @param itemCountField the envelope number counting the page's rows, or null
     * @param pageCountField the envelope number counting the pages the rows fill at the limit asked for, or null
     * @param totalHeader    the header counting every row, or null
     * @param linkHeader     whether a {@code Link} header names the other pages
     * @param hideMeta       whether the twin's own paging fields stay out of the envelope (it has no total of its own)
     */
    public record Counts(String totalField, String itemCountField, String pageCountField, String totalHeader,
                         boolean linkHeader, boolean hideMeta) {
        static final Counts NONE = new Counts(null, null, null, null, false, false);
    }

    /**
     * @param order           {@code oldest-first}, {@code newest-first} or {@code id-ascending}
     * @param descendingParam the query parameter reversing it, or null
     */
    public record Order(String order, String descendingParam) {
    }

    public ListRule withOrder(Order order) {
        return new ListRule(style, dataField, paging, counts, pageFields, extraFields, order);
    }

    /**
     * The same list answering these numbers as recorded constants instead of its total and page count (a total that
     * counted rows the recording never showed).
     */
    public ListRule withRecordedCounts(Map<String, JsonNode> recorded) {
        Map<String, JsonNode> extra = new LinkedHashMap<>(extraFields);
        extra.putAll(recorded);
        Counts constant = new Counts(null, counts.itemCountField(), null, counts.totalHeader(), counts.linkHeader(),
                true);
        return new ListRule(style, dataField, paging, constant, pageFields, extra, order);
    }

    /** The query parameters this list reads (paging, sorting, reversing). */
    Set<String> params() {
        Set<String> params = new java.util.HashSet<>(paging.params().names());
        if (paging.pageSizeParam() != null) {
            params.add(paging.pageSizeParam());
        }
        if (order != null && order.descendingParam() != null) {
            params.add(order.descendingParam());
        }
        return params;
    }

    /** The {@code list:} mapping. */
    public Map<String, Object> toYaml() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("style", style.yamlName());
        if (dataField == null) {
            out.put("bareArray", true);
        } else {
            out.put("dataField", dataField);
        }
        putIfSet(out, "defaultLimit", paging.defaultLimit());
        putIfSet(out, "maxLimit", paging.maxLimit());
        if (paging.clampLimit()) {
            out.put("clampLimit", true);
        }
        putIfSet(out, "nextField", paging.nextField());
        putIfSet(out, "previousField", paging.previousField());
        paging.params().writeTo(out);
        putIfSet(out, "pageSizeParam", paging.pageSizeParam());
        putIfSet(out, "limitField", paging.limitField());
        putIfSet(out, "offsetField", paging.offsetField());
        putIfSet(out, "pageField", paging.pageField());
        if (!pageFields.isEmpty()) {
            out.put("pageFields", pageFields);
        }
        if (dataField != null) {
            out.put("hideMeta", counts.hideMeta());
        }
        putIfSet(out, "totalField", counts.totalField());
        putIfSet(out, "itemCountField", counts.itemCountField());
        putIfSet(out, "pageCountField", counts.pageCountField());
        putIfSet(out, "totalHeader", counts.totalHeader());
        if (counts.linkHeader()) {
            out.put("linkHeader", true);
        }
        if (!extraFields.isEmpty()) {
            out.put("extraFields", extraFields);
        }
        if (order != null) {
            out.put("order", order.order());
            putIfSet(out, "descendingParam", order.descendingParam());
        }
        return out;
    }

    private static void putIfSet(Map<String, Object> out, String key, Object value) {
        if (value != null) {
            out.put(key, value);
        }
    }
}
