package dev.twin.inference.resource;

import com.fasterxml.jackson.databind.JsonNode;
import dev.twin.inference.operation.OperationStats;
import dev.twin.inference.operation.ResponseStats;
import dev.twin.inference.schema.BodyReader;
import dev.twin.inference.schema.ShapeAggregate;
import dev.twin.recorder.Body;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The provider's error body, read from every 4xx JSON answer: the envelope key ({@code error}), which fields carry
 * the message, type, code, param and status, and the type/code seen per case (404 → NOT_FOUND, 400/422 →
 * VALIDATION_ERROR, 401, 409, 429).
 */
public final class ErrorConvention {
    private static final Map<Integer, String> KINDS = Map.of(404, "NOT_FOUND", 400, "VALIDATION_ERROR",
            422, "VALIDATION_ERROR", 401, "UNAUTHORIZED", 409, "CONFLICT", 429, "RATE_LIMITED");
    private static final String DEFAULT_NOT_FOUND = "No such {{resource}}: '{{id}}'";
    private static final List<String> PARTS = List.of("message", "type", "code", "param", "status");

    private ErrorConvention() {
    }

    /**
     * @param notFoundMessage  the first 404 message and the path value it was about (for messageMap), or null
     * @param evidence         receives one line per decision
     */
    public static Map<String, Object> detect(Iterable<OperationStats> operations, NotFoundSample notFoundMessage,
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
                String kindOfStatus = KINDS.get(e.getKey());
                if (kindOfStatus != null) {
                    emptyKinds.merge(kindOfStatus, e.getValue().alwaysEmpty(), Boolean::logicalAnd);
                }
                if (e.getValue().hasJson() && e.getValue().body().isObject()) {
                    all.merge(e.getValue().body());
                    byStatus.computeIfAbsent(e.getKey(), s -> new ShapeAggregate()).merge(e.getValue().body());
                } else {
                    emptyErrors += e.getValue().count();
                }
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        List<String> empty = emptyKinds.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey)
                .toList();
        if (all.samples() == 0) {
            evidence.add("errors: no JSON error body was recorded" + (emptyErrors > 0 ? " (" + emptyErrors
                    + " 4xx answers without one)" : "") + "; the twin's default flat error body is used (low confidence)");
            putEmptyBody(out, empty, evidence);
            return out;
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
        out.put("wrap", wrap);
        Map<String, Object> fields = new LinkedHashMap<>();
        for (String part : PARTS) {
            // a part the API never sent is removed explicitly: the defaults merge key by key
            fields.put(part, inner.properties().containsKey(part) ? part : null);
        }
        out.put("fields", fields);
        fields = new LinkedHashMap<>(fields);
        fields.values().removeIf(Objects::isNull);
        Map<String, Object> status = new LinkedHashMap<>();
        Map<String, Object> typeMap = new LinkedHashMap<>();
        Map<String, Object> codeMap = new LinkedHashMap<>();
        List<String> seen = new ArrayList<>();
        for (Map.Entry<Integer, ShapeAggregate> e : byStatus.entrySet()) {
            String kind = KINDS.get(e.getKey());
            if (kind == null || status.containsKey(kind)) {
                continue;
            }
            status.put(kind, e.getKey());
            ShapeAggregate body = wrap.isEmpty() ? e.getValue() : e.getValue().properties().get(wrap);
            if (body == null) {
                continue;
            }
            JsonNode type = constantOf(body, "type");
            JsonNode code = constantOf(body, "code");
            if (kind.equals("VALIDATION_ERROR") && (code == null || code.isNull())) {
                code = missingFieldCode(operations, e.getKey(), wrap, evidence);
            }
            typeMap.put(kind, type);
            codeMap.put(kind, code);
            seen.add(e.getKey() + " → " + kind + " (type " + type + ", code " + code + ")");
        }
        if (!status.isEmpty()) {
            out.put("status", status);
        }
        Map<String, Object> bodies = new LinkedHashMap<>();
        for (Map.Entry<Integer, ShapeAggregate> e : byStatus.entrySet()) {
            String kind = KINDS.get(e.getKey());
            if (kind != null && !bodies.containsKey(kind) && status.get(kind).equals(e.getKey())) {
                bodies.put(kind, template(e.getValue(), ""));
            }
        }
        if (!bodies.isEmpty()) {
            out.put("bodies", bodies);
            evidence.add("errors: one body per cause, as each status answered it: " + bodies.keySet()
                    + " (constants kept, the message and param filled in by the twin)");
        }
        if (fields.containsKey("type") && !typeMap.isEmpty()) {
            out.put("typeMap", typeMap);
        }
        if (fields.containsKey("code") && !codeMap.isEmpty()) {
            out.put("codeMap", codeMap);
        }
        if (notFoundMessage != null && fields.containsKey("message")) {
            String template = notFoundTemplate(notFoundMessage);
            if (template != null && !template.equals(DEFAULT_NOT_FOUND)) {
                out.put("messageMap", Map.of("NOT_FOUND", template));
            }
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        for (Map.Entry<String, ShapeAggregate> p : inner.properties().entrySet()) {
            if (fields.containsKey(p.getKey())) {
                continue;
            }
            JsonNode constant = p.getValue().constant();
            if (constant != null && inner.alwaysPresent(p.getKey())) {
                extra.put(p.getKey(), withCodeTemplate(constant, codeMap));
            }
        }
        if (!extra.isEmpty()) {
            out.put("extraFields", extra);
        }
        evidence.add("errors: " + (wrap.isEmpty() ? "flat body" : "wrapped in '" + wrap + "'") + " with fields "
                + fields.keySet() + " from " + all.samples() + " JSON 4xx answers; " + String.join("; ", seen));
        putEmptyBody(out, empty, evidence);
        return out;
    }

    /**
     * The body one cause answered with, as a template: fields constant in every answer stay constant (a message
     * too, or the one most answers repeated), else the message and param become the twin's, nested objects
     * likewise; fields that varied otherwise are left out.
     */
    static Object template(ShapeAggregate shape, String name) {
        return template(shape, name, false);
    }

    /** @param ownPhrases a message seen once is the resource's own phrase, kept as it was (one resource's 404s) */
    private static Object template(ShapeAggregate shape, String name, boolean ownPhrases) {
        if (shape.isObject()) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<String, ShapeAggregate> p : shape.properties().entrySet()) {
                String lower = p.getKey().toLowerCase(Locale.ROOT);
                boolean filledByTwin = lower.equals("param") || lower.equals("code");
                if (!shape.alwaysPresent(p.getKey()) && !filledByTwin) {
                    continue;
                }
                Object value = template(p.getValue(), p.getKey(), ownPhrases);
                if (value != null) {
                    out.put(p.getKey(), value);
                }
            }
            return out;
        }
        if (shape.isArray() && shape.items() != null && (shape.items().isObject() || shape.items().onlyStrings())) {
            // a list of errors ({errors: [{code, message, detail}]}): one element shaped as the elements were
            Object item = template(shape.items(), shape.items().isObject() ? name : "message", ownPhrases);
            return item == null ? null : List.of(item);
        }
        JsonNode constant = shape.constant();
        String lower = name.toLowerCase(Locale.ROOT);
        if (shape.onlyStrings() && (lower.contains("message") || lower.equals("detail") || lower.equals("error")
                || lower.equals("reason") || lower.equals("description"))) {
            if (constant != null && (shape.samples() > 1 || ownPhrases)) {
                return constant;
            }
            JsonNode usual = shape.dominantString();
            return usual != null ? usual : "{{error.message}}";
        }
        if (shape.onlyStrings() && lower.equals("param")) {
            return "{{error.param}}";
        }
        if (lower.equals("code") && (constant == null || constant.isNull())) {
            return "{{error.code}}";
        }
        return constant;
    }

    private static void putEmptyBody(Map<String, Object> out, List<String> kinds, List<String> evidence) {
        if (!kinds.isEmpty()) {
            out.put("emptyBody", kinds);
            evidence.add("errors: " + String.join(", ", kinds) + " answered with no body every time it was recorded");
        }
    }

    /** "https://www.twilio.com/docs/errors/20404" → "https://www.twilio.com/docs/errors/{{error.code}}". */
    private static Object withCodeTemplate(JsonNode constant, Map<String, Object> codeMap) {
        if (constant.isTextual()) {
            for (Object code : codeMap.values()) {
                if (code instanceof JsonNode c && !c.isNull() && c.asText().length() >= 3
                        && constant.asText().contains(c.asText())) {
                    return constant.asText().replace(c.asText(), "{{error.code}}");
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
    public static Object notFoundBody(ShapeAggregate itemNotFound, Object apiWide) {
        if (itemNotFound.samples() == 0 || !itemNotFound.isObject()) {
            return null;
        }
        Object own = template(itemNotFound, "", true);
        // one body each time (but for the id): a resource that answered several causes keeps the API-wide body
        boolean oneBody = !String.valueOf(own).contains("{{error.");
        return own instanceof Map<?, ?> map && !map.isEmpty() && oneBody && !own.equals(apiWide) ? own : null;
    }
}
