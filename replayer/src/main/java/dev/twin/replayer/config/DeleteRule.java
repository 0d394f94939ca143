package dev.twin.replayer.config;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code conventions.delete}.
 *
 * @param status   null = the lowest 2xx the bound operation documents (204 if it documents none)
 * @param preserve true: keep the row, marked deleted (soft delete; it no longer answers get or list)
 * @param body     response body template (string values are Handlebars templates with {@code item}); null = none
 * @param answersRow true: the answer is the row as it was (JSON types kept), with {@code body}'s fields on top
 */
public record DeleteRule(Integer status, Boolean preserve, JsonNode body, Boolean answersRow) {
    public static final DeleteRule DEFAULTS = new DeleteRule(null, false, null, false);

    public DeleteRule(Integer status, Boolean preserve, JsonNode body) {
        this(status, preserve, body, null);
    }

    public DeleteRule {
        body = Merging.copy(body);
    }

    public DeleteRule merge(DeleteRule override) {
        return override == null ? this : new DeleteRule(Merging.value(status, override.status),
                Merging.value(preserve, override.preserve), Merging.value(body, override.body),
                Merging.value(answersRow, override.answersRow));
    }
}
