package dev.twin.replayer.config;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code conventions.list} — the list envelope and how clients page through it.
 *
 * <p>Cursor style (Stripe): {@code limitParam}, {@code startingAfterParam}, {@code endingBeforeParam} in the
 * query; newest first; the envelope has {@code dataField} and {@code hasMoreField}. Page style (Twilio):
 * {@code pageParam} (0-based) and {@code pageSizeParam}; the envelope has {@code dataField} and the
 * {@code pageFields} (internal name → field name; a missing entry is not shown). None (WireMock): every row in
 * one answer, no paging parameters or fields.
 *
 * @param extraFields constant envelope fields; string values are Handlebars templates ({@code {{request.path}}})
 * @param hideMeta    true: no {@code totalField} count in the envelope
 * @param totalField  dotted path of the count of matching rows ({@code total_count}, {@code meta.total})
 */
public record ListStyle(Style style, String dataField, ObjectNode extraFields, Boolean hideMeta, String totalField,
                        Integer defaultLimit, Integer maxLimit,
                        String limitParam, String startingAfterParam, String endingBeforeParam, String hasMoreField,
                        String pageParam, String pageSizeParam, Map<String, String> pageFields) {

    /** The internal names {@code pageFields} may map. */
    public static final java.util.Set<String> PAGE_FIELD_NAMES = java.util.Set.of(
            "page", "pageSize", "firstPageUri", "previousPageUri", "nextPageUri", "uri", "start", "end");

    public static final ListStyle DEFAULTS = new ListStyle(Style.CURSOR, "data",
            JsonNodeFactory.instance.objectNode(), false, "total_count", 10, 100,
            "limit", "starting_after", "ending_before", "has_more",
            "Page", "PageSize", defaultPageFields());

    public enum Style {
        CURSOR, PAGE, NONE
    }

    public ListStyle {
        extraFields = Merging.copy(extraFields);
        pageFields = Merging.copy(pageFields);
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
                Merging.map(pageFields, o.pageFields));
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
