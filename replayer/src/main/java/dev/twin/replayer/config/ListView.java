package dev.twin.replayer.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code extend[].view}: a list operation that shows a table's rows in a shape of its own (CouchDB's
 * {@code _all_docs} lists each document as {@code {id, key, value: {rev}}}), beside the table's own answers.
 *
 * @param list         the view's list conventions, over the table's ({@code rows}, {@code total_rows}, ...)
 * @param fields       each listed item, in order: its dotted path → the dotted path of the row field it copies
 *                     ({@code value.rev: _rev}), as the row is shown; values keep their JSON type
 * @param includeParam a query parameter that, set to {@code true}, adds the whole row to each item; or null
 * @param includeField the item field holding the row then ({@code doc})
 * @param startParam   a query parameter naming the first id listed (ids compare as text); a JSON string value
 *                     ({@code "novel-d"}, quoted as CouchDB keys are) is unquoted; or null
 * @param endParam     the same for the last id listed, inclusive; or null
 * @param totalCountsAll the list's total counts every row, not only those in the range (CouchDB's
 *                     {@code total_rows})
 */
public record ListView(ListStyle list, Map<String, String> fields, String includeParam, String includeField,
                       String startParam, String endParam, boolean totalCountsAll) {
    public ListView {
        fields = fields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }
}
