package dev.twin.inference.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.twin.inference.operation.OperationStats;
import dev.twin.inference.operation.ResponseStats;
import dev.twin.inference.schema.BodyReader;
import dev.twin.inference.schema.ShapeAggregate;
import dev.twin.recorder.Body;
import dev.twin.replayer.internal.http.ErrorKind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The provider's error body, read from every 4xx JSON answer: the envelope key ({@code error}), which fields carry
 * the message, type, code, param and status, and the type/code seen per case (404 → NOT_FOUND, 400/422 →
 * VALIDATION_ERROR, 401, 409, 429).
 */
public final class ErrorConvention {
    private static final Map<Integer, ErrorKind> KINDS = Map.of(404, ErrorKind.NOT_FOUND,
            400, ErrorKind.VALIDATION_ERROR, 422, ErrorKind.VALIDATION_ERROR, 401, ErrorKind.UNAUTHORIZED,
            409, ErrorKind.CONFLICT, 429, ErrorKind.RATE_LIMITED);
    private static final String DEFAULT_NOT_FOUND = "No such {{resource}}: '{{id}}'";

    private ErrorConvention() {
    }

    /**
     * @param notFoundMessage  the first 404 message and the path value it was about (for messageMap), or null
     * @param evidence         receives one line per decision
     */
    public static ErrorConventions detect(Iterable<OperationStats> operations, NotFoundSample notFoundMessage,
                                          List<String> evidence) {
        ShapeAggregate all = new ShapeAggregate();
        TreeMap<Integer, ShapeAggregate> byStatus = new TreeMap<>();
        long emptyErrors = 0;
        // kind -> true while every answer of that kind's status had no body at all
        TreeMap<String, Boolean> emptyKinds = new TreeMap<>();
        for (OperationStats op : operations) {
            for (Map.Entry<Integer, ResponseStats> e : op.responses().entrySet()) {
                if (e.getKey() < 400 || e.getKey() >= 500) {
                    continue;
                }
                ErrorKind kindOfStatus = KINDS.get(e.getKey());
                if (kindOfStatus != null) {
                    emptyKinds.merge(kindOfStatus.name(), e.getValue().alwaysEmpty(), Boolean::logicalAnd);
                }
                if (e.getValue().hasJson() && e.getValue().body().isObject()) {
                    all.merge(e.getValue().body());
                    byStatus.computeIfAbsent(e.getKey(), s -> new ShapeAggregate()).merge(e.getValue().body());
                } else {
                    emptyErrors += e.getValue().count();
                }
            }
        }
        List<ErrorKind> empty = emptyKinds.entrySet().stream().filter(Map.Entry::getValue)
                .map(e -> ErrorKind.valueOf(e.getKey())).toList();
        if (all.samples() == 0) {
            evidence.add("errors: no JSON error body was recorded" + (emptyErrors > 0 ? " (" + emptyErrors
                    + " 4xx answers without one)" : "") + "; the twin's default flat error body is used (low confidence)");
            emptyBodyEvidence(empty, evidence);
            return new ErrorConventions(null, List.of(), Map.of(), Map.of(), Map.of(), Map.of(), null, Map.of(),
                    empty);
        }
        String wrap = "";
        ShapeAggregate inner = all;
        if (all.properties().size() == 1) {
            Map.Entry<String, ShapeAggregate> only = all.properties().firstEntry();
            if (only.getValue().isObject()) {
                wrap = only.getKey();
                inner = only.getValue();
            }
        }
        List<String> parts = ErrorConventions.PARTS.stream().filter(inner.properties()::containsKey).toList();
        Map<ErrorKind, Integer> status = new LinkedHashMap<>();
        Map<ErrorKind, JsonNode> types = new LinkedHashMap<>();
        Map<ErrorKind, JsonNode> codes = new LinkedHashMap<>();
        List<String> seen = new ArrayList<>();
        for (Map.Entry<Integer, ShapeAggregate> e : byStatus.entrySet()) {
            ErrorKind kind = KINDS.get(e.getKey());
            if (kind == null || status.containsKey(kind)) {
                continue;
            }
            status.put(kind, e.getKey());
            ShapeAggregate body = wrap.isEmpty() ? e.getValue() : e.getValue().properties().get(wrap);
            if (body == null) {
                continue;
            }
            JsonNode type = nullIfAbsent(constantOf(body, "type"));
            JsonNode code = constantOf(body, "code");
            if (kind == ErrorKind.VALIDATION_ERROR && (code == null || code.isNull())) {
                code = missingFieldCode(operations, e.getKey(), wrap, evidence);
            }
            types.put(kind, type);
            codes.put(kind, nullIfAbsent(code));
            seen.add(e.getKey() + " → " + kind + " (type " + type + ", code " + code + ")");
        }
        Map<ErrorKind, JsonNode> bodies = new LinkedHashMap<>();
        for (Map.Entry<Integer, ShapeAggregate> e : byStatus.entrySet()) {
            ErrorKind kind = KINDS.get(e.getKey());
            if (kind != null && !bodies.containsKey(kind) && status.get(kind).equals(e.getKey())) {
                bodies.put(kind, template(e.getValue(), ""));
            }
        }
        if (!bodies.isEmpty()) {
            evidence.add("errors: one body per cause, as each status answered it: " + bodies.keySet()
                    + " (constants kept, the message and param filled in by the twin)");
        }
        String notFound = null;
        if (notFoundMessage != null && parts.contains("message")) {
            String template = notFoundTemplate(notFoundMessage);
            if (template != null && !template.equals(DEFAULT_NOT_FOUND)) {
                notFound = template;
            }
        }
        Map<String, JsonNode> extra = new LinkedHashMap<>();
        for (Map.Entry<String, ShapeAggregate> p : inner.properties().entrySet()) {
            if (parts.contains(p.getKey())) {
                continue;
            }
            JsonNode constant = p.getValue().constant();
            if (constant != null && inner.alwaysPresent(p.getKey())) {
                extra.put(p.getKey(), withCodeTemplate(constant, codes));
            }
        }
        evidence.add("errors: " + (wrap.isEmpty() ? "flat body" : "wrapped in '" + wrap + "'") + " with fields "
                + parts + " from " + all.samples() + " JSON 4xx answers; " + String.join("; ", seen));
        emptyBodyEvidence(empty, evidence);
        return new ErrorConventions(wrap, parts, status, bodies, types, codes, notFound, extra, empty);
    }

