package dev.twin.inference.operation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.inference.path.PathMatch;
import dev.twin.inference.path.PathTemplate;
import dev.twin.inference.schema.BodyReader;
import dev.twin.inference.schema.ShapeAggregate;
import dev.twin.recorder.Exchange;
import dev.twin.recorder.Headers;
import dev.twin.recorder.RecordedResponse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Everything learnt about one method on one path template, merged exchange by exchange. */
public final class OperationStats {
    static final int MAX_SAMPLE_VALUES = 2000;

    private final String method;
    private final PathTemplate path;
    private long count;
    private final TreeMap<Integer, ResponseStats> responses = new TreeMap<>();
    private final ShapeAggregate jsonBody = new ShapeAggregate();
    private final ShapeAggregate formBody = new ShapeAggregate();
    private long otherBodies;
    private final ShapeAggregate query = new ShapeAggregate();
    private final TreeMap<String, ShapeAggregate> pathParams = new TreeMap<>();
    /** Distinct values of the last path parameter in successful exchanges (bounded), for the table's id shape. */
    private final TreeSet<String> lastParamValues = new TreeSet<>();
    private final TreeMap<String, Long> echoesOfLastParam = new TreeMap<>();
    private final TreeMap<String, Long> echoesOfPath = new TreeMap<>();
    /** Top-level fields whose value was a path ending with the last path parameter, and the paths before it. */
    private final TreeMap<String, Long> pathEchoesOfLastParam = new TreeMap<>();
    private final TreeMap<String, TreeSet<String>> pathsEndingWithLastParam = new TreeMap<>();
    /** Top-level object members holding a field whose value was the last path parameter (or ended with it). */
    private final TreeMap<String, Long> membersEchoingLastParam = new TreeMap<>();
    private long successObjects;
    private final ListEvidence listEvidence = new ListEvidence();
    private final ServerDefaults serverDefaults = new ServerDefaults();
    /** The JSON media types requests were sent as ({@code application/vnd.docker.distribution.manifest.v2+json}). */
    private final TreeSet<String> jsonRequestTypes = new TreeSet<>();
    /** Successful writes (bounded): what was sent and what was answered, for fields derived from the input. */
    private final List<WriteSample> writes = new ArrayList<>();
    /** Top-level request fields → how many successful requests sent them; and the successful requests. */
    private final TreeMap<String, Long> sentBySuccesses = new TreeMap<>();
    private long successfulRequests;
    /** Top-level request arrays → how many successful requests sent them holding something; those sent empty. */
    private final TreeMap<String, Long> filledBySuccesses = new TreeMap<>();
    private final TreeSet<String> emptiedBySuccesses = new TreeSet<>();
    /** "param value field" → answers that embedded rows named by {@code ?param=value} holding the id in field. */
    private final TreeMap<Embed, Long> embeds = new TreeMap<>(java.util.Comparator.comparing(Embed::param)
            .thenComparing(Embed::member).thenComparing(Embed::parentField));

    /** Text fields whose form a refusal shows the server checks ({@code create.forms}). */
    private final FieldFormRefusals formRefusals = new FieldFormRefusals();
    /** Rejected writes (bounded): the fields each sent and the start of its error body. */
    private final List<Rejected> rejected = new ArrayList<>();
    /** Field → the JSON types successful writes sent it as. */
    private final TreeMap<String, java.util.EnumSet<JsonNodeType>> acceptedTypes = new TreeMap<>();

