package dev.twin.inference.output;

import dev.twin.inference.InferredTwin;
import dev.twin.inference.operation.OperationStats;
import dev.twin.inference.operation.ResponseStats;
import dev.twin.inference.path.ParamNames;
import dev.twin.inference.resource.Resource;
import dev.twin.inference.schema.SchemaEmitter;
import dev.twin.inference.schema.ShapeAggregate;
import dev.twin.inference.seed.Scrubber;
import dev.twin.replayer.config.Binding.Action;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** The inferred operations as an OpenAPI 3.0.3 document (operations the official spec covers are left out). */
public final class OpenApiWriter {
    private static final SchemaEmitter REQUEST = new SchemaEmitter(true, null);
    private static final Pattern TYPE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.]*");

    /** Nested objects carrying an `object`/`type` discriminator become named components (first shape wins). */
    private final SchemaEmitter RESPONSE = new SchemaEmitter(false, this::nestedComponent);
    private final Map<String, Object> components = new TreeMap<>();
    private final Map<String, String> resourceComponents = new TreeMap<>();

    private final InferredTwin twin;
    private final Map<OperationStats, Resource> owners = new HashMap<>();
    private final Map<OperationStats, Action> actions = new HashMap<>();
    private final Map<String, String> operationIds = new TreeMap<>();

    public OpenApiWriter(InferredTwin twin) {
        this.twin = twin;
        for (Resource resource : twin.resources()) {
            if (discriminator(resource.itemShape()) != null) {
                resourceComponents.put(discriminator(resource.itemShape()), resource.componentName());
            }
            resource.bindings().stream().filter(binding -> binding.view() == null).forEach(binding -> {
                owners.put(binding.op(), resource);
                actions.put(binding.op(), binding.action());
            });
        }
        Set<String> used = new TreeSet<>();
        twin.operations().forEach((template, byMethod) -> byMethod.forEach((method, op) -> {
            String key = method + " " + template;
            String official = twin.specOperationIds().get(key);
            if (official != null) {
                operationIds.put(key, official);
                return;
            }
            String base = operationId(method, template);
            String id = base;
            for (int n = 2; used.contains(id); n++) {
                id = base + n;
            }
            used.add(id);
            operationIds.put(key, id);
        }));
    }

    /** "GET /v1/customers/{customer}" → "GetV1CustomersCustomer" (Stripe's own style), or the official id. */
    public String operationIdOf(OperationStats op) {
        return operationIds.get(op.key());
    }

    public boolean isOfficial(OperationStats op) {
        return twin.specOperationIds().containsKey(op.key());
    }

    public String write() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.0.3");
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("title", "Inferred by twin from " + twin.source());
        info.put("version", "inferred");
        doc.put("info", info);
        List<Resource> described = twin.resources().stream()
                .filter(resource -> resource.actions().values().stream().anyMatch(op -> !isOfficial(op))).toList();
        described.forEach(resource -> components.put(resource.componentName(), Map.of()));
        described.forEach(resource -> components.put(resource.componentName(), RESPONSE.emit(resource.itemShape())));
        Map<String, Object> paths = new LinkedHashMap<>();
        twin.operations().forEach((template, byMethod) -> {
            Map<String, Object> item = new LinkedHashMap<>();
            byMethod.forEach((method, op) -> {
                if (!isOfficial(op)) {
                    item.put(method.toLowerCase(Locale.ROOT), operation(op));
                }
            });
            if (!item.isEmpty()) {
                paths.put(template, item);
            }
        });
        doc.put("paths", paths);
        if (!components.isEmpty()) {
            doc.put("components", Map.of("schemas", new LinkedHashMap<>(components)));
        }
        return Yaml.write(doc);
    }

    /**
     * The fields the server was seen to require (a 4xx named each one a request lacked), and the arrays and texts it
     * refused empty ({@code minItems: 1}, {@code minLength: 1}).
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> withRequired(Map<String, Object> schema, OperationStats op) {
        if (schema.get("properties") instanceof Map<?, ?> properties) {
            op.nonEmptyRequestFields().keySet().forEach(field -> {
                if (properties.get(field) instanceof Map<?, ?> property && "array".equals(property.get("type"))) {
                    ((Map<String, Object>) property).put("minItems", 1);
                } else if (properties.get(field) instanceof Map<?, ?> property
                        && "string".equals(property.get("type"))) {
                    ((Map<String, Object>) property).put("minLength", 1);
                }
            });
        }
        TreeSet<String> required = op.requiredRequestFields();
        if (!required.isEmpty() && schema.get("properties") instanceof Map<?, ?>) {
            Map<String, Object> out = new LinkedHashMap<>();
            schema.forEach((key, value) -> {
                if (key.equals("properties")) {
                    out.put("required", new ArrayList<>(required));
                }
                out.put(key, value);
            });
            return out;
        }
        return schema;
    }

    /**
     * Form values are text: {@code metadata[order]=42} reads as a number, but when the server answered that field
     * as a string, the twin must keep it a string, so the request schema says string there.
     */
    @SuppressWarnings("unchecked")
    private static void keepStringsTheServerKept(Map<String, Object> schema, ShapeAggregate answered) {
        if (answered == null || !(schema.get("properties") instanceof Map<?, ?> properties)) {
            return;
        }
        ((Map<String, Object>) properties).forEach((name, sub) -> {
            ShapeAggregate counterpart = answered.properties().get(name);
            if (!(sub instanceof Map<?, ?> subSchema) || counterpart == null) {
                return;
            }
            Map<String, Object> property = (Map<String, Object>) subSchema;
            Object type = property.get("type");
            if (("integer".equals(type) || "number".equals(type) || "boolean".equals(type))
                    && counterpart.onlyStrings()) {
                property.put("type", "string");
                property.remove("format");
            } else if ("object".equals(type)) {
                keepStringsTheServerKept(property, counterpart);
            }
        });
    }

    private Map<String, Object> operation(OperationStats op) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("operationId", operationIdOf(op));
        Resource owner = owners.get(op);
        if (owner != null) {
            out.put("tags", List.of(owner.table()));
        }
        List<Object> parameters = new ArrayList<>();
        for (String param : op.path().params()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("name", param);
            p.put("in", "path");
            p.put("required", true);
            Map<String, Object> schema = new LinkedHashMap<>(RESPONSE.emit(op.pathParams().get(param)));
            schema.remove("format");
            schema.remove("enum");
            schema.remove("nullable");
            p.put("schema", schema.isEmpty() ? Map.of("type", "string") : schema);
            parameters.add(p);
        }
        ShapeAggregate query = op.query();
        query.properties().forEach((name, shape) -> {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("name", name);
            p.put("in", "query");
            // always sent is not the same as required: the twin should accept what the real API accepts
            p.put("required", false);
            if (query.alwaysPresent(name) && op.count() >= 2) {
                p.put("description", "Sent in all " + op.count() + " recorded requests");
            }
            Map<String, Object> schema = REQUEST.emit(name, shape, 1);
            if ("object".equals(schema.get("type"))) {
                p.put("style", "deepObject");
                p.put("explode", true);
            }
            p.put("schema", schema);
            parameters.add(p);
        });
        if (!parameters.isEmpty()) {
            out.put("parameters", parameters);
        }
        Map<String, Object> content = new LinkedHashMap<>();
        if (op.jsonBody().samples() > 0) {
            Map<String, Object> row = withRequired(REQUEST.emit(op.jsonBody()), op);
            // the stats hold the row as stored; the client sends it wrapped ({"user": {...}})
            Map<String, Object> schema = row;
            if (op.requestEnvelope() != null) {
                schema = new LinkedHashMap<>();
                schema.put("type", "object");
                schema.put("properties", Map.of(op.requestEnvelope(), row));
            }
            Map<String, Object> sent = schema;
            // a vendor JSON type (application/vnd.docker.distribution.manifest.v2+json) is declared as sent
            Set<String> types = op.jsonRequestTypes().isEmpty() ? Set.of("application/json")
                    : op.jsonRequestTypes();
            types.forEach(type -> content.put(type, Map.of("schema", sent)));
        }
        if (op.formBody().samples() > 0) {
            Map<String, Object> form = REQUEST.emit(op.formBody());
            if (owners.get(op) != null) {
                keepStringsTheServerKept(form, owners.get(op).itemShape());
            }
            content.put("application/x-www-form-urlencoded", Map.of("schema", withRequired(form, op)));
        }
        if (!content.isEmpty()) {
            out.put("requestBody", Map.of("content", content));
        }
        Map<String, Object> responses = new LinkedHashMap<>();
        op.responses().forEach((status, stats) -> responses.put(String.valueOf(status), response(op, status, stats)));
        out.put("responses", responses);
        return out;
    }

    private Map<String, Object> response(OperationStats op, int status, ResponseStats stats) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("description", "Seen " + stats.count() + " time" + (stats.count() == 1 ? "" : "s"));
        Resource owner = owners.get(op);
        Action action = actions.get(op);
        boolean success = status >= 200 && status < 300;
        if (stats.hasJson()) {
            Map<String, Object> schema;
            if (success && owner != null && owner.isItemAction(action) && stats.body().isObject()) {
                schema = Map.of("$ref", ref(owner));
            } else if (success && owner != null && action == Action.LIST && owner.dataField() != null) {
                String dataField = owner.dataField();
                schema = new SchemaEmitter(false, (name, shape) -> name.equals(dataField) ? ref(owner) : null)
                        .emit(stats.body());
            } else {
                schema = RESPONSE.emit(stats.body());
            }
            Map<String, Object> media = new LinkedHashMap<>();
            media.put("schema", schema);
            // the server answers an example first: unbound operations then answer like the recording did
            media.put("example", Scrubber.scrub(stats.firstJson()));
            out.put("content", Map.of(stats.jsonMediaType(), media));
        } else if (stats.otherContentType() != null) {
            out.put("content", Map.of(stats.otherContentType(), Map.of("schema", Map.of("type", "string"))));
        }
        return out;
    }

    private String nestedComponent(String name, ShapeAggregate shape) {
        String type = discriminator(shape);
        if (type == null) {
            return null;
        }
        String component = resourceComponents.get(type);
        if (component == null) {
            component = ParamNames.pascal(type);
            if (!components.containsKey(component)) {
                components.put(component, Map.of());
                components.put(component, RESPONSE.emit(shape));
            }
        } else if (!components.containsKey(component)) {
            return null;
        }
        return "#/components/schemas/" + component;
    }

    private static String discriminator(ShapeAggregate shape) {
        for (String field : List.of("object", "type")) {
            ShapeAggregate sub = shape.properties().get(field);
            if (sub != null && shape.alwaysPresent(field)) {
                var constant = sub.constant();
                if (constant != null && constant.isTextual() && TYPE_NAME.matcher(constant.asText()).matches()
                        && !constant.asText().equals("list")) {
                    return constant.asText();
                }
            }
        }
        return null;
    }

    private static String ref(Resource owner) {
        return "#/components/schemas/" + owner.componentName();
    }

    static String operationId(String method, String template) {
        StringBuilder id = new StringBuilder(method.charAt(0) + method.substring(1).toLowerCase(Locale.ROOT));
        for (String word : template.split("[^A-Za-z0-9]+")) {
            if (!word.isEmpty()) {
                id.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        return id.toString();
    }
}
