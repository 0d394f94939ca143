package dev.twin.replayer.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The variables a twin.yaml template can read where it is written, and, for each, the fields below it when they are
 * known. A stored row's fields ({@code item.email}) are not known before requests arrive, since tables have no
 * schema, so any field of a row is accepted; a value with fixed fields ({@code request.path}, {@code error.code})
 * accepts only those.
 */
record TemplateScope(String description, Map<String, Set<String>> variables) {
    /** Any field below the variable is accepted (a row, a request body). */
    static final Set<String> ANY_FIELD = null;
    /** The variable is a plain value: nothing below it. */
    private static final Set<String> NO_FIELDS = Set.of();
    private static final Set<String> REQUEST = orderedSet("path", "method", "lastSegment");
    private static final Set<String> ERROR = orderedSet("code", "message", "param", "status", "type");

    /** {@code fields.inject}, {@code create.generate}, {@code delete.body}: the row. */
    static final TemplateScope ROW = of("item (the row)", "item", ANY_FIELD);
    /**
     * {@code create.headers}, {@code update.headers}, {@code patch.headers}: the row, the write (its query
     * parameters, the digests of its body, the server's own base URL) and the bytes the row holds.
     */
    static final TemplateScope HEADERS = of("item (the row), request (path, method, base, query, sha256, sha1, md5) "
            + "and content (length, lastByte)", "item", ANY_FIELD,
            "request", orderedSet("path", "method", "base", "query", "sha256", "sha1", "md5"),
            "content", orderedSet("length", "lastByte"));
    /** {@code list.extraFields}. */
    static final TemplateScope LIST = of("request (path, method, lastSegment)", "request", REQUEST);
    /** {@code errors.extraFields} and {@code errors.bodies}. */
    static final TemplateScope ERROR_BODY = of(
            "error (code, message, param, status, type) and request (path, method, lastSegment)",
            "error", ERROR, "request", REQUEST);
    /** {@code errors.messageMap.NOT_FOUND}. */
    static final TemplateScope NOT_FOUND_MESSAGE = of("id, resource and request (path, method, lastSegment)",
            "id", NO_FIELDS, "resource", NO_FIELDS, "request", REQUEST);
    /** {@code extend[].parentTables.*.notFound}: the missing parent's value. */
    static final TemplateScope PARENT_NOT_FOUND = of("parent (the value the path named) and request (path, method, "
            + "lastSegment)", "parent", NO_FIELDS, "request", REQUEST);
    /** {@code update.immutable.body}: the field refused, the values sent and kept, and the row. */
    static final TemplateScope IMMUTABLE = of("field, sent, current, item (the row) and request (path, method, "
            + "lastSegment)", "field", NO_FIELDS, "sent", ANY_FIELD, "current", ANY_FIELD, "item", ANY_FIELD,
            "request", REQUEST);
    /** {@code create.forms.*.body}: the field refused and the value sent. */
    static final TemplateScope FORM = of("field, sent and request (path, method, lastSegment)", "field", NO_FIELDS,
            "sent", NO_FIELDS, "request", REQUEST);
    /** {@code create.limits.*.error.message}: the number sent, what was left of the limit, and the row named. */
    static final TemplateScope LIMIT = of("sent, remaining and row (the row the create named)", "sent", NO_FIELDS,
            "remaining", NO_FIELDS, "row", ANY_FIELD);
    /** {@code create.exists.*.body}: the value sent that named no row. */
    static final TemplateScope SENT = of("sent (the value sent)", "sent", NO_FIELDS);
    /** {@code search.syntaxMessage}. */
    static final TemplateScope SEARCH_SYNTAX = of("reason (what was expected where)", "reason", NO_FIELDS);
    /** {@code search.unsupportedFieldMessage}. */
    static final TemplateScope SEARCH_FIELD = of("field and resource", "field", NO_FIELDS, "resource", NO_FIELDS);
    /** Scenario bodies and error messages: the request's parts, the row, and the result of a bound operation. */
    static final TemplateScope SCENARIO = scenario();

    TemplateScope {
        variables = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(variables));
    }

    /** Why {@code path} (a template reference split into its parts) cannot be read here, or null when it can. */
    String problem(List<String> path) {
        String root = path.get(0);
        if (!variables.containsKey(root)) {
            return "unknown variable '" + root + "'; " + known();
        }
        Set<String> fields = variables.get(root);
        if (path.size() < 2 || fields == ANY_FIELD) {
            return null;
        }
        if (fields.isEmpty()) {
            return "'" + root + "' is a single value, it has no field '" + path.get(1) + "'";
        }
        if (!fields.contains(path.get(1))) {
            return ConfigProblems.withSuggestion("unknown field '" + path.get(1) + "' of '" + root + "'; it has "
                    + String.join(", ", fields), path.get(1), fields);
        }
        return null;
    }

    private String known() {
        return "this template can read " + description;
    }

    private static TemplateScope of(String description, Object... namesAndFields) {
        Map<String, Set<String>> variables = new LinkedHashMap<>();
        for (int i = 0; i < namesAndFields.length; i += 2) {
            @SuppressWarnings("unchecked")
            Set<String> fields = (Set<String>) namesAndFields[i + 1];
            variables.put((String) namesAndFields[i], fields);
        }
        return new TemplateScope(description, variables);
    }

    private static TemplateScope scenario() {
        Map<String, Set<String>> variables = new LinkedHashMap<>();
        for (String name : Scenario.VARIABLES) {
            variables.put(name, name.equals("tenant") || name.equals("operation") ? NO_FIELDS : ANY_FIELD);
        }
        variables.put("result", ANY_FIELD);
        return new TemplateScope(String.join(", ", variables.keySet()), variables);
    }

    private static Set<String> orderedSet(String... names) {
        return java.util.Arrays.stream(names).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }
}
