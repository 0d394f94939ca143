package dev.twin.inference.diff;

import dev.twin.inference.diff.BreakingRules.Side;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.servers.Server;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares two OpenAPI documents operation by operation. Operations are matched by method and path template with
 * parameter names ignored ({@code /customers/{id}} is {@code /customers/{customer}}), the path of a single server
 * URL prefixed ({@code basePath: /v1} matches recorded {@code /v1/...} paths). Within an operation: query, header
 * and cookie parameters, the request body, each response status and its body, and the error codes of 4xx/5xx
 * bodies. Severity comes from {@link BreakingRules}.
 */
public final class SpecDiff {
    private static final List<String> METHOD_ORDER = List.of("GET", "PUT", "POST", "PATCH", "DELETE", "HEAD",
            "OPTIONS", "TRACE");

    private record Op(String method, String template, Operation operation, List<Parameter> shared) {
        String display() {
            return method + " " + template;
        }
    }

    /** One side of a compared operation: the spec's components and its walker. */
    private record Spec(Components components, SchemaWalker walker) {
        static Spec of(OpenAPI api) {
            Components components = api.getComponents() == null ? new Components() : api.getComponents();
            return new Spec(components, new SchemaWalker(components.getSchemas()));
        }
    }

    private final Spec before;
    private final Spec after;
    private final List<Change> changes = new ArrayList<>();

    private SpecDiff(OpenAPI before, OpenAPI after) {
        this.before = Spec.of(before);
        this.after = Spec.of(after);
    }

    /** Every change from {@code before} to {@code after}, operation by operation (path, then method). */
    public static List<Change> compare(OpenAPI before, OpenAPI after) {
        SpecDiff diff = new SpecDiff(before, after);
        diff.run(operations(before), operations(after));
        return List.copyOf(diff.changes);
    }

    private void run(Map<String, Op> oldOps, Map<String, Op> newOps) {
        Set<String> keys = new TreeSet<>(oldOps.keySet());
        keys.addAll(newOps.keySet());
        for (String key : keys) {
            Op was = oldOps.get(key);
            Op now = newOps.get(key);
            if (was == null) {
                add(ChangeKind.OPERATION_ADDED, null, null, null, now.display(), "", null, null);
            } else if (now == null) {
                add(ChangeKind.OPERATION_REMOVED, null, null, null, was.display(), "", null, null);
            } else {
                compareOperation(was, now);
            }
        }
    }

    private void compareOperation(Op was, Op now) {
        String op = now.display();
        Map<String, Parameter> oldParams = parameters(was, before);
        Map<String, Parameter> newParams = parameters(now, after);
        Set<String> names = new LinkedHashSet<>(oldParams.keySet());
        names.addAll(newParams.keySet());
        for (String name : names) {
            compareFields(op, Side.REQUEST, name, "", flatten(before, oldParams.get(name)),
                    flatten(after, newParams.get(name)), Set.of());
        }
        compareFields(op, Side.REQUEST, "request body", ": ", requestFields(was.operation(), before),
                requestFields(now.operation(), after), Set.of());
        compareResponses(op, responses(was.operation(), before), responses(now.operation(), after));
    }

    private void compareResponses(String op, Map<String, ApiResponse> was, Map<String, ApiResponse> now) {
        List<String> removed = new ArrayList<>(was.keySet());
        removed.removeAll(now.keySet());
        List<String> added = new ArrayList<>(now.keySet());
        added.removeAll(was.keySet());
        List<String> removedSuccess = removed.stream().filter(SpecDiff::success).toList();
        List<String> addedSuccess = added.stream().filter(SpecDiff::success).toList();
        String changedFrom = null;
        String changedTo = null;
        if (removedSuccess.size() == 1 && addedSuccess.size() == 1) {
            changedFrom = removedSuccess.get(0);
            changedTo = addedSuccess.get(0);
            add(ChangeKind.STATUS_CHANGED, Side.RESPONSE, null, null, op, "responses", changedFrom, changedTo);
        }
        for (String status : removed) {
            if (!status.equals(changedFrom)) {
                add(ChangeKind.STATUS_REMOVED, Side.RESPONSE, null, null, op, "responses", status, null);
            }
        }
        for (String status : added) {
            if (!status.equals(changedTo)) {
                add(ChangeKind.STATUS_ADDED, Side.RESPONSE, null, null, op, "responses", null, status);
            }
        }
        for (Map.Entry<String, ApiResponse> entry : was.entrySet()) {
            String status = entry.getKey().equals(changedFrom) ? changedTo : entry.getKey();
            ApiResponse newResponse = now.get(status);
            if (newResponse != null) {
                compareResponse(op, status, entry.getValue(), newResponse);
            }
        }
    }