    /**
     * @param empty the top-level arrays and texts it sent empty
     * @param types the JSON type of each top-level field it sent
     */
    private record Rejected(Set<String> sent, String answer, int status, Set<String> empty,
                            Map<String, JsonNodeType> types) {
    }
    /** Values of id-like top-level fields in successful object answers (bounded), for tables never read by path. */
    private final TreeMap<String, TreeSet<String>> idValues = new TreeMap<>();
    private static final List<String> ID_NAMES = List.of("id", "sid", "uuid", "Id", "ID", "key", "name", "_id");
    /** 2xx answers whose Location header named the request path plus a value of the body: absolute, relative. */
    private long absoluteLocations;
    private long relativeLocations;
    /** Answers whose Location named the request's own URL: the row a PUT wrote. */
    private long selfAbsoluteLocations;
    private long selfRelativeLocations;
    /** Successful answers without a body whose Location named the request's own path (any query aside). */
    private long emptySelfAbsolute;
    private long emptySelfRelative;
    /** JSON 404 answers to requests naming an item, the item's id replaced by {@code {{request.lastSegment}}}. */
    private final ShapeAggregate notFoundBodies = new ShapeAggregate();
    private final Set<String> notFoundTexts = new java.util.LinkedHashSet<>();
    /** The headers successful answers carried (writes only). */
    private final AnswerHeaders answerHeaders = new AnswerHeaders();
    /** Integer fields of successful write answers → answers where they held / did not hold the write counter. */
    private final TreeMap<String, Long> counterEchoes = new TreeMap<>();
    private final TreeMap<String, Long> counterMisses = new TreeMap<>();
    /** The item envelope member requests wrapped the row in (stats hold the row unwrapped), or null. */
    private String requestEnvelope;

    public OperationStats(String method, PathTemplate path) {
        this.method = method;
        this.path = path;
    }

    /** @return the response body as JSON when it was JSON (for callers that look further), else null */
    public JsonNode accept(Exchange exchange, PathMatch match) {
        count++;
        var request = exchange.request();
        JsonNode queryObject = BodyReader.query(request.rawQuery());
        query.add(queryObject);
        List<String> values = match.values();
        for (int i = 0; i < values.size(); i++) {
            pathParams.computeIfAbsent(path.params().get(i), k -> new ShapeAggregate())
                    .add(BodyReader.scalar(values.get(i)));
        }
        int status = exchange.response().status();
        if (!values.isEmpty() && status >= 200 && status < 300 && lastParamValues.size() < MAX_SAMPLE_VALUES) {
            lastParamValues.add(match.lastValue());
        }
        Set<String> sent = new HashSet<>();
        JsonNode input = JsonNodeFactory.instance.objectNode();
        Set<String> sentValues = new HashSet<>();
        boolean readable = true;
        switch (BodyReader.kind(request.headers(), request.body())) {
            case JSON -> {
                JsonNode body = BodyReader.json(request.body());
                if (body != null) {
                    jsonBody.add(withoutRefusedFields(body, exchange.response()));
                    mediaType(request.headers()).ifPresent(t -> {
                        if (jsonRequestTypes.size() < 8) {
                            jsonRequestTypes.add(t);
                        }
                    });
                    input = body;
                    body.fieldNames().forEachRemaining(sent::add);
                    body.forEach(v -> sentValues.add(v.asText()));
                } else {
                    otherBodies++;
                    readable = false;
                }
            }
            case FORM -> {
                JsonNode form = BodyReader.form(request.body().text());
                formBody.add(form);
                input = form;
                form.fieldNames().forEachRemaining(sent::add);
                form.forEach(v -> sentValues.add(v.asText()));
            }
            case OTHER -> otherBodies++;
            default -> { }
        }
        RecordedResponse response = exchange.response();
        BodyReader.Kind answerKind = BodyReader.kind(response.headers(), response.body());
        JsonNode answer = answerKind == BodyReader.Kind.JSON ? BodyReader.json(response.body()) : null;
        noteRequired(response, answer, sent, input, readable);
        ResponseStats stats = responses.computeIfAbsent(response.status(), s -> new ResponseStats());
        stats.count++;
        boolean success = response.status() >= 200 && response.status() < 300;
        boolean write = success && !method.equals("GET") && !method.equals("DELETE");
        switch (answerKind) {
            case NONE -> {
                stats.empty++;
                if (success) {
                    noteEmptyLocation(response.headers(), request.path());
                    noteEmptySelfLocation(response.headers(), request.path());
                }
                if (write) {
                    answerHeaders.accept(response.headers(), request, null);
                }
            }
            case JSON -> {
                JsonNode body = answer;
                if (write) {
                    answerHeaders.accept(response.headers(), request, body);
                }
                if (body != null) {
                    stats.json++;
                    stats.body.add(body);
                    if (stats.jsonMediaType == null) {
                        stats.jsonMediaType = mediaType(response.headers()).filter(t -> t.contains("json"))
                                .orElse(null);
                    }
                    if (stats.firstJson == null) {
                        stats.firstJson = body;
                    }
                    if (response.status() == 404 && match.lastValue() != null && path.template().endsWith("}")) {
                        notFoundBodies.add(NamedItem.replaced(body, match.lastValue()));
                    }
                    if (body.isObject() && response.status() >= 200 && response.status() < 300) {
                        stats.noteCounts(body);
                        countEchoes(body, match.lastValue(), request.path());
                    }
                    if (response.status() >= 200 && response.status() < 300 && body.isObject()) {
                        noteLocation(body, response.headers(), request.path());
                        noteIds(body);
                        if (!method.equals("GET") && !method.equals("DELETE")) {
                            serverDefaults.accept(body, sent, sentValues);
                            if (writes.size() < 64) {
                                writes.add(new WriteSample(input, body));
                            }
                        }
                    }
                    if (method.equals("GET") && response.status() >= 200 && response.status() < 300
                            && body.isObject() && match.lastValue() != null) {
                        noteEmbeds(body, firstValues(queryObject), match.lastValue());
                    }
                    if (method.equals("GET") && response.status() >= 200 && response.status() < 300) {
                        listEvidence.accept(body, response.headers(), firstValues(queryObject),
                                pathParamValues(match));
                    }
                    return body;
                }
                stats.other++;
            }
            default -> {
                stats.other++;
                if (write) {
                    answerHeaders.accept(response.headers(), request, null);
                }
                if (stats.otherContentType == null) {
                    stats.otherContentType = Headers.first(response.headers(), "Content-Type")
                            .map(t -> t.split(";")[0].trim()).orElse("application/octet-stream");
                }
                if (response.status() == 404 && match.lastValue() != null && path.template().endsWith("}")) {
                    noteNotFoundText(response, match.lastValue());
                }
            }
        }
        return null;
    }

