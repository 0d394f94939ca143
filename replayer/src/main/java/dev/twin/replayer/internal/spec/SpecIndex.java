package dev.twin.replayer.internal.spec;

import java.util.List;
import java.util.Map;

/**
 * Where everything in one JSON spec document lies, found without building a tree: enough to route every operation
 * and to deserialise any single operation or component on demand.
 *
 * @param version     the {@code openapi} (or {@code swagger}) version string
 * @param serverUrl   {@code servers[0].url}, or null
 * @param paths       every path item in document order
 * @param components  section ({@code schemas}, {@code parameters}, ...) to component name to its bytes
 * @param security    the top-level {@code security} array, or null
 */
public record SpecIndex(String version, String serverUrl, List<PathEntry> paths,
                        Map<String, Map<String, ByteRange>> components, ByteRange security) {

    /** One path item: its operations and, when present, the path-level {@code parameters} array. */
    public record PathEntry(String path, List<OperationEntry> operations, ByteRange parameters) {
    }

    /** One operation; operationId is null when the spec gives none. */
    public record OperationEntry(String method, String operationId, ByteRange range) {
    }
}
