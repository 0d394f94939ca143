package dev.twin.replayer.internal.routing;

import dev.twin.replayer.internal.spec.ApiOperation;

import java.util.Map;
import java.util.Set;

/** What the router found for a method and path. */
public sealed interface RouteMatch {

    record Found(ApiOperation operation, Map<String, String> pathParams) implements RouteMatch {
    }

    record NoSuchPath() implements RouteMatch {
    }

    /** The path exists but not with this method; {@code allowed} is sorted for the {@code Allow} header. */
    record MethodNotAllowed(Set<String> allowed) implements RouteMatch {
    }
}
