package dev.twin.replayer.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.replayer.internal.http.ErrorKind;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code conventions.errors} — the shape of every error body, so SDKs raise the provider's exceptions.
 *
 * @param wrap        the envelope key ({@code error} for Stripe); empty = a flat body
 * @param fields      internal field ({@code message, type, code, param, status}) → name in the body;
 *                    a missing entry is not shown
 * @param status      HTTP status per kind
 * @param typeMap     value of the {@code type} field per kind
 * @param codeMap     value of the {@code code} field per kind (string or number)
 * @param extraFields constant fields added to every error body; string values are Handlebars templates
 *                    with {@code error} ({@code {{error.code}}}) and {@code request}
 * @param messageMap  the message per kind as a Handlebars template over {@code id}, {@code resource} and
 *                    {@code request.path} (only NOT_FOUND uses it so far); absent = Stripe's
 *                    {@code No such customer: 'cus_123'}
 * @param emptyBody   kinds answered with their status and no body at all (WireMock's 404)
 * @param bodies      per kind, the whole body as a JSON template over {@code error} and {@code request}
 *                    ({@code {}} for json-server's 404); a kind listed here ignores wrap, fields and extraFields
 * @param malformedBody how a body that is not JSON is answered (status, type, the parser's wording), or null for
 *                    the twin's own VALIDATION_ERROR
 * @param byParam     a request field → per rule it failed ({@code required}, {@code minLength}, {@code type}, ...,
 *                    or {@code any}), the API's own answer (a missing title answered DRF's
 *                    {@code {"title": ["This field is required."]}}), instead of the VALIDATION_ERROR body; null or
 *                    empty for none
 */
public record ErrorRules(String wrap, Map<String, String> fields, Map<ErrorKind, Integer> status,
                         Map<ErrorKind, String> typeMap, Map<ErrorKind, JsonNode> codeMap, ObjectNode extraFields,
                         Map<ErrorKind, String> messageMap, List<ErrorKind> emptyBody,
                         Map<ErrorKind, JsonNode> bodies, MalformedBody malformedBody,
                         Map<String, Map<String, FieldRefusal>> byParam) {

    /** The internal field names {@code fields} may map. */
    public static final Set<String> INTERNAL_FIELDS = Set.of(
            "message", "type", "code", "param", "status");

    public static final ErrorRules DEFAULTS = new ErrorRules("", defaultFields(), ErrorKind.defaultStatuses(),
            lowerCaseNames(), lowerCaseCodes(), JsonNodeFactory.instance.objectNode(), Map.of(), List.of(), Map.of(),
            null, Map.of());

    /** Matches a refusal whatever rule the field failed. */
    public static final String ANY_RULE = "any";

    /**
     * {@code errors.byParam.<field>.<rule>}: the status and body (JSON, or a string answered as plain text) the API
     * answers when validation refuses that field for that rule.
     */
    public record FieldRefusal(int status, JsonNode body) {
    }

    /** Rules without {@code byParam} answers. */
    public ErrorRules(String wrap, Map<String, String> fields, Map<ErrorKind, Integer> status,
                      Map<ErrorKind, String> typeMap, Map<ErrorKind, JsonNode> codeMap, ObjectNode extraFields,
                      Map<ErrorKind, String> messageMap, List<ErrorKind> emptyBody, Map<ErrorKind, JsonNode> bodies,
                      MalformedBody malformedBody) {
        this(wrap, fields, status, typeMap, codeMap, extraFields, messageMap, emptyBody, bodies, malformedBody, null);
    }

    /** Rules without a {@code malformedBody} answer. */
    public ErrorRules(String wrap, Map<String, String> fields, Map<ErrorKind, Integer> status,
                      Map<ErrorKind, String> typeMap, Map<ErrorKind, JsonNode> codeMap, ObjectNode extraFields,
                      Map<ErrorKind, String> messageMap, List<ErrorKind> emptyBody, Map<ErrorKind, JsonNode> bodies) {
        this(wrap, fields, status, typeMap, codeMap, extraFields, messageMap, emptyBody, bodies, null);
    }

    public ErrorRules {
        fields = Merging.copy(fields);
        status = Merging.copy(status);
        typeMap = Merging.copy(typeMap);
        codeMap = Merging.copy(codeMap);
        extraFields = Merging.copy(extraFields);
        messageMap = messageMap == null ? null : Merging.copy(messageMap);
        emptyBody = emptyBody == null ? null : List.copyOf(emptyBody);
        bodies = bodies == null ? null : Merging.copy(bodies);
        byParam = byParam == null ? null : Merging.copy(byParam);
    }

    public ErrorRules merge(ErrorRules o) {
        return o == null ? this : new ErrorRules(Merging.value(wrap, o.wrap), Merging.map(fields, o.fields),
                Merging.map(status, o.status), Merging.map(typeMap, o.typeMap), Merging.map(codeMap, o.codeMap),
                Merging.object(extraFields, o.extraFields), Merging.map(messageMap, o.messageMap),
                Merging.value(emptyBody, o.emptyBody), Merging.map(bodies, o.bodies),
                Merging.value(malformedBody, o.malformedBody), Merging.map(byParam, o.byParam));
    }

    /**
     * These rules as they shape every other error: the answers of their own (a malformed body's, a refused field's)
     * left out.
     */
    public ErrorRules withoutAnswersOfTheirOwn() {
        return malformedBody == null && (byParam == null || byParam.isEmpty()) ? this : new ErrorRules(wrap, fields,
                status, typeMap, codeMap, extraFields, messageMap, emptyBody, bodies, null, Map.of());
    }

    private static Map<String, String> defaultFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String name : new String[] {"message", "type", "code", "param"}) {
            fields.put(name, name);
        }
        return fields;
    }


    private static Map<ErrorKind, String> lowerCaseNames() {
        Map<ErrorKind, String> names = new EnumMap<>(ErrorKind.class);
        for (ErrorKind kind : ErrorKind.values()) {
            names.put(kind, kind.name().toLowerCase(Locale.ROOT));
        }
        return names;
    }

    private static Map<ErrorKind, JsonNode> lowerCaseCodes() {
        Map<ErrorKind, JsonNode> codes = new EnumMap<>(ErrorKind.class);
        lowerCaseNames().forEach((kind, name) -> codes.put(kind, JsonNodeFactory.instance.textNode(name)));
        return codes;
    }
}
