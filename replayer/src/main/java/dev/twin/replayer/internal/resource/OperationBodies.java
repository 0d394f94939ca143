package dev.twin.replayer.internal.resource;

import dev.twin.replayer.internal.spec.ApiOperation;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;

/** The bodies an operation documents, as resource recognition reads them: its success, its errors, its request. */
final class OperationBodies {
    private OperationBodies() {
    }

    /** The lowest documented 2xx response (a {@code 2XX} range counts), or null. */
    static ApiResponse of(ApiOperation apiOperation) {
        Operation operation = apiOperation.operation();
        if (operation == null || operation.getResponses() == null) {
            return null;
        }
        ApiResponse lowest = null;
        int lowestStatus = Integer.MAX_VALUE;
        for (var entry : operation.getResponses().entrySet()) {
            String code = entry.getKey().toUpperCase(java.util.Locale.ROOT);
            int status = code.equals("2XX") ? 299 : code.matches("2\\d\\d") ? Integer.parseInt(code) : -1;
            if (status > 0 && status < lowestStatus) {
                lowestStatus = status;
                lowest = entry.getValue();
            }
        }
        return lowest;
    }

    /** The schema of the lowest 2xx response's JSON body, or null (none documented, or no body). */
    static Schema<?> schema(ApiOperation operation) {
        ApiResponse response = of(operation);
        return response == null ? null : SchemaLookup.bodySchema(response.getContent());
    }

    /** Whether the lowest documented 2xx has a body at all (a 204 has none). */
    static boolean hasBody(ApiOperation operation) {
        ApiResponse response = of(operation);
        return response != null && response.getContent() != null && !response.getContent().isEmpty();
    }

    /** The response documented for an error status: exactly, else its range ({@code 4XX}), else {@code default}. */
    static ApiResponse forStatus(ApiOperation apiOperation, int status) {
        Operation operation = apiOperation.operation();
        if (operation == null || operation.getResponses() == null) {
            return null;
        }
        var responses = operation.getResponses();
        ApiResponse exact = responses.get(Integer.toString(status));
        if (exact != null) {
            return exact;
        }
        for (var entry : responses.entrySet()) {
            if (entry.getKey().equalsIgnoreCase((status / 100) + "XX")) {
                return entry.getValue();
            }
        }
        return responses.get("default");
    }

    /** The schema of the request body (JSON or form), or null. */
    static Schema<?> requestSchema(ApiOperation apiOperation) {
        Operation operation = apiOperation.operation();
        RequestBody body = operation == null ? null : operation.getRequestBody();
        return body == null ? null : SchemaLookup.bodySchema(body.getContent());
    }
}
