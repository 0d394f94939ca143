package dev.twin.inference.resource;

import com.fasterxml.jackson.databind.JsonNode;
import dev.twin.inference.operation.WriteSample;
import dev.twin.inference.schema.ShapeAggregate;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A write answered with an acknowledgement instead of the row: CouchDB's {@code {ok: true, id, rev}}, an API's
 * {@code {status: "created", id}}. Such an answer echoes none of the fields the client sent, so it says nothing
 * about which fields the server keeps or adds; it becomes the create's answer template ({@code create.body}):
 * the fields it held the same every time as constants, the new row's id where it named one. Other values that
 * changed every time (a revision) are left out and said so: the row does not keep them.
 */
final class WriteAcknowledgement {
    /** An acknowledgement is small; a row that happens not to echo its input is usually not. */
    private static final int MAX_FIELDS = 6;

    private WriteAcknowledgement() {
    }

    /** The answer held none of the (non-empty) values sent, under any name, and is a small object. */
    static boolean isAcknowledgement(WriteSample sample, Set<String> skip) {
        JsonNode answer = sample.answer();
        if (sample.readBack() || !answer.isObject() || answer.isEmpty() || answer.size() > MAX_FIELDS
                || !sample.input().isObject()) {
            return false;
        }
        int sent = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = sample.input().fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            if (skip.contains(field.getKey()) || value.isNull() || value.isTextual() && value.asText().isEmpty()) {
                continue;
            }
            sent++;
            if (value.equals(answer.get(field.getKey())) || heldAnywhere(value, answer)) {
                return false;
            }
        }
        return sent > 0;
    }

    /** A sent value among the answer's top-level values, whatever its name or JSON type ({@code To} as {@code to}). */
    private static boolean heldAnywhere(JsonNode value, JsonNode answer) {
        if (!value.isValueNode()) {
            return false;
        }
        String text = value.asText();
        for (JsonNode answered : answer) {
            if (answered.isValueNode() && answered.asText().equals(text)) {
                return true;
            }
        }
        return false;
    }

    /** Every write sample (at least two) was an acknowledgement. */
    static boolean all(List<WriteSample> samples, Set<String> skip) {
        return samples.size() >= 2 && samples.stream().allMatch(s -> isAcknowledgement(s, skip));
    }

    /**
     * The answer template: an id-named field as the row's id, a revision-shaped one as the row's revision (when
     * the rows keep one), other constants as answered.
     *
     * @param revisionField the row field holding the revision, or null
     */
    static Map<String, Object> template(List<WriteSample> samples, String idField, String revisionField,
                                        List<String> evidence) {
        Map<String, Object> body = new LinkedHashMap<>();
        JsonNode first = samples.get(0).answer();
        for (Iterator<Map.Entry<String, JsonNode>> it = first.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            boolean constant = samples.stream().allMatch(s -> field.getValue().equals(s.answer().get(name)));
            boolean revision = revisionField != null && samples.stream()
                    .allMatch(s -> s.answer().path(name).isTextual()
                            && ShapeAggregate.looksLikeRevision(s.answer().path(name).asText()));
            if (field.getValue().isTextual() && isIdName(name, idField)) {
                // an id even when every sample wrote the same row
                body.put(name, "{{item." + idField + "}}");
            } else if (revision) {
                body.put(name, "{{item." + revisionField + "}}");
            } else if (constant) {
                body.put(name, field.getValue());
            } else {
                evidence.add("create answers: '" + name + "' changed every time and is no field of the row: "
                        + "left out of the acknowledgement (low confidence)");
            }
        }
        return body;
    }

    private static boolean isIdName(String name, String idField) {
        String lower = name.toLowerCase(Locale.ROOT);
        // silenceID (Alertmanager), userId, user_id, _id
        return name.equals(idField) || lower.equals("id") || lower.equals("_id") || lower.endsWith("_id")
                || name.endsWith("Id") || name.endsWith("ID") || lower.equals("uuid");
    }
}
