package dev.twin.replayer.config;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Objects;

/**
 * {@code extend[].parentTables} entry: the table whose live row a parent path parameter must name.
 *
 * @param table    the parent's table
 * @param notFound the body answered (with the NOT_FOUND status) when the parent is missing, when the API answers
 *                 that cause with a body of its own (RabbitMQ's {@code {error: not_found, reason: vhost_not_found}});
 *                 null: the NOT_FOUND error of the parent's table
 */
public record ParentTable(String table, JsonNode notFound) {
    public ParentTable {
        Objects.requireNonNull(table, "table");
        notFound = notFound == null || notFound.isNull() ? null : notFound.deepCopy();
    }
}
