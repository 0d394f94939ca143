package dev.twin.replayer.config;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code conventions.search} — how {@code search} operations read their query and answer (Stripe's
 * {@code {object: search_result, data, has_more, next_page, url}}).
 *
 * @param queryParam              the query parameter holding the query ({@code query})
 * @param pageParam               the query parameter a client sends the last answer's next page token in
 * @param nextPageField           the envelope field holding the next page's token (null when no page follows)
 * @param extraFields             constant envelope fields; string values are templates over {@code request}
 * @param syntaxMessage           the message of a query that does not parse, a template over {@code reason}
 *                                (what was expected where)
 * @param unsupportedFieldMessage the message of a query naming a field the operation does not search, a template
 *                                over {@code field} and {@code resource} (the table)
 */
public record SearchStyle(String queryParam, String pageParam, String nextPageField, ObjectNode extraFields,
                          String syntaxMessage, String unsupportedFieldMessage) {
    public static final SearchStyle DEFAULTS = new SearchStyle("query", "page", "next_page",
            JsonNodeFactory.instance.objectNode(), "Invalid search query: {{reason}}.",
            "Field '{{field}}' is not a search field of {{resource}}.");

    public SearchStyle {
        extraFields = Merging.copy(extraFields);
    }

    public SearchStyle merge(SearchStyle o) {
        return o == null ? this : new SearchStyle(Merging.value(queryParam, o.queryParam),
                Merging.value(pageParam, o.pageParam), Merging.value(nextPageField, o.nextPageField),
                Merging.object(extraFields, o.extraFields), Merging.value(syntaxMessage, o.syntaxMessage),
                Merging.value(unsupportedFieldMessage, o.unsupportedFieldMessage));
    }
}
