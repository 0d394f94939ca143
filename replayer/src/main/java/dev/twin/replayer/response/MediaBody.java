package dev.twin.replayer.response;

import com.fasterxml.jackson.databind.JsonNode;
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

    /** The rendered default body, computed once on first use. */
    static final class RenderedCache {
        volatile Rendered value;
    }

    /** A body as a tree (for overlaying path parameters) and as bytes (sent as-is when nothing is overlaid). */
    record Rendered(JsonNode node, byte[] bytes, AnswerSource source) {
    }
}
