package dev.twin.inference.operation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.twin.recorder.Header;
import dev.twin.recorder.Headers;
import dev.twin.recorder.RecordedRequest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The headers one operation's successful answers carried beside the body, for an API that announces what it made
 * in headers (a Docker registry's upload: {@code 202}, no body, {@code Location: /v2/…/uploads/<uuid>},
 * {@code Docker-Upload-UUID: <uuid>}, {@code Range: 0-0}) or names a field of the row in one (CouchDB's document
 * PUT: {@code ETag: "<rev>"}). A header is kept when every answer (three at least) sent it with one value, when
 * every answer's value was the new row's id as its {@code Location} named it (the last path segment), or when it
 * held one field of the answer's body each time (bare, quoted or weak-quoted). Headers about the connection, the
 * body or the moment are never taken, as in {@link ConstantHeaders}; an {@code ETag} only when it held a field;
 * {@code Range} is, since an API that sends it on a write means the bytes it holds.
 *
 * <p>A header may also be built from the request ({@link RequestValues}): a digest the client named in a query
 * parameter ({@code Docker-Content-Digest: {{request.query.digest}}}), the digest of the body it sent
 * ({@code sha256:{{request.sha256}}}), a URL naming the row by such a value
 * ({@code {{request.base}}/v2/web/blobs/{{request.query.digest}}}): kept when every answer (two at least) gave the
 * same template, which then wins over a constant (two PUTs of the same bytes repeat their digest); one that takes only
 * the server's origin from the request is a constant URL and needs a constant's three answers. A {@code Location} is
 * kept only so, and never when it named the new row, since that is {@code create.location}'s. Bounded by the number
 * of header names.
 */
public final class AnswerHeaders {
    /** Headers about the message that a write's answer may still mean as its own (see the class comment). */
    private static final Set<String> WRITE_HEADERS = Set.of("etag", "range", "location");
    /** Headers that echo the request or govern caches, never a write's own. */
    private static final Set<String> ECHOES = Set.of("idempotency-key", "original-request", "cache-control", "pragma");
    private static final int MAX_NAMES = 32;
    /**
     * A header every answer sent, with its recorded spelling: a constant ({@code value}), the new row's id
     * ({@code newRowId}), a field of the answer ({@code bodyField}) or a template over the request
     * ({@code fromRequest}); {@code value} is the first answer's.
     */
    public record Found(String name, String value, boolean newRowId, BodyField bodyField, String fromRequest) {
        public Found(String name, String value, boolean newRowId, BodyField bodyField) {
            this(name, value, newRowId, bodyField, null);
        }
    }

    /**
     * A header that held a field of the answer's body each time, in one form: {@code form} is the header with a
     * mark where the value stood (the mark quoted for CouchDB's {@code ETag: "<rev>"}).
     */
    public record BodyField(String field, String form) {
        /** The header as a template, the field as {@code template} gives it. */
        public String templateWith(String template) {
            return form.replace(MARK, template);
        }
    }

    private static final String MARK = "\u0000";

    private long answers;
    /** Lower-case name → its recorded spelling, first value and whether each answer so far agreed. */
    private final TreeMap<String, Candidate> candidates = new TreeMap<>();

    private static final class Candidate {
        final String spelling;
        final String first;
        long seen;
        boolean constant = true;
        boolean id = true;
        /** The body fields (with the header's form) it held in every answer so far; null before the first. */
        Set<BodyField> fields;
        /** The templates over the request every answer so far agreed on; null before the first. */
        Set<String> fromRequest;
        /** Every answer's Location named a new row below the request's path (create.location's, not a header's). */
        boolean namedNewRow = true;

        Candidate(String spelling, String first) {
            this.spelling = spelling;
            this.first = first;
        }
    }

    /** One successful answer: its headers, the request path it answered and its JSON body (or null). */
    public void accept(List<Header> headers, String requestPath, JsonNode body) {
        accept(headers, requestPath, body, RequestValues.NONE);
    }

    /** One successful answer to {@code request}: its headers and its JSON body (or null). */
    public void accept(List<Header> headers, RecordedRequest request, JsonNode body) {
        accept(headers, request.path(), body, RequestValues.of(request));
    }

