package dev.twin.replayer.internal.spec;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.responses.ApiResponse;

import java.util.Iterator;
import java.util.Map;

/**
 * What swagger-parser's 2.0 converter leaves out of response headers and a spec mock answers with: a header's
 * {@code default} (kept only for some types) and its {@code x-example}, put back from the 2.0 document onto the
 * converted header (its schema's {@code default}, its {@code example}). Runs once per conversion.
 */
final class Swagger2Headers {
    private Swagger2Headers() {
    }

    static void restore(OpenAPI converted, JsonNode swagger2) {
        JsonNode paths = swagger2.path("paths");
        if (converted.getPaths() != null) {
            converted.getPaths().forEach((path, item) -> {
                for (Map.Entry<PathItem.HttpMethod, io.swagger.v3.oas.models.Operation> operation
                        : item.readOperationsMap().entrySet()) {
                    JsonNode responses = paths.path(path).path(operation.getKey().name().toLowerCase(
                            java.util.Locale.ROOT)).path("responses");
                    if (operation.getValue().getResponses() != null) {
                        operation.getValue().getResponses().forEach((code, response) ->
                                restore(response, responses.path(code).path("headers")));
                    }
                }
            });
        }
        if (converted.getComponents() != null && converted.getComponents().getResponses() != null) {
            converted.getComponents().getResponses().forEach((name, response) ->
                    restore(response, swagger2.path("responses").path(name).path("headers")));
        }
    }

    private static void restore(ApiResponse response, JsonNode written) {
        if (response.getHeaders() == null || !written.isObject()) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = written.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> header = it.next();
            Header converted = response.getHeaders().get(header.getKey());
            if (converted == null) {
                continue;
            }
            JsonNode example = header.getValue().get("x-example");
            if (example != null && converted.getExample() == null) {
                converted.setExample(Json.mapper().convertValue(example, Object.class));
            }
            JsonNode value = header.getValue().get("default");
            if (value != null && converted.getSchema() != null && converted.getSchema().getDefault() == null) {
                converted.getSchema().setDefault(Json.mapper().convertValue(value, Object.class));
            }
        }
    }
}