    /** A plain-text 404 to a request naming an item (Go's {@code http.Error}), the id it named templated. */
    private void noteNotFoundText(RecordedResponse response, String id) {
        boolean text = Headers.first(response.headers(), "Content-Type")
                .map(t -> t.toLowerCase(Locale.ROOT).startsWith("text/plain")).orElse(false);
        String body = response.body().text();
        if (!text || body.length() > 1024) {
            notFoundTexts.add("");  // some 404 was no short plain text: no text body is learned
        } else if (notFoundTexts.size() < 4) {
            notFoundTexts.add(id.isEmpty() ? body : body.replace(id, "{{request.lastSegment}}"));
        }
    }

    /**
     * The plain-text 404 bodies of this operation's requests for an item, the id templated; an empty string among
     * them means some 404 was not short plain text.
     */
    public Set<String> notFoundTexts() {
        return notFoundTexts;
    }

    /**
     * A write of this operation answered with no body ({@code PUT /api/queues/shop/orders} → 204), and the next
     * successful read of the same row: what the server stored is the write's answer (fields it added, ignored or
     * rewrote), so the read counts as that write's answer.
     */
    public void acceptReadBack(Exchange write, JsonNode read) {
        if (!read.isObject() || writes.size() >= 64) {
            return;
        }
        var request = write.request();
        JsonNode input = switch (BodyReader.kind(request.headers(), request.body())) {
            case JSON -> BodyReader.json(request.body());
            case FORM -> BodyReader.form(request.body().text());
            default -> null;
        };
        if (input == null || !input.isObject()) {
            return;
        }
        Set<String> sent = new HashSet<>();
        Set<String> sentValues = new HashSet<>();
        input.fieldNames().forEachRemaining(sent::add);
        input.forEach(v -> sentValues.add(v.asText()));
        serverDefaults.accept(read, sent, sentValues);
        writes.add(new WriteSample(input, read, true));
    }

