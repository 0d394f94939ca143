package dev.twin.replayer.internal.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.replayer.config.Binding;
import dev.twin.replayer.config.Conventions;
import dev.twin.replayer.config.DeleteRule;
import dev.twin.replayer.config.ErrorRules;
import dev.twin.replayer.config.FieldRules;
import dev.twin.replayer.config.ListStyle;
import dev.twin.replayer.config.Timestamps;
import dev.twin.replayer.config.UpdateRule;
import dev.twin.replayer.internal.http.ErrorKind;
import dev.twin.replayer.internal.spec.ApiOperation;
import io.swagger.v3.oas.models.media.Schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The conventions of a resource's table, as the spec shows them: rows start from the {@link DefaultRow}, request
 * fields the item lacks are hidden or shown under the item's name, the times go where the item has them, lists
 * look as {@link ListShape} read them, a delete answers what the spec documents (the row itself, a body such as
 * Stripe's {@code {id, object, deleted: true}}, or nothing), a PUT that creates is an upsert, and a missing row
 * answers the documented 404 (or {@code 4XX}, or {@code default}; likewise every other refusal of the table) unless
 * twin.yaml writes {@code conventions.errors}.
 * The result is what the table's {@code response:} would say; the conventions twin.yaml writes go on top.
 */
final class ResourceConventions {
    private static final List<String> MESSAGE_FIELDS = List.of("message", "detail", "error_description");

    private ResourceConventions() {
    }

    static Conventions of(SpecResource resource, ItemShape item, DefaultRow defaults, Optional<ListStyle> list,
                          SchemaLookup schemas, SpecAnswers answers) {
        Map<String, String> times = new LinkedHashMap<>();
        if (item.createdField() != null) {
            times.put("createdAt", item.createdField());
        }
        if (item.updatedField() != null) {
            times.put("updatedAt", item.updatedField());
        }
        Timestamps timestamps = new Timestamps(item.timeFormat(), times);
        FieldRules fields = new FieldRules(defaults.fields(), List.copyOf(item.hidden()), item.renamed(),
                item.ignored().isEmpty() ? null : List.copyOf(item.ignored()), null);
        DeleteRule delete = resource.operation(Binding.Action.DELETE)
                .map(operation -> delete(resource, operation, item, schemas, answers)).orElse(null);
        ErrorRules errors = resource.operation(Binding.Action.GET)
                .or(() -> resource.operation(Binding.Action.PATCH))
                .or(() -> resource.operation(Binding.Action.DELETE))
                .flatMap(operation -> errors(operation, schemas, answers)).orElse(null);
        UpdateRule update = resource.createsByPut() ? new UpdateRule(true, null, null, null, null, null) : null;
        return new Conventions(timestamps, fields, list.orElse(null), null, delete, errors, update, null);
    }

    /** The row as it was when the spec answers with the item's own schema; else the documented body; else none. */
    private static DeleteRule delete(SpecResource resource, ApiOperation operation, ItemShape item,
                                     SchemaLookup schemas, SpecAnswers answers) {
        if (!OperationBodies.hasBody(operation)) {
            return null;
        }
        String answered = SchemaLookup.refName(OperationBodies.schema(operation));
        if (answered != null && answered.equals(item.schemaName())) {
            return new DeleteRule(null, null, null, true);
        }
        String deleted = "deleted_" + ItemShape.singular(TableNames.words(resource));
        Schema<?> branch = schemas.objectBranch(OperationBodies.schema(operation), deleted);
        if (branch == null || !deleted.equals(SchemaLookup.refName(branch))) {
            branch = schemas.objectBranch(OperationBodies.schema(operation), name -> name.startsWith("deleted_"));
        }
        Optional<SpecAnswers.Body> body = answers.usual(operation, branch).filter(b -> b.json().isObject());
        if (body.isEmpty()) {
            return null;
        }
        ObjectNode json = (ObjectNode) body.get().json();
        Placeholders placeholders = new Placeholders();
        JsonNode id = json.get(item.idField());
        if (id != null && id.isValueNode()) {
            placeholders.replace(id.asText(), item.idField());
        }
        item.parentFields().values().forEach(field -> {
            JsonNode value = json.get(field);
            if (value != null && value.isTextual()) {
                placeholders.replace(value.textValue(), field);
            }
        });
        return new DeleteRule(null, null, placeholders.apply(json), null);
    }

    /**
     * The documented error bodies for what a table refuses (a missing row, a taken id, a missing field …), each
     * kind's from the response documented for its status (exact, its range, else {@code default}), the message
     * fields saying what went wrong. A generated body keeps only the fields its schema requires and the message,
     * not invented ids and codes.
     */
    private static Optional<ErrorRules> errors(ApiOperation operation, SchemaLookup schemas, SpecAnswers answers) {
        Map<ErrorKind, JsonNode> bodies = new java.util.EnumMap<>(ErrorKind.class);
        for (ErrorKind kind : ErrorKind.values()) {
            int status = kind.defaultStatus();
            answers.forStatus(operation, status).filter(body -> body.json().isObject()).ifPresent(body -> {
                JsonNode json = body.json();
                if (body.generated()) {
                    var response = OperationBodies.forStatus(operation, status);
                    json = essential(json, SchemaLookup.bodySchema(response.getContent()), schemas, 0);
                }
                JsonNode template = new Placeholders().apply(json);
                withMessage(template);
                bodies.put(kind, template);
            });
        }
        for (ErrorKind kind : ErrorKind.values()) {
            bodies.computeIfAbsent(kind, ResourceConventions::problem);
        }
        return Optional.of(new ErrorRules(null, null, null, null, null, null, null, null, bodies));
    }

    /**
     * A refusal the spec documents no body for: an RFC 9457 problem, as the twin answers an undocumented validation
     * failure, whose {@code status} SDKs that read the status from the body (Twilio's) find too.
     */
    private static JsonNode problem(ErrorKind kind) {
        ObjectNode body = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        body.put("type", "about:blank");
        body.put("title", switch (kind) {
            case NOT_FOUND -> "Not Found";
            case CONFLICT -> "Conflict";
            case UNAUTHORIZED -> "Unauthorized";
            case RATE_LIMITED -> "Too Many Requests";
            case UNAVAILABLE -> "Service Unavailable";
            default -> "Bad Request";
        });
        body.put("status", kind.defaultStatus());
        body.put("detail", "{{error.message}}");
        return body;
    }

    /** The required fields and the message of a generated error body, at every level. */
    private static JsonNode essential(JsonNode body, Schema<?> schema, SchemaLookup schemas, int depth) {
        Schema<?> object = schemas.objectSchema(schema, null);
        if (!(body instanceof ObjectNode fields) || object == null || depth > 4) {
            return body;
        }
        Map<String, Schema<?>> properties = schemas.properties(object);
        List<String> required = object.getRequired() == null ? List.of() : object.getRequired();
        ObjectNode kept = fields.objectNode();
        fields.fields().forEachRemaining(field -> {
            if (required.contains(field.getKey()) || MESSAGE_FIELDS.contains(field.getKey())) {
                kept.set(field.getKey(), essential(field.getValue(), properties.get(field.getKey()), schemas,
                        depth + 1));
            }
        });
        return kept;
    }

    /** Message fields, at the top or one level down ({@code {error: {message}}}), read the twin's message. */
    private static void withMessage(JsonNode body) {
        if (!(body instanceof ObjectNode object)) {
            return;
        }
        for (String field : MESSAGE_FIELDS) {
            if (object.has(field) && object.get(field).isTextual()) {
                object.put(field, "{{error.message}}");
                return;
            }
        }
        object.fields().forEachRemaining(field -> {
            if (field.getValue() instanceof ObjectNode nested) {
                for (String name : MESSAGE_FIELDS) {
                    if (nested.has(name) && nested.get(name).isTextual()) {
                        nested.put(name, "{{error.message}}");
                        return;
                    }
                }
            }
        });
    }

    /** The table's conventions: the defaults, then what the spec shows, then what twin.yaml writes globally. */
    static Conventions merged(Conventions derived, Conventions written) {
        Conventions merged = Conventions.DEFAULTS.merge(derived).merge(written);
        ListStyle list = merged.list();
        boolean unlimitedAllowed = list.style() == ListStyle.Style.OFFSET || list.style() == ListStyle.Style.NONE;
        if (!unlimitedAllowed && (list.defaultLimit() == 0 || Boolean.TRUE.equals(list.bareArray()))) {
            // twin.yaml's style wins over the spec's bare, unpaged list: page it with that style's defaults
            merged = merged.merge(new Conventions(null, null, new ListStyle(null, null, null, null, null,
                    Math.max(1, Math.min(10, list.maxLimit())), null, null, null, null, null, null, null, null,
                    false, null, null, null, null, null, null, null, null), null, null, null));
        }
        return merged;
    }
}
