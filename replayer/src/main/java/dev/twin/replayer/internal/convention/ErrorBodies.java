package dev.twin.replayer.internal.convention;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.replayer.config.ErrorRules;
import dev.twin.replayer.config.MalformedBody;
import dev.twin.replayer.internal.http.ErrorKind;
import dev.twin.replayer.internal.http.TwinError;
import dev.twin.replayer.internal.http.TwinRequest;
import dev.twin.replayer.internal.http.TwinResponse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The errors convention: turns a {@link TwinError} into the provider's error response, e.g. Stripe's
 * {@code {"error": {"code": "resource_missing", "message": ..., "param": "customer", "type": ...}}} or Twilio's
 * flat {@code {"code": 20404, "message": ..., "more_info": ..., "status": 404}}.
 *
 * <p>{@code fields} maps the logical parts ({@code message, type, code, param, status}) to the body's field names;
 * a part not listed is not sent. {@code extraFields} are templates over {@code error.code}, {@code error.status},
 * {@code error.type}, {@code error.message}, {@code error.param} and {@code request.path}/{@code request.method}.
 */
public final class ErrorBodies {
    public static final Map<String, String> DEFAULT_FIELDS = defaultFields();
    private static final Map<ErrorKind, Integer> DEFAULT_STATUS = ErrorKind.defaultStatuses();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String wrap;
    private final Map<String, String> fields;
    private final Map<ErrorKind, Integer> status;
    private final Map<ErrorKind, String> types;
    private final Map<ErrorKind, JsonNode> codes;
    private final JsonTemplate extraFields;
    private final Set<ErrorKind> emptyBody;
    private final Map<ErrorKind, JsonTemplate> bodies;
    /** How a body that is not JSON is answered, or null: a VALIDATION_ERROR like any other. */
    private final MalformedBody malformedBody;
    /** The API's own answers when validation refuses a field, by the field's name ({@code errors.byParam}). */
    private final Map<String, Map<String, ErrorRules.FieldRefusal>> byParam;

    /**
     * @param wrap        the envelope key ({@code error}), or null for a flat body
     * @param fields      logical part to field name; null means {@link #DEFAULT_FIELDS}
     * @param status      status per kind, over the defaults (404, 400, 409, 401, 429, 400, 400)
     * @param extraFields constant or templated fields added to every error body, or null
     */
    public ErrorBodies(String wrap, Map<String, String> fields, Map<ErrorKind, Integer> status,
                       Map<ErrorKind, String> types, Map<ErrorKind, JsonNode> codes, JsonTemplate extraFields) {
        this(wrap, fields, status, types, codes, extraFields, Set.of());
    }

    /** @param emptyBody kinds answered with their status and no body (WireMock's 404) */
    public ErrorBodies(String wrap, Map<String, String> fields, Map<ErrorKind, Integer> status,
                       Map<ErrorKind, String> types, Map<ErrorKind, JsonNode> codes, JsonTemplate extraFields,
                       Set<ErrorKind> emptyBody) {
        this(wrap, fields, status, types, codes, extraFields, emptyBody, Map.of());
    }

    /**
     * @param bodies per kind, the whole body as a template over {@code error} and {@code request}; a template that
     *               is a string answers {@code text/plain}
     */
    public ErrorBodies(String wrap, Map<String, String> fields, Map<ErrorKind, Integer> status,
                       Map<ErrorKind, String> types, Map<ErrorKind, JsonNode> codes, JsonTemplate extraFields,
                       Set<ErrorKind> emptyBody, Map<ErrorKind, JsonTemplate> bodies) {
        this(wrap, fields, status, types, codes, extraFields, emptyBody, bodies, null);
    }

    /** @param malformedBody how a body that is not JSON is answered, or null for a VALIDATION_ERROR */
    public ErrorBodies(String wrap, Map<String, String> fields, Map<ErrorKind, Integer> status,
                       Map<ErrorKind, String> types, Map<ErrorKind, JsonNode> codes, JsonTemplate extraFields,
                       Set<ErrorKind> emptyBody, Map<ErrorKind, JsonTemplate> bodies, MalformedBody malformedBody) {
        this(wrap, fields, status, types, codes, extraFields, emptyBody, bodies, malformedBody, Map.of());
    }

    /** @param byParam the API's own answers when validation refuses a field, by its name and the rule it failed */
    public ErrorBodies(String wrap, Map<String, String> fields, Map<ErrorKind, Integer> status,
                       Map<ErrorKind, String> types, Map<ErrorKind, JsonNode> codes, JsonTemplate extraFields,
                       Set<ErrorKind> emptyBody, Map<ErrorKind, JsonTemplate> bodies, MalformedBody malformedBody,
                       Map<String, Map<String, ErrorRules.FieldRefusal>> byParam) {
        this.malformedBody = malformedBody;
        this.byParam = byParam == null || byParam.isEmpty() ? Map.of() : Map.copyOf(byParam);
        this.wrap = wrap;
        this.fields = fields == null ? DEFAULT_FIELDS : new LinkedHashMap<>(fields);
        this.bodies = bodies == null || bodies.isEmpty() ? Map.of() : new EnumMap<>(bodies);
        this.status = new EnumMap<>(DEFAULT_STATUS);
        if (status != null) {
            this.status.putAll(status);
        }
        this.types = types == null || types.isEmpty() ? Map.of() : new EnumMap<>(types);
        this.codes = codes == null || codes.isEmpty() ? Map.of() : new EnumMap<>(codes);
        this.extraFields = extraFields;
        this.emptyBody = emptyBody == null || emptyBody.isEmpty() ? Set.of() : EnumSet.copyOf(emptyBody);
    }

    /** Stripe-like defaults: wrapped in {@code error}, message/type/code/param. */
    public static ErrorBodies defaults() {
        return new ErrorBodies("error", null, null, null, null, null);
    }

