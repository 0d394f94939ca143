package dev.twin.inference.resource;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A parent path parameter's check ({@code extend[].parentTables}): the table whose live row it must name, and the
 * body the writes under a missing parent were refused with when it was not the API-wide 404.
 *
 * @param table    the parent table
 * @param notFound the refusals' own body, or null (the API-wide 404 then)
 */
public record ParentTable(String table, JsonNode notFound) {

    /** The table's name, or {@code {table, notFound}}. */
    public Object toYaml() {
        if (notFound == null) {
            return table;
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("table", table);
        entry.put("notFound", notFound);
        return entry;
    }
}
