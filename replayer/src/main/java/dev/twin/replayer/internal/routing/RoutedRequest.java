package dev.twin.replayer.internal.routing;

import dev.twin.replayer.internal.http.TwinRequest;
import dev.twin.replayer.internal.spec.ApiOperation;

import java.util.Map;
import java.util.Objects;

/**
 * A request matched to the operation that serves it.
 *
 * @param pathParams decoded path parameter values by name, e.g. {@code customer -> cus_123}
 * @param writeIndex the write counter's value should this request be an accepted write (its tenant's writes so
 *                   far plus one, from {@code server.writeCounter.start}): what {@code writeIndex} fields hold
 */
public record RoutedRequest(TwinRequest request, ApiOperation operation, Map<String, String> pathParams,
                            long writeIndex) {
    public RoutedRequest {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(operation, "operation");
        pathParams = Map.copyOf(pathParams);
    }

    /** A request counted as the first write. */
    public RoutedRequest(TwinRequest request, ApiOperation operation, Map<String, String> pathParams) {
        this(request, operation, pathParams, 1);
    }
}