    public String method() {
        return method;
    }

    /**
     * Compares a successful write answer's integer fields with the API's write counter header on it
     * ({@code server.writeCounter}: etcd's {@code X-Etcd-Index}), for fields that hold the counter at a write.
     */
    public void noteWriteCounter(String header, RecordedResponse response, JsonNode body) {
        int status = response.status();
        if (header == null || body == null || !body.isObject() || status < 200 || status >= 300
                || method.equals("GET")) {
            return;
        }
        String counter = Headers.first(response.headers(), header).orElse(null);
        if (counter == null) {
            return;
        }
        body.fields().forEachRemaining(field -> {
            if (field.getValue().isIntegralNumber()) {
                (field.getValue().asText().equals(counter.trim()) ? counterEchoes : counterMisses)
                        .merge(field.getKey(), 1L, Long::sum);
            }
        });
    }

    /** Fields that held the write counter on every successful write answer showing them. */
    public TreeSet<String> writeCounterFields() {
        TreeSet<String> out = new TreeSet<>(counterEchoes.keySet());
        out.removeAll(counterMisses.keySet());
        return out;
    }

    /** Fields that held the counter on no successful write answer showing them (a count kept from before). */
    public TreeSet<String> keptCounterFields() {
        TreeSet<String> out = new TreeSet<>(counterMisses.keySet());
        out.removeAll(counterEchoes.keySet());
        return out;
    }

    /** Notes that requests sent the row wrapped in this member ({@code {"user": {...}}}), as the spec says. */
    public void requestEnvelope(String member) {
        requestEnvelope = member;
    }

    /** The member requests wrapped the row in, or null. */
    public String requestEnvelope() {
        return requestEnvelope;
    }

    /** "METHOD template" ({@code POST /v1/customers}), the key operations are looked up by across inference. */
    public String key() {
        return method + " " + path.template();
    }

    public PathTemplate path() {
        return path;
    }

    public long count() {
        return count;
    }

    public TreeMap<Integer, ResponseStats> responses() {
        return responses;
    }

    public ShapeAggregate jsonBody() {
        return jsonBody;
    }

    public ShapeAggregate formBody() {
        return formBody;
    }

    public ShapeAggregate query() {
        return query;
    }

    public TreeMap<String, ShapeAggregate> pathParams() {
        return pathParams;
    }

    public TreeSet<String> lastParamValues() {
        return lastParamValues;
    }

    /** The lowest 2xx status seen most often, or 0. */
    public int mainSuccessStatus() {
        int best = 0;
        long bestCount = -1;
        for (Map.Entry<Integer, ResponseStats> e : responses.entrySet()) {
            if (e.getKey() >= 200 && e.getKey() < 300 && e.getValue().count > bestCount) {
                best = e.getKey();
                bestCount = e.getValue().count;
            }
        }
        return best;
    }

    /** The top-level request body fields (JSON or form). */
    public TreeSet<String> requestFields() {
        TreeSet<String> names = new TreeSet<>(jsonBody.properties().keySet());
        names.addAll(formBody.properties().keySet());
        return names;
    }

    /** Top-level response fields whose value was the last path parameter (e.g. "id" on GET /customers/{id}). */
    public TreeMap<String, Long> echoesOfLastParam() {
        return echoesOfLastParam;
    }

    /** Top-level response fields whose value was the request path (e.g. Stripe's list "url"). */
    public TreeMap<String, Long> echoesOfPath() {
        return echoesOfPath;
    }

    private void noteLocation(JsonNode body, List<dev.twin.recorder.Header> headers, String requestPath) {
        String location = Headers.first(headers, "Location").orElse(null);
        if (location == null || !body.isObject()) {
            return;
        }
        if (location.equals(requestPath)) {
            selfRelativeLocations++;
            return;
        }
        if (location.startsWith("http") && location.endsWith(requestPath)
                && location.indexOf('/', location.indexOf("//") + 2) == location.length() - requestPath.length()) {
            selfAbsoluteLocations++;
            return;
        }
        String collection = requestPath.endsWith("/") ? requestPath : requestPath + "/";
        int at = location.indexOf(collection);
        if (at < 0) {
            return;
        }
        String rest = location.substring(at + collection.length());
        for (JsonNode value : body) {
            if (value.isValueNode() && !value.isNull() && value.asText().equals(rest)) {
                if (at == 0) {
                    relativeLocations++;
                } else if (location.startsWith("http")) {
                    absoluteLocations++;
                }
                return;
            }
        }
    }