    /**
     * The body one cause answered with, as a template: fields constant in every answer stay constant (a message
     * too, or the one most answers repeated), else the message and param become the twin's, nested objects
     * likewise; fields that varied otherwise are left out.
     */
    static JsonNode template(ShapeAggregate shape, String name) {
        return template(shape, name, false);
    }

    /** @param ownPhrases a message seen once is the resource's own phrase, kept as it was (one resource's 404s) */
    private static JsonNode template(ShapeAggregate shape, String name, boolean ownPhrases) {
        if (shape.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, ShapeAggregate> p : shape.properties().entrySet()) {
                String lower = p.getKey().toLowerCase(Locale.ROOT);
                boolean filledByTwin = lower.equals("param") || lower.equals("code");
                if (!shape.alwaysPresent(p.getKey()) && !filledByTwin) {
                    continue;
                }
                JsonNode value = template(p.getValue(), p.getKey(), ownPhrases);
                if (value != null) {
                    out.set(p.getKey(), value);
                }
            }
            return out;
        }
        if (shape.isArray() && shape.items() != null && (shape.items().isObject() || shape.items().onlyStrings())) {
            // a list of errors ({errors: [{code, message, detail}]}): one element shaped as the elements were
            JsonNode item = template(shape.items(), shape.items().isObject() ? name : "message", ownPhrases);
            return item == null ? null : JsonNodeFactory.instance.arrayNode().add(item);
        }
        JsonNode constant = shape.constant();
        String lower = name.toLowerCase(Locale.ROOT);
        if (shape.onlyStrings() && (lower.contains("message") || lower.equals("detail") || lower.equals("error")
                || lower.equals("reason") || lower.equals("description"))) {
            if (constant != null && (shape.samples() > 1 || ownPhrases)) {
                return constant;
            }
            JsonNode usual = shape.dominantString();
            return usual != null ? usual : TextNode.valueOf("{{error.message}}");
        }
        if (shape.onlyStrings() && lower.equals("param")) {
            return TextNode.valueOf("{{error.param}}");
        }
        if (lower.equals("code") && (constant == null || constant.isNull())) {
            return TextNode.valueOf("{{error.code}}");
        }
        return constant;
    }

    private static void emptyBodyEvidence(List<ErrorKind> kinds, List<String> evidence) {
        if (!kinds.isEmpty()) {
            evidence.add("errors: " + kinds.stream().map(ErrorKind::name).collect(Collectors.joining(", "))
                    + " answered with no body every time it was recorded");
        }
    }

    private static JsonNode nullIfAbsent(JsonNode value) {
        return value == null ? NullNode.getInstance() : value;
    }

    /** "https://www.twilio.com/docs/errors/20404" → "https://www.twilio.com/docs/errors/{{error.code}}". */
    private static JsonNode withCodeTemplate(JsonNode constant, Map<ErrorKind, JsonNode> codes) {
        if (constant.isTextual()) {
            for (JsonNode code : codes.values()) {
                if (!code.isNull() && code.asText().length() >= 3 && constant.asText().contains(code.asText())) {
                    return TextNode.valueOf(constant.asText().replace(code.asText(), "{{error.code}}"));
                }
            }
        }
        return constant;
    }

    /**
     * The first 404 message as a template: the request path becomes {{request.path}} (Twilio), the id {{id}} and
     * the resource name {{resource}} (Stripe's "No such customer: 'cus_1'"); null when it names neither.
     *
     * @param seen the first 404 message and what it may name
     */
    static String notFoundTemplate(NotFoundSample seen) {
        String message = seen.message();
        String id = seen.id();
        String path = seen.path();
        String resource = seen.resource();
        if (path != null && path.length() > 1 && message.contains(path)) {
            return message.replace(path, "{{request.path}}");
        }
        if (id == null || id.isEmpty() || !message.contains(id)) {
            return null;
        }
        String template = message.replace(id, "{{id}}");
        if (resource != null && !resource.startsWith("/") && template.contains(" " + resource + ":")) {
            template = template.replace(" " + resource + ":", " {{resource}}:");
        }
        return template;
    }

    /**
     * The code of a status's errors when they disagree (one code per cause): the one the API gave every time a
     * request lacked a required field, the cause the twin's own validation reports; null when those disagree too.
     */
    private static JsonNode missingFieldCode(Iterable<OperationStats> operations, int status, String wrap,
                                             List<String> evidence) {
        JsonNode code = null;
        int answers = 0;
        for (OperationStats op : operations) {
            for (Map.Entry<Integer, String> answer : op.missingFieldAnswers()) {
                if (answer.getKey() != status) {
                    continue;
                }
                JsonNode body = BodyReader.json(Body.of(answer.getValue()));
                JsonNode error = body == null ? null : wrap.isEmpty() ? body : body.get(wrap);
                JsonNode value = error == null ? null : error.get("code");
                if (value == null || !value.isTextual() || code != null && !code.equals(value)) {
                    return null;
                }
                code = value;
                answers++;
            }
        }
        if (code != null) {
            evidence.add("errors: " + status + " answers carry one code per cause; the " + answers + " answering a "
                    + "missing required field all said " + code + ", so the twin's own validation errors do too");
        }
        return code;
    }

    private static JsonNode constantOf(ShapeAggregate body, String field) {
        ShapeAggregate sub = body.properties().get(field);
        return sub == null ? null : sub.constant();
    }

    /**
     * The 404 body of one resource's items when it differs from the API-wide one: each resource's own code and
     * message ({@code BLOB_UNKNOWN} for blobs, {@code MANIFEST_UNKNOWN} for manifests), with the id the request
     * named as {@code {{request.lastSegment}}}. Null when its items never answered a JSON 404, answered more than
     * one body (one cause each time is the evidence), or answered the API-wide body.
     *
     * @param apiWide the API-wide {@code errors.bodies.NOT_FOUND}, or null
     */
    public static JsonNode notFoundBody(ShapeAggregate itemNotFound, JsonNode apiWide) {
        if (itemNotFound.samples() == 0 || !itemNotFound.isObject()) {
            return null;
        }
        JsonNode own = template(itemNotFound, "", true);
        // one body each time (but for the id): a resource that answered several causes keeps the API-wide body
        boolean oneBody = !String.valueOf(own).contains("{{error.");
        return own != null && own.isObject() && !own.isEmpty() && oneBody && !own.equals(apiWide) ? own : null;
    }
}
