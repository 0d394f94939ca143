package dev.twin.inference.resource;

import com.fasterxml.jackson.databind.JsonNode;
import dev.twin.replayer.config.MalformedBody;
import dev.twin.replayer.internal.http.ErrorKind;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The provider's error answers as inference read them, one decision per cause: twin.yaml's
 * {@code conventions.errors}.
 *
 * @param wrap        the envelope key the error sits under ({@code error}), "" for a flat body, null when no JSON
 *                    error body was recorded (the twin's default body then)
 * @param parts       which of message, type, code, param and status the API's bodies carry
 * @param status      per cause, the status it was answered with
 * @param bodies      per cause, its body as a template (constants kept, {@code {{error.message}}} where it varied)
 * @param types       per cause, its constant {@code type} (or JSON null)
 * @param codes       per cause, its constant {@code code} (or JSON null)
 * @param notFoundMessage the 404 message as a template ({@code No such {{resource}}: '{{id}}'}), or null
 * @param extraFields constant fields every error body carried besides the parts
 * @param emptyBody   the causes answered with no body every time they were recorded
 * @param malformedBody how a body that is not JSON was answered ({@link MalformedBodies}), or null
 */
public record ErrorConventions(String wrap, List<String> parts, Map<ErrorKind, Integer> status,
                               Map<ErrorKind, JsonNode> bodies, Map<ErrorKind, JsonNode> types,
                               Map<ErrorKind, JsonNode> codes, String notFoundMessage,
                               Map<String, JsonNode> extraFields, List<ErrorKind> emptyBody,
                               MalformedBody malformedBody) {
    public ErrorConventions(String wrap, List<String> parts, Map<ErrorKind, Integer> status,
                            Map<ErrorKind, JsonNode> bodies, Map<ErrorKind, JsonNode> types,
                            Map<ErrorKind, JsonNode> codes, String notFoundMessage,
                            Map<String, JsonNode> extraFields, List<ErrorKind> emptyBody) {
        this(wrap, parts, status, bodies, types, codes, notFoundMessage, extraFields, emptyBody, null);
    }

    /** These conventions with the answer to a malformed body (null: none learned). */
    public ErrorConventions withMalformedBody(MalformedBody answer) {
        return new ErrorConventions(wrap, parts, status, bodies, types, codes, notFoundMessage, extraFields,
                emptyBody, answer);
    }

    /** The body parts twin.yaml names, in its order. */
    static final List<String> PARTS = List.of("message", "type", "code", "param", "status");

    /** The API-wide 404 body, or null when none was recorded. */
    public JsonNode notFoundBody() {
        return bodies.get(ErrorKind.NOT_FOUND);
    }

    public boolean isEmpty() {
        return wrap == null && emptyBody.isEmpty() && malformedBody == null;
    }

    /** The {@code conventions.errors} mapping. */
    public Map<String, Object> toYaml() {
        Map<String, Object> out = new LinkedHashMap<>();
        if (wrap != null) {
            out.put("wrap", wrap);
            Map<String, Object> fields = new LinkedHashMap<>();
            // a part the API never sent is removed explicitly: the defaults merge key by key
            PARTS.forEach(part -> fields.put(part, parts.contains(part) ? part : null));
            out.put("fields", fields);
            putIfAny(out, "status", byName(status));
            putIfAny(out, "bodies", byName(bodies));
            if (parts.contains("type")) {
                putIfAny(out, "typeMap", byName(types));
            }
            if (parts.contains("code")) {
                putIfAny(out, "codeMap", byName(codes));
            }
            if (notFoundMessage != null) {
                out.put("messageMap", Map.of(ErrorKind.NOT_FOUND.name(), notFoundMessage));
            }
            putIfAny(out, "extraFields", extraFields);
        }
        if (!emptyBody.isEmpty()) {
            out.put("emptyBody", emptyBody.stream().map(ErrorKind::name).toList());
        }
        if (malformedBody != null) {
            out.put("malformedBody", MalformedBodies.toYaml(malformedBody));
        }
        return out;
    }

    private static <V> Map<String, V> byName(Map<ErrorKind, V> byKind) {
        Map<String, V> out = new LinkedHashMap<>();
        byKind.forEach((kind, value) -> out.put(kind.name(), value));
        return out;
    }

    private static void putIfAny(Map<String, Object> out, String key, Map<String, ?> value) {
        if (!value.isEmpty()) {
            out.put(key, value);
        }
    }
}
