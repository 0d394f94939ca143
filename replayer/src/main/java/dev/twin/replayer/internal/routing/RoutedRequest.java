package dev.twin.replayer.internal.routing;

import dev.twin.replayer.internal.http.TwinRequest;
import dev.twin.replayer.internal.spec.ApiOperation;

import java.util.Map;
import java.util.Objects;

/**
 * A request matched to the operation that serves it.
 *
 * @param pathParams decoded path parameter values by name, e.g. {@code customer -> cus_123}
 */
public record RoutedRequest(TwinRequest request, ApiOperation operation, Map<String, String> pathParams) {
    public RoutedRequest {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(operation, "operation");
        pathParams = Map.copyOf(pathParams);
    }
}
