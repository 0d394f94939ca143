package dev.twin.replayer.internal.response;

import com.fasterxml.jackson.databind.JsonNode;
import dev.twin.replayer.internal.spec.ApiOperation;
import io.swagger.v3.oas.models.media.Schema;

import java.util.Map;

/**
 * What the spec says about one media type of one response: the example to prefer, the named examples and the
 * schema to generate from when there is no example. The rendered default body is cached here.
 *
 * @param example       the media-type example, else the first named example, else the schema-level example,
 *                      else null (then the body is generated)
 * @param namedExamples every named example, for {@code Prefer: example=NAME}
 */
record MediaBody(String mediaType, JsonNode example, Map<String, JsonNode> namedExamples, Schema<?> schema,
                 RenderedCache cache) {

    /** The schema of a top-level property of the body (following one $ref), or null when there is none. */
    Schema<?> propertySchema(String name, ApiOperation operation) {
        Schema<?> target = resolve(schema, operation);
        if (target == null || target.getProperties() == null) {
            return null;
        }
        return resolve(target.getProperties().get(name), operation);
    }

    private static Schema<?> resolve(Schema<?> schema, ApiOperation operation) {
        if (schema == null || schema.get$ref() == null) {
            return schema;
        }
        var schemas = operation.components().getSchemas();
        return schemas == null ? null : schemas.get(OperationResponses.refName(schema.get$ref()));
    }

    /** The rendered default body, computed once on first use. */
    static final class RenderedCache {
        volatile Rendered value;
    }

    /** A body as a tree (for overlaying path parameters) and as bytes (sent as-is when nothing is overlaid). */
    record Rendered(JsonNode node, byte[] bytes, AnswerSource source) {
    }
}
