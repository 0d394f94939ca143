package dev.twin.replayer.internal.convention;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.replayer.internal.http.TwinRequest;

import java.util.List;
import java.util.Map;

/**
 * The constant part of a list body: the name of the field holding the items, the extra fields (templates over
 * {@code request.path}, e.g. Stripe's {@code object: list} and {@code url}) and where the count of matching rows
 * goes.
 *
 * @param totalField a dotted path ({@code total_count}, {@code meta.total}) for the count of matching rows; null =
 *                   no count
 */
public record ListEnvelope(String dataField, JsonTemplate extraFields, String totalField) {
    public ListEnvelope {
        dataField = dataField == null ? "data" : dataField;
    }

    public ListEnvelope(String dataField, JsonTemplate extraFields) {
        this(dataField, extraFields, null);
    }

    /** Puts the count of matching rows at {@link #totalField}, creating the objects on its path. */
    void putTotal(ObjectNode body, int total) {
        if (totalField == null) {
            return;
        }
        String[] parts = totalField.split("\\.");
        ObjectNode parent = body;
        for (int i = 0; i < parts.length - 1; i++) {
            parent = parent.get(parts[i]) instanceof ObjectNode o ? o : parent.putObject(parts[i]);
        }
        parent.put(parts[parts.length - 1], total);
    }

    /** The extra fields first, then the caller adds its paging fields, then the items under {@link #dataField}. */
    ObjectNode start(TwinRequest request) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        if (extraFields != null && extraFields.render(Map.of("request", requestModel(request))) instanceof ObjectNode o) {
            body.setAll(o);
        }
        return body;
    }

    static ArrayNode items(List<? extends JsonNode> rows) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode(rows.size());
        rows.forEach(array::add);
        return array;
    }

    /** The {@code request} variable of templates: path, method and lastSegment. */
    public static Map<String, Object> requestModel(TwinRequest request) {
        return Map.of("path", request.path(), "method", request.method(), "lastSegment", lastSegment(request.path()));
    }

    /** The path's last segment, percent-decoded: the id of the item a request names ({@code /blobs/sha256:ab}). */
    static String lastSegment(String path) {
        int end = path.endsWith("/") ? path.length() - 1 : path.length();
        int start = path.lastIndexOf('/', end - 1) + 1;
        String segment = start >= end ? "" : path.substring(start, end);
        try {
            return segment.indexOf('%') < 0 ? segment
                    : java.net.URLDecoder.decode(segment.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return segment; // a stray '%': as written
        }
    }
}