    private void compareResponse(String op, String status, ApiResponse was, ApiResponse now) {
        Map<String, FieldShape> oldFields = before.walker().flatten(schema(was.getContent()), true);
        Map<String, FieldShape> newFields = after.walker().flatten(schema(now.getContent()), true);
        String prefix = status + " response";
        Set<String> codePaths = Set.of();
        if (ErrorCodes.isError(status)) {
            Map<String, Set<String>> oldCodes = ErrorCodes.of(oldFields, media(was.getContent()));
            Map<String, Set<String>> newCodes = ErrorCodes.of(newFields, media(now.getContent()));
            codePaths = new HashSet<>(oldCodes.keySet());
            codePaths.addAll(newCodes.keySet());
            compareCodes(op, prefix, oldCodes, newCodes);
        }
        compareFields(op, Side.RESPONSE, prefix, ": ", oldFields, newFields, codePaths);
    }

    private void compareCodes(String op, String prefix, Map<String, Set<String>> was, Map<String, Set<String>> now) {
        for (Map.Entry<String, Set<String>> entry : was.entrySet()) {
            Set<String> newCodes = now.get(entry.getKey());
            if (newCodes == null) {
                continue; // the new spec says nothing about this field's codes: nothing to compare
            }
            String location = prefix + ": " + entry.getKey();
            for (String code : newCodes) {
                if (!entry.getValue().contains(code)) {
                    add(ChangeKind.ERROR_CODE_ADDED, Side.RESPONSE, null, null, op, location, null, code);
                }
            }
            for (String code : entry.getValue()) {
                if (!newCodes.contains(code)) {
                    add(ChangeKind.ERROR_CODE_REMOVED, Side.RESPONSE, null, null, op, location, code, null);
                }
            }
        }
    }

    /**
     * Field by field. A field added or removed stands for its whole subtree; a field whose kind changed between
     * scalar, object and array likewise, and a field either side did not expand (see SchemaWalker). {@code skipEnums}: code fields of error bodies, compared as error codes.
     */
    private void compareFields(String op, Side side, String prefix, String joiner, Map<String, FieldShape> was,
                               Map<String, FieldShape> now, Set<String> skipEnums) {
        Set<String> paths = new LinkedHashSet<>(was.keySet());
        paths.addAll(now.keySet());
        Set<String> covered = new HashSet<>();
        for (String path : paths) {
            if (coveredByAncestor(path, covered)) {
                continue;
            }
            FieldShape b = was.get(path);
            FieldShape a = now.get(path);
            String location = path.isEmpty() ? prefix
                    : prefix + (joiner.equals("") && !path.startsWith("[]") ? "." : joiner) + path;
            if (b == null) {
                add(ChangeKind.FIELD_ADDED, side, null, a, op, location, null, a.typeLabel());
                covered.add(path);
                continue;
            }
            if (a == null) {
                add(ChangeKind.FIELD_REMOVED, side, b, null, op, location, b.typeLabel(), null);
                covered.add(path);
                continue;
            }
            if (b.truncated() || a.truncated()) {
                covered.add(path); // one side did not look below: what is there is unknown, not changed
            }
            if (!b.types().equals(a.types())) {
                add(ChangeKind.FIELD_RETYPED, side, b, a, op, location, b.typeLabel(), a.typeLabel());
                if (!containers(b).equals(containers(a))) {
                    covered.add(path);
                }
            }
            if (b.required() != a.required()) {
                add(ChangeKind.REQUIRED_CHANGED, side, b, a, op, location, b.required() ? "required" : "optional",
                        a.required() ? "required" : "optional");
            }
            if (!skipEnums.contains(path)) {
                compareEnums(op, side, location, b, a);
            }
        }
    }

    private void compareEnums(String op, Side side, String location, FieldShape b, FieldShape a) {
        List<String> was = b.enumValues();
        List<String> now = a.enumValues();
        if (Objects.equals(was, now)) {
            return;
        }
        if (was == null) {
            add(ChangeKind.ENUM_ADDED, side, b, a, op, location, null, String.valueOf(now));
        } else if (now == null) {
            add(ChangeKind.ENUM_REMOVED, side, b, a, op, location, String.valueOf(was), null);
        } else {
            now.stream().filter(v -> !was.contains(v)).forEach(v ->
                    add(ChangeKind.ENUM_VALUE_ADDED, side, b, a, op, location, null, v));
            was.stream().filter(v -> !now.contains(v)).forEach(v ->
                    add(ChangeKind.ENUM_VALUE_REMOVED, side, b, a, op, location, v, null));
        }
    }

    private void add(ChangeKind kind, Side side, FieldShape b, FieldShape a, String op, String location,
                     String oldValue, String newValue) {
        changes.add(new Change(kind, BreakingRules.severity(kind, side, b, a), op, location, oldValue, newValue));
    }

    private static boolean coveredByAncestor(String path, Set<String> covered) {
        if (covered.isEmpty()) {
            return false;
        }
        for (String p = parent(path); p != null; p = parent(p)) {
            if (covered.contains(p)) {
                return true;
            }
        }
        return false;
    }

    /** "data[].email" → "data[]" → "data" → "" → null. */
    private static String parent(String path) {
        if (path.isEmpty()) {
            return null;
        }
        if (path.endsWith("[]")) {
            return path.substring(0, path.length() - 2);
        }
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(0, dot);
    }

