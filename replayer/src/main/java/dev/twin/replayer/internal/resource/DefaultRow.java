package dev.twin.replayer.internal.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.replayer.config.Binding;
import dev.twin.replayer.internal.spec.ApiOperation;
import io.swagger.v3.oas.models.media.Schema;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a new row of a resource holds besides what the client sent: the spec's own answer to a create (its example,
 * else a body generated from the item schema), as the fields every answer about a row starts from. The id, the
 * timestamps and the parent fields are the row's own; where the example's id or parent id appears inside other
 * values, the row's takes its place. A generated body is made to look new: a property that may be null is null and
 * a list is empty, unless the spec gives the property an example; an example of the whole body is kept as written.
 *
 * @param fields    the default fields, strings being templates over {@code item} (the row)
 * @param exampleId the id the example (or generated body) had, which says how ids look; null when it had none
 */
record DefaultRow(ObjectNode fields, String exampleId) {
    private static final int MAX_DEPTH = 6;

    static DefaultRow of(SpecResource resource, ItemShape item, SchemaLookup schemas, SpecAnswers answers) {
        Optional<SpecAnswers.Body> body = Optional.empty();
        for (Binding.Action action : List.of(Binding.Action.CREATE, Binding.Action.GET, Binding.Action.PATCH,
                Binding.Action.UPDATE)) {
            Optional<ApiOperation> operation = resource.operation(action);
            if (operation.isPresent()) {
                body = answers.usual(operation.get(), item.schema()).filter(b -> b.json().isObject());
                if (body.isPresent()) {
                    break;
                }
            }
        }
        if (body.isEmpty()) {
            return new DefaultRow(JsonNodeFactory.instance.objectNode(), null);
        }
        ObjectNode example = (ObjectNode) body.get().json().deepCopy();
        JsonNode id = example.get(item.idField());
        String exampleId = id != null && (id.isTextual() || id.isIntegralNumber()) ? id.asText() : null;
        if (body.get().generated()) {
            looksNew(example, item.properties(), schemas, 0);
        }
        Placeholders placeholders = new Placeholders().replace(exampleId, item.idField());
        item.parentFields().values().forEach(field -> {
            JsonNode value = example.get(field);
            if (value != null && value.isTextual()) {
                placeholders.replace(value.textValue(), field);
            }
        });
        example.remove(item.idField());
        example.remove(item.parentFields().values());
        example.remove(item.hidden());
        if (item.createdField() != null) {
            example.remove(item.createdField());
        }
        if (item.updatedField() != null) {
            example.remove(item.updatedField());
        }
        return new DefaultRow((ObjectNode) placeholders.apply(example), exampleId);
    }

    private static boolean hasExample(Schema<?> property, SchemaLookup schemas) {
        Schema<?> resolved = schemas.resolve(property);
        return property.getExample() != null || property.getExamples() != null
                || resolved != null && (resolved.getExample() != null || resolved.getExamples() != null);
    }

    /**
     * Nullable properties null, lists and maps empty, at every level of nesting, as a row nobody has changed yet
     * has them (Stripe's new customer: {@code invoice_settings: {custom_fields: null, footer: null …}}).
     */
    private static void looksNew(ObjectNode body, Map<String, Schema<?>> properties, SchemaLookup schemas,
                                 int depth) {
        for (Map.Entry<String, Schema<?>> property : properties.entrySet()) {
            String name = property.getKey();
            JsonNode value = body.get(name);
            if (value == null || hasExample(property.getValue(), schemas)) {
                continue; // an example the spec gives a property is what a new row holds
            }
            if (schemas.allowsNull(property.getValue())) {
                body.putNull(name);
            } else if (value.isArray()) {
                body.putArray(name);
            } else if (value instanceof ObjectNode nested) {
                Schema<?> object = schemas.objectSchema(property.getValue(), null);
                Map<String, Schema<?>> nestedProperties = object == null ? Map.of() : schemas.properties(object);
                if (nestedProperties.isEmpty()) {
                    body.putObject(name); // a map (metadata): nothing in it yet
                } else if (depth < MAX_DEPTH) {
                    looksNew(nested, nestedProperties, schemas, depth + 1);
                }
            }
        }
    }
}