    /** An answer with no body whose Location named a new item below the request path (its id the last segment). */
    private void noteEmptySelfLocation(List<dev.twin.recorder.Header> headers, String requestPath) {
        String location = Headers.first(headers, "Location").orElse(null);
        if (location == null) {
            return;
        }
        int query = location.indexOf('?');
        String bare = query < 0 ? location : location.substring(0, query);
        if (bare.equals(requestPath)) {
            emptySelfRelative++;
        } else if (bare.startsWith("http") && bare.endsWith(requestPath)
                && bare.indexOf('/', bare.indexOf("//") + 2) == bare.length() - requestPath.length()) {
            emptySelfAbsolute++;
        }
    }

    /**
     * "absolute" or "relative" when every successful answer came without a body and named the request's own URL in
     * {@code Location} (a chunk's {@code 202} naming the upload it went to), else null.
     */
    public String emptySelfLocation() {
        long answers = 0;
        for (Map.Entry<Integer, ResponseStats> e : responses.entrySet()) {
            if (e.getKey() >= 200 && e.getKey() < 300) {
                if (e.getValue().empty != e.getValue().count) {
                    return null;
                }
                answers += e.getValue().count;
            }
        }
        return answers == 0 ? null : emptySelfAbsolute == answers ? "absolute"
                : emptySelfRelative == answers ? "relative" : null;
    }

    private void noteEmptyLocation(List<dev.twin.recorder.Header> headers, String requestPath) {
        String location = Headers.first(headers, "Location").orElse(null);
        if (AnswerHeaders.newRowId(location, requestPath) == null) {
            return;
        }
        if (location.startsWith("/")) {
            relativeLocations++;
        } else if (location.startsWith("http")) {
            absoluteLocations++;
        }
    }

    /** The JSON 404 answers to this operation's requests for an item, the id the request named templated. */
    public ShapeAggregate notFoundBodies() {
        return notFoundBodies;
    }

    /** The headers every successful write answer carried: constants, the new row's id, fields of the answer. */
    public List<AnswerHeaders.Found> answerHeaders() {
        return answerHeaders.headers();
    }

    /**
     * "absolute" or "relative" when every successful answer with a body named the request's own URL in Location
     * (CouchDB's PUT of a document), else null.
     */
    public String selfLocation() {
        long answers = 0;
        for (Map.Entry<Integer, ResponseStats> e : responses.entrySet()) {
            if (e.getKey() >= 200 && e.getKey() < 300) {
                answers += e.getValue().json;
            }
        }
        if (answers == 0) {
            return null;
        }
        return selfAbsoluteLocations == answers ? "absolute" : selfRelativeLocations == answers ? "relative" : null;
    }

    /** "absolute" or "relative" when every successful answer named the new row's URL in Location, else null. */
    public String location() {
        ResponseStats ok = responses.get(mainSuccessStatus());
        long answers = ok == null ? 0 : ok.count;
        if (answers == 0) {
            return null;
        }
        return absoluteLocations == answers ? "absolute" : relativeLocations == answers ? "relative" : null;
    }