    private static Set<String> containers(FieldShape field) {
        Set<String> kinds = new TreeSet<>();
        for (String type : field.types()) {
            String base = FieldShape.base(type);
            kinds.add(base.equals("object") || base.equals("array") ? base : "scalar");
        }
        return kinds;
    }

    private static boolean success(String status) {
        return status.startsWith("2");
    }

    // ---- reading the OpenAPI model

    private static Map<String, Op> operations(OpenAPI api) {
        Map<String, Op> ops = new TreeMap<>();
        if (api.getPaths() == null) {
            return ops;
        }
        String base = basePath(api);
        api.getPaths().forEach((template, item) -> {
            String full = base + template;
            String normalised = full.replaceAll("\\{[^}/]*}", "{}");
            item.readOperationsMap().forEach((method, operation) -> {
                String name = method.name();
                int order = METHOD_ORDER.indexOf(name);
                List<Parameter> shared = item.getParameters() == null ? List.of() : item.getParameters();
                ops.put(normalised + " " + order, new Op(name, full, operation, shared));
            });
        });
        return ops;
    }

    /** The path of the servers' URL when they agree on one ("/v1" of https://api.example.com/v1), else "". */
    private static String basePath(OpenAPI api) {
        Set<String> paths = new HashSet<>();
        for (Server server : api.getServers() == null ? List.<Server>of() : api.getServers()) {
            String url = server.getUrl() == null ? "" : server.getUrl();
            String path = url.replaceFirst("^[A-Za-z][A-Za-z0-9+.-]*://[^/]*", "");
            paths.add(path.endsWith("/") ? path.substring(0, path.length() - 1) : path);
        }
        if (paths.size() != 1) {
            return "";
        }
        String path = paths.iterator().next();
        return path.contains("{") ? "" : path;
    }

    /** Query, header and cookie parameters by "query: name" (path parameters are the template's business). */
    private static Map<String, Parameter> parameters(Op op, Spec spec) {
        Map<String, Parameter> byName = new LinkedHashMap<>();
        List<Parameter> all = new ArrayList<>(op.shared());
        if (op.operation().getParameters() != null) {
            all.addAll(op.operation().getParameters());
        }
        for (Parameter declared : all) {
            Parameter parameter = resolve(declared, spec);
            if (parameter == null || parameter.getIn() == null || parameter.getIn().equals("path")) {
                continue;
            }
            String name = parameter.getIn().equals("header") ? parameter.getName().toLowerCase(Locale.ROOT)
                    : parameter.getName();
            byName.put(parameter.getIn() + ": " + name, parameter);
        }
        return byName;
    }

    private static Map<String, FieldShape> flatten(Spec spec, Parameter parameter) {
        if (parameter == null) {
            return Map.of();
        }
        boolean required = Boolean.TRUE.equals(parameter.getRequired());
        Schema<?> schema = parameter.getSchema() != null ? parameter.getSchema() : schema(parameter.getContent());
        Map<String, FieldShape> fields = spec.walker().flatten(schema, required);
        if (fields.isEmpty()) {
            fields = Map.of("", new FieldShape(Set.of(), required, null, false));
        }
        return fields;
    }

    private static Parameter resolve(Parameter parameter, Spec spec) {
        if (parameter.get$ref() == null) {
            return parameter;
        }
        Map<String, Parameter> all = spec.components().getParameters();
        return all == null ? null : all.get(lastSegment(parameter.get$ref()));
    }

    /** The request body's fields; its root is required when the body is. */
    private static Map<String, FieldShape> requestFields(Operation operation, Spec spec) {
        RequestBody body = operation.getRequestBody();
        if (body != null && body.get$ref() != null) {
            Map<String, RequestBody> all = spec.components().getRequestBodies();
            body = all == null ? null : all.get(lastSegment(body.get$ref()));
        }
        if (body == null) {
            return Map.of();
        }
        return spec.walker().flatten(schema(body.getContent()), Boolean.TRUE.equals(body.getRequired()));
    }

    private static Map<String, ApiResponse> responses(Operation operation, Spec spec) {
        Map<String, ApiResponse> out = new LinkedHashMap<>();
        if (operation.getResponses() == null) {
            return out;
        }
        operation.getResponses().forEach((status, response) -> {
            ApiResponse resolved = response;
            if (response.get$ref() != null) {
                Map<String, ApiResponse> all = spec.components().getResponses();
                resolved = all == null ? null : all.get(lastSegment(response.get$ref()));
            }
            out.put(status, resolved == null ? new ApiResponse() : resolved);
        });
        return out;
    }

    private static String lastSegment(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    private static Schema<?> schema(Content content) {
        MediaType media = media(content);
        return media == null ? null : media.getSchema();
    }

    /** The JSON media type when there is one (application/json, then any +json), else the first. */
    private static MediaType media(Content content) {
        if (content == null || content.isEmpty()) {
            return null;
        }
        MediaType json = content.get("application/json");
        if (json != null) {
            return json;
        }
        for (Map.Entry<String, MediaType> entry : content.entrySet()) {
            if (entry.getKey().contains("json")) {
                return entry.getValue();
            }
        }
        return content.values().iterator().next();
    }
}
