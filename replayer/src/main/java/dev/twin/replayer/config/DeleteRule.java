package dev.twin.replayer.config;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * {@code conventions.delete}.
 *
 * @param status   null = the lowest 2xx the bound operation documents (204 if it documents none)
 * @param preserve true: keep the row, marked deleted (soft delete; it no longer answers get or list)
 * @param body     response body template (string values are Handlebars templates with {@code item}); null = none
 * @param answersRow true: the answer is the row as it was (JSON types kept), with {@code body}'s fields on top
 * @param omit     with {@code answersRow}, the row's fields the answer leaves out (etcd's deleted node shows no
 *                 {@code value}); null = none written
 */
public record DeleteRule(Integer status, Boolean preserve, JsonNode body, Boolean answersRow, List<String> omit) {
    public static final DeleteRule DEFAULTS = new DeleteRule(null, false, null, false, List.of());

    public DeleteRule(Integer status, Boolean preserve, JsonNode body, Boolean answersRow) {
        this(status, preserve, body, answersRow, null);
    }

    public DeleteRule(Integer status, Boolean preserve, JsonNode body) {
        this(status, preserve, body, null);
    }

    public DeleteRule {
        body = Merging.copy(body);
        omit = omit == null ? null : List.copyOf(omit);
    }

    public DeleteRule merge(DeleteRule override) {
        return override == null ? this : new DeleteRule(Merging.value(status, override.status),
                Merging.value(preserve, override.preserve), Merging.value(body, override.body),
                Merging.value(answersRow, override.answersRow), Merging.value(omit, override.omit));
    }
}
