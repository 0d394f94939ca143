package dev.twin.inference.resource;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a table's deletes answered, as inference read it: twin.yaml's {@code response.delete}.
 *
 * @param status     the status of a successful delete
 * @param body       the body as a template on the deleted row ({@code {id: "{{item.id}}", deleted: true}}), or with
 *                   {@code answersRow} the fields answered beside the row; null for none
 * @param answersRow whether the answer is the deleted row itself, as last seen
 * @param omit       with {@code answersRow}, the row fields the answer left out
 */
public record DeleteAnswer(int status, ObjectNode body, boolean answersRow, List<String> omit) {

    /** The {@code delete:} mapping. */
    public Map<String, Object> toYaml() {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("status", status);
        if (answersRow) {
            rule.put("answersRow", true);
        }
        if (!omit.isEmpty()) {
            rule.put("omit", omit);
        }
        if (body != null && !(answersRow && body.isEmpty())) {
            rule.put("body", body);
        }
        return rule;
    }
}