    /**
     * @param answer   the response's JSON, parsed once by the caller, or null
     * @param readable false when the body was JSON that did not parse: its refusal names no missing field
     */
    private void noteRequired(RecordedResponse response, JsonNode answer, Set<String> sent, JsonNode input,
                              boolean readable) {
        if (method.equals("POST") || method.equals("PUT") || method.equals("PATCH")) {
            formRefusals.accept(input, response, answer);
        }
        Set<String> empty = new TreeSet<>();
        Set<String> filled = new TreeSet<>();
        if (input != null && input.isObject()) {
            input.fields().forEachRemaining(f -> {
                if (f.getValue().isArray()) {
                    (f.getValue().isEmpty() ? empty : filled).add(f.getKey());
                } else if (f.getValue().isTextual()) {
                    (f.getValue().textValue().isEmpty() ? empty : filled).add(f.getKey());
                }
            });
        }
        Map<String, JsonNodeType> types = new TreeMap<>();
        if (input != null && input.isObject()) {
            input.fields().forEachRemaining(f -> types.put(f.getKey(), f.getValue().getNodeType()));
        }
        if (response.status() >= 200 && response.status() < 300) {
            successfulRequests++;
            types.forEach((name, type) -> {
                if (acceptedTypes.containsKey(name) || acceptedTypes.size() < 256) {
                    acceptedTypes.computeIfAbsent(name, n -> java.util.EnumSet.noneOf(JsonNodeType.class)).add(type);
                }
            });
            sent.forEach(name -> sentBySuccesses.merge(name, 1L, Long::sum));
            filled.forEach(name -> filledBySuccesses.merge(name, 1L, Long::sum));
            emptiedBySuccesses.addAll(empty);
        } else if (readable && response.status() >= 400 && response.status() < 500 && (method.equals("POST")
                || method.equals("PUT") || method.equals("PATCH"))) {
            String text = response.body().text();
            if (rejected.size() < 64) {
                rejected.add(new Rejected(Set.copyOf(sent), text.length() > 4096 ? text.substring(0, 4096)
                        : text, response.status(), Set.copyOf(empty), Map.copyOf(types)));
            }
        }
    }

    /**
     * A request's body as the request schema learns from it: when a 4xx answer named some of its fields, those fields'
     * values were refused, so they do not widen the schema ({@code pinned: "maybe"} refused does not make a boolean
     * field take text).
     */
    private static JsonNode withoutRefusedFields(JsonNode body, RecordedResponse response) {
        if (response.status() < 400 || response.status() >= 500 || !body.isObject()) {
            return body;
        }
        String answer = response.body().text();
        ObjectNode kept = ((ObjectNode) body).deepCopy();
        body.fieldNames().forEachRemaining(field -> {
            if (AnswerText.mentions(answer, field)) {
                kept.remove(field);
            }
        });
        return kept;
    }


    /**
     * Request fields the server requires: every successful request sent them, and a 4xx answer to a request
     * without one named it ({@code Missing required param: amount.}). Evidence only; nothing is guessed.
     */
    public TreeSet<String> requiredRequestFields() {
        TreeSet<String> out = new TreeSet<>();
        sentBySuccesses.forEach((field, count) -> {
            if (count == successfulRequests && rejected.stream()
                    .anyMatch(r -> !r.sent().contains(field) && AnswerText.mentions(r.answer(), field))) {
                out.add(field);
            }
        });
        return out;
    }

    /** The text fields whose form a refused write shows the server checks (low confidence: see the report). */
    public List<FieldFormRefusals.Found> checkedForms() {
        return formRefusals.found();
    }

    /**
     * Request arrays and texts the server requires to hold something ({@code minItems: 1}, {@code minLength: 1}):
     * every successful request sent the field holding at least one item or character, and a 4xx answered a request
     * that sent it empty. Evidence only: the report gives it low confidence (a refusal may have had another cause).
     *
     * @return each such field with the number of refusals that sent it empty
     */
    public TreeMap<String, Long> nonEmptyRequestFields() {
        TreeMap<String, Long> out = new TreeMap<>();
        filledBySuccesses.forEach((field, count) -> {
            long refused = rejected.stream().filter(r -> r.empty().contains(field)).count();
            if (count == successfulRequests && !emptiedBySuccesses.contains(field) && refused > 0) {
                out.put(field, refused);
            }
        });
        return out;
    }