    private void accept(List<Header> headers, String requestPath, JsonNode body, RequestValues request) {
        answers++;
        String id = newRowId(Headers.first(headers, "Location").orElse(null), requestPath);
        for (Header header : headers) {
            String name = header.name().toLowerCase(Locale.ROOT);
            if (ConstantHeaders.aboutTheMessage(name) && !WRITE_HEADERS.contains(name) || ECHOES.contains(name)) {
                continue;
            }
            Candidate candidate = candidates.get(name);
            if (candidate == null) {
                if (answers > 1 || candidates.size() >= MAX_NAMES) {
                    continue; // absent from an earlier answer: not on every answer
                }
                candidate = new Candidate(header.name(), header.value());
                candidates.put(name, candidate);
            }
            candidate.seen++;
            candidate.constant &= candidate.first.equals(header.value());
            candidate.id &= id != null && id.equals(header.value());
            candidate.namedNewRow &= id != null;
            Set<BodyField> held = fieldsHeld(header.value(), body);
            if (candidate.fields == null) {
                candidate.fields = held;
            } else {
                candidate.fields.retainAll(held);
            }
            Set<String> built = request.templates(header.value());
            if (candidate.fromRequest == null) {
                candidate.fromRequest = built;
            } else {
                candidate.fromRequest.retainAll(built);
            }
        }
    }

    /**
     * Each header every answer carried as a constant, the new row's id or a field of the answer, by name. Empty with
     * fewer than two answers (one answer cannot tell a constant from a value of the moment).
     */
    public List<Found> headers() {
        List<Found> out = new ArrayList<>();
        if (answers < 2) {
            return out;
        }
        candidates.forEach((name, candidate) -> {
            String fromRequest = candidate.fromRequest == null ? null : candidate.fromRequest.stream()
                    .filter(t -> answers >= 3 || !onlyTheBase(t)).findFirst().orElse(null);
            boolean newRowsUrl = name.equals("location") && candidate.namedNewRow;
            if (candidate.seen == answers && fromRequest != null && !newRowsUrl) {
                out.add(new Found(candidate.spelling, candidate.first, false, null, fromRequest));
                return;
            }
            if (name.equals("location")) {
                return; // the new row's own URL is create.location's
            }
            BodyField field = candidate.fields == null || candidate.fields.isEmpty() ? null
                    : candidate.fields.iterator().next();
            boolean onlyAsField = name.equals("etag"); // an ETag is the body's digest unless a field held it
            // a constant needs three answers: two writes of the same content (a manifest pushed under two tags)
            // repeat a header computed from it without its being constant
            boolean constant = candidate.constant && answers >= 3;
            if (candidate.seen == answers && (onlyAsField ? field != null
                    : candidate.id || constant || field != null)) {
                // a value that was the same each time is a constant, even if a field held it too
                out.add(new Found(candidate.spelling, candidate.first, candidate.id && !onlyAsField,
                        constant && !candidate.id && !onlyAsField ? null : field));
            }
        });
        return out;
    }

    /**
     * A template whose only part taken from the request is the server's origin: the rest is a constant, which
     * needs a constant's evidence (three answers).
     */
    private static boolean onlyTheBase(String template) {
        String rest = template.replace("{{request.base}}", "");
        return !rest.contains("{{request.");
    }

    /**
     * The body's top-level fields whose value the header is, bare or quoted ({@code "v"}, {@code W/"v"}); empty
     * without a body. Sorted by field name, so the first is the same on every run.
     */
    private static Set<BodyField> fieldsHeld(String value, JsonNode body) {
        Set<BodyField> out = new TreeSet<>(Comparator.comparing(BodyField::field)
                .thenComparing(BodyField::form));
        if (body == null || !body.isObject()) {
            return out;
        }
        body.fields().forEachRemaining(field -> {
            JsonNode v = field.getValue();
            if (v.isValueNode() && !v.isNull() && !v.asText().isEmpty()) {
                String text = v.asText();
                for (String form : List.of(MARK, "\"" + MARK + "\"", "W/\"" + MARK + "\"")) {
                    if (value.equals(form.replace(MARK, text))) {
                        out.add(new BodyField(field.getKey(), form));
                    }
                }
            }
        });
        return out;
    }

    /**
     * The id a {@code Location} names below the request's path: {@code /v2/x/uploads/<id>} (or absolute, with a
     * query) answering {@code POST /v2/x/uploads/}; null when it names something else.
     */
    static String newRowId(String location, String requestPath) {
        if (location == null) {
            return null;
        }
        String path = location;
        int scheme = path.indexOf("://");
        if (scheme >= 0) {
            int slash = path.indexOf('/', scheme + 3);
            path = slash < 0 ? "/" : path.substring(slash);
        }
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        String collection = requestPath.endsWith("/") ? requestPath : requestPath + "/";
        if (!path.startsWith(collection)) {
            return null;
        }
        String rest = path.substring(collection.length());
        return rest.isEmpty() || rest.contains("/") ? null : rest;
    }
}
