package dev.twin.replayer.config;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * {@code update.immutable}: fields a write may not change on an existing row. A PUT or PATCH sending one of them with
 * a value other than the row's is refused and changes nothing (RabbitMQ's redeclare of a queue with another
 * {@code durable}: 400 "inequivalent arg").
 *
 * @param fields the fields, checked in this order (the first that differs is the one named)
 * @param status the refusal's status; null = VALIDATION_ERROR's
 * @param body   the refusal's body, a template over {@code field}, {@code sent}, {@code current} and {@code item} (the
 *               row as shown); null = the table's VALIDATION_ERROR error naming the field
 */
public record ImmutableFields(List<String> fields, Integer status, JsonNode body) {
    public ImmutableFields {
        fields = fields == null ? List.of() : List.copyOf(fields);
        body = body == null || body.isNull() ? null : body.deepCopy();
    }
}