    /**
     * Per field and rule the API refused it for, of the checks the twin makes too (JSON Schema's {@code required} for
     * a field missing, {@code minItems} or {@code minLength} for an array or a text sent empty, {@code type} for a
     * value of a JSON type no accepted write sent and the answer named), the answers it gave: the API's own words
     * for that refusal.
     */
    public TreeMap<String, TreeMap<String, List<Map.Entry<Integer, String>>>> fieldRefusals() {
        TreeMap<String, TreeMap<String, List<Map.Entry<Integer, String>>>> out = new TreeMap<>();
        for (String field : requiredRequestFields()) {
            rejected.stream().filter(r -> !r.sent().contains(field) && AnswerText.mentions(r.answer(), field))
                    .forEach(r -> refusal(out, field, "required", r));
        }
        for (String field : nonEmptyRequestFields().keySet()) {
            rejected.stream().filter(r -> r.empty().contains(field)).forEach(r -> refusal(out, field,
                    r.types().get(field) == JsonNodeType.ARRAY ? "minItems" : "minLength", r));
        }
        for (Rejected r : rejected) {
            r.types().forEach((field, type) -> {
                java.util.Set<JsonNodeType> accepted = acceptedTypes.get(field);
                if (accepted != null && !accepted.contains(type) && type != JsonNodeType.NULL
                        && AnswerText.mentions(r.answer(), field)) {
                    refusal(out, field, "type", r);
                }
            });
        }
        return out;
    }

    private static void refusal(TreeMap<String, TreeMap<String, List<Map.Entry<Integer, String>>>> out, String field,
                                String rule, Rejected r) {
        out.computeIfAbsent(field, f -> new TreeMap<>()).computeIfAbsent(rule, k -> new ArrayList<>())
                .add(Map.entry(r.status(), r.answer()));
    }

    /**
     * The answers to requests that lacked a required field (those {@link #requiredRequestFields} learned from), as
     * their status and body text: the error the API gives for the cause the twin itself detects.
     */
    public List<Map.Entry<Integer, String>> missingFieldAnswers() {
        Set<String> required = requiredRequestFields();
        List<Map.Entry<Integer, String>> out = new ArrayList<>();
        for (Rejected r : rejected) {
            if (required.stream().anyMatch(field -> !r.sent().contains(field)
                    && AnswerText.mentions(r.answer(), field))) {
                out.add(Map.entry(r.status(), r.answer()));
            }
        }
        return out;
    }

    private void noteIds(JsonNode body) {
        for (String name : ID_NAMES) {
            JsonNode value = body.get(name);
            if (value != null && value.isValueNode() && !value.isNull()) {
                TreeSet<String> values = idValues.computeIfAbsent(name, n -> new TreeSet<>());
                if (values.size() < MAX_SAMPLE_VALUES) {
                    values.add(value.asText());
                }
            }
        }
    }

    /** Values the answers held in this id-like field (bounded). */
    public TreeSet<String> idValues(String field) {
        return idValues.getOrDefault(field, new TreeSet<>());
    }

    private static Optional<String> mediaType(List<dev.twin.recorder.Header> headers) {
        return Headers.first(headers, "Content-Type").map(t -> t.split(";")[0].trim().toLowerCase(Locale.ROOT))
                .filter(t -> !t.isEmpty());
    }

    /** {@code ?_embed=comments} answered with {@code comments: [rows whose postId is this row's id]}. */
    private void noteEmbeds(JsonNode body, Map<String, String> query, String id) {
        query.forEach((param, value) -> {
            JsonNode rows = body.get(value);
            if (rows == null || !rows.isArray() || rows.isEmpty() || !rows.get(0).isObject() || embeds.size() > 32) {
                return;
            }
            rows.get(0).fields().forEachRemaining(field -> {
                boolean holdsId = true;
                for (JsonNode row : rows) {
                    JsonNode v = row.get(field.getKey());
                    holdsId &= v != null && v.isValueNode() && v.asText().equals(id);
                }
                if (holdsId) {
                    embeds.merge(new Embed(param, value, field.getKey()), 1L, Long::sum);
                }
            });
        });
    }

    /** Embedding seen → answers that showed it. */
    public TreeMap<Embed, Long> embeds() {
        return embeds;
    }