    public int status(ErrorKind kind) {
        return status.get(kind);
    }

    /**
     * The API's own answer to a request whose body is not JSON ({@code malformedBody}), its text computed from the
     * bytes received; empty when twin.yaml gives none, or when the API's parser would have read those bytes.
     */
    public Optional<TwinResponse> malformedBody(TwinRequest request) {
        if (malformedBody == null) {
            return Optional.empty();
        }
        byte[] answer = malformedBody.answerFor(request.body());
        return answer == null ? Optional.empty() : Optional.of(new TwinResponse(malformedBody.status(),
                Map.of("Content-Type", malformedBody.contentType()), answer));
    }

    public TwinResponse response(TwinError error) {
        return response(error, null, null, null);
    }

    public TwinResponse response(TwinError error, TwinRequest request) {
        return response(error, null, null, request);
    }

    public TwinResponse response(TwinError error, JsonNode codeOverride, Integer statusOverride) {
        return response(error, codeOverride, statusOverride, null);
    }

    /**
     * @param codeOverride a code given by the thrower (a custom operation's {@code error.code}), or null
     * @param statusOverride a status given by the thrower, or null
     * @param request        the request, for {@code request.*} in extraFields templates, or null
     */
    public TwinResponse response(TwinError error, JsonNode codeOverride, Integer statusOverride,
                                 TwinRequest request) {
        return response(error, codeOverride, statusOverride, null, null, request);
    }

    /**
     * @param typeOverride a type given by the thrower (Stripe's {@code card_error}), or null
     * @param extra        more fields of the body, next to the others (a field of the same name replaces the
     *                     standard part), or null
     */
    public TwinResponse response(TwinError error, JsonNode codeOverride, Integer statusOverride, String typeOverride,
                                 ObjectNode extra, TwinRequest request) {
        ErrorRules.FieldRefusal own = error.kind() == ErrorKind.VALIDATION_ERROR && error.param() != null
                ? ownRefusal(fieldName(error.param()), error.rule()) : null;
        if (own != null) {
            return own.body().isTextual() ? plainText(own.status(), own.body().textValue())
                    : json(own.status(), own.body());
        }
        int httpStatus = statusOverride != null ? statusOverride : status(error.kind());
        if (emptyBody.contains(error.kind())) {
            return new TwinResponse(httpStatus, Map.of(), new byte[0]);
        }
        JsonNode code = codeOverride != null ? codeOverride : codes.get(error.kind());
        String type = typeOverride != null ? typeOverride : types.get(error.kind());

        Map<String, Object> parts = new LinkedHashMap<>();
        parts.put("code", code == null ? null : PlainValues.toPlain(code));
        parts.put("message", error.message());
        parts.put("param", error.param());
        parts.put("status", httpStatus);
        parts.put("type", type);

        ObjectNode inner = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            Object value = parts.get(field.getKey());
            if (value != null) {
                inner.set(field.getValue(), PlainValues.toJson(value));
            }
        }
        Map<String, Object> model = request == null ? Map.of("error", parts)
                : Map.of("error", parts, "request", ListEnvelope.requestModel(request));
        JsonTemplate whole = bodies.get(error.kind());
        if (whole != null) {
            JsonNode rendered = whole.render(model);
            // a body written as a string is the API's plain-text error (Go's http.Error: the text and a newline)
            return rendered.isTextual() ? plainText(httpStatus, rendered.textValue())
                    : json(httpStatus, withoutBlanks(rendered));
        }
        if (extra != null) {
            inner.setAll(extra);
        }
        if (extraFields != null && extraFields.render(model) instanceof ObjectNode constant) {
            constant.fields().forEachRemaining(e -> inner.putIfAbsent(e.getKey(), e.getValue()));
        }
        JsonNode body = inner;
        if (wrap != null && !wrap.isEmpty()) {
            body = JsonNodeFactory.instance.objectNode().set(wrap, inner);
        }
        return json(httpStatus, body);
    }

    /** The API's own answer to a field refused for a rule: the rule's, else the one for any rule; or null. */
    private ErrorRules.FieldRefusal ownRefusal(String field, String rule) {
        Map<String, ErrorRules.FieldRefusal> byRule = byParam.get(field);
        if (byRule == null) {
            return null;
        }
        ErrorRules.FieldRefusal own = rule == null ? null : byRule.get(rule);
        return own != null ? own : byRule.get(ErrorRules.ANY_RULE);
    }

    /** A refused parameter as the request named it: {@code title} for the validator's {@code body.title}. */
    private static String fieldName(String param) {
        return param.startsWith("body.") ? param.substring("body.".length()) : param;
    }

    /** A per-cause body's {@code {{error.param}}} that this error has no value for is left out, not sent as "". */
    private static JsonNode withoutBlanks(JsonNode body) {
        if (body instanceof ObjectNode object) {
            List<String> blank = new ArrayList<>();
            object.fields().forEachRemaining(field -> {
                if (field.getValue().isTextual() && field.getValue().textValue().isEmpty()) {
                    blank.add(field.getKey());
                } else {
                    withoutBlanks(field.getValue());
                }
            });
            object.remove(blank);
        }
        return body;
    }

    private static TwinResponse plainText(int status, String body) {
        return new TwinResponse(status, Map.of("Content-Type", "text/plain; charset=utf-8"),
                body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static TwinResponse json(int status, JsonNode body) {
        try {
            return new TwinResponse(status, Map.of("Content-Type", "application/json"), JSON.writeValueAsBytes(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    private static Map<String, String> defaultFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("code", "code");
        fields.put("message", "message");
        fields.put("param", "param");
        fields.put("type", "type");
        return Collections.unmodifiableMap(fields);
    }

}