    /**
     * {@code ?_embed=comments} answered the row with a {@code comments} member holding rows whose {@code postId} is
     * its id: param {@code _embed}, member {@code comments}, parentField {@code postId}.
     */
    public record Embed(String param, String member, String parentField) {
    }

    /** The JSON media types request bodies were sent as; empty when none was named. */
    public TreeSet<String> jsonRequestTypes() {
        return jsonRequestTypes;
    }

    /** Successful writes as sent and answered (bounded). */
    public List<WriteSample> writes() {
        return writes;
    }

    /** The answers' values in fields the client did not send (writes only). */
    public ServerDefaults serverDefaults() {
        return serverDefaults;
    }

    /** What the successful answers tell about listing (GET operations only). */
    public ListEvidence listEvidence() {
        return listEvidence;
    }

    private static Map<String, String> firstValues(JsonNode query) {
        Map<String, String> out = new LinkedHashMap<>();
        query.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            out.put(field.getKey(), value.isArray() ? value.path(0).asText() : value.asText());
        });
        return out;
    }

    private Map<String, String> pathParamValues(PathMatch match) {
        Map<String, String> out = new LinkedHashMap<>();
        List<String> values = match.values();
        for (int i = 0; i < values.size(); i++) {
            out.put(path.params().get(i), values.get(i));
        }
        return out;
    }

    /** How many 2xx JSON object responses there were. */
    public long successObjects() {
        return successObjects;
    }

    private void countEchoes(JsonNode body, String lastValue, String requestPath) {
        successObjects++;
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            if (!value.isValueNode() || value.isNull()) {
                continue;
            }
            if (lastValue != null && value.asText().equals(lastValue)) {
                echoesOfLastParam.merge(field.getKey(), 1L, Long::sum);
            } else if (lastValue != null && value.asText().endsWith("/" + lastValue)) {
                String prefix = value.asText().substring(0, value.asText().length() - lastValue.length());
                TreeSet<String> prefixes = pathsEndingWithLastParam.computeIfAbsent(field.getKey(),
                        k -> new TreeSet<>());
                if (prefixes.size() < 8) {
                    prefixes.add(prefix);
                }
                pathEchoesOfLastParam.merge(field.getKey(), 1L, Long::sum);
            }
            if (value.asText().equals(requestPath)) {
                echoesOfPath.merge(field.getKey(), 1L, Long::sum);
            }
        }
        if (lastValue == null) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            if (member.getValue().isObject() && holdsId(member.getValue(), lastValue)) {
                membersEchoingLastParam.merge(member.getKey(), 1L, Long::sum);
            }
        }
    }

    /** A field of the object holds the id, or a path ending with it ({@code "key": "/app/jobs/7"}). */
    private static boolean holdsId(JsonNode object, String id) {
        for (JsonNode value : object) {
            if (value.isValueNode() && !value.isNull()
                    && (value.asText().equals(id) || value.asText().endsWith("/" + id))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The one path every successful answer's field held before the last path parameter, when it always did (etcd's
     * {@code "key": "/app/jobs/7"} on {@code GET /v2/keys/app/jobs/7}: {@code /app/jobs/}); else null.
     */
    public String pathBeforeLastParam(String field) {
        TreeSet<String> prefixes = pathsEndingWithLastParam.get(field);
        return prefixes != null && prefixes.size() == 1 && pathEchoesOfLastParam.get(field) == successObjects
                ? prefixes.first() : null;
    }

    /** Top-level fields that held a path ending with the last path parameter, by the answers that did. */
    public TreeMap<String, Long> pathEchoesOfLastParam() {
        return pathEchoesOfLastParam;
    }

    /**
     * Top-level members whose object held the last path parameter in a field ({@code {"user": {"id": 7}}},
     * etcd's {@code {"node": {"key": "/app/jobs/7"}}}), by the answers that showed it: an item envelope's evidence.
     */
    public TreeMap<String, Long> membersEchoingLastParam() {
        return membersEchoingLastParam;
    }
}
