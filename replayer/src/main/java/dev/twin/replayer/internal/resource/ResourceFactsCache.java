package dev.twin.replayer.internal.resource;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.twin.replayer.config.Binding;
import dev.twin.replayer.config.Conventions;
import dev.twin.replayer.config.ListStyle;
import dev.twin.replayer.internal.spec.ApiOperation;
import dev.twin.replayer.internal.spec.SpecDocument;
import dev.twin.replayer.internal.startup.CacheEncoding;
import dev.twin.replayer.internal.startup.StartupCache;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The {@link ResourceFacts} of a spec in the start-up cache, beside its index and under the same key (its content
 * checksum; large JSON specs, as the index), so that a later launch of an unchanged spec derives its tables without
 * reading the spec's models again. Jackson writes the entry ({@link StoredFacts} reads it); it names the operations
 * by id, and one the spec no longer has, or anything unreadable, is a miss.
 */
final class ResourceFactsCache {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .serializationInclusion(JsonInclude.Include.NON_NULL).build();
    private static final int MAX_BYTES = 64 * 1024 * 1024;

    private ResourceFactsCache() {
    }

    /** One resource's facts as stored: its operations by id. */
    record Stored(String collectionPath, String itemPath, String idParam, List<String> parentParams,
                  List<Operation> operations, boolean createsByPut, String schemaName, String idField,
                  Map<String, String> parentFields, ListStyle list, IdShape id, Conventions conventions,
                  Map<String, String> uploadFields, Map<String, List<String>> referenceBranches,
                  boolean createAnswersArray) {
    }

    record Operation(String id, Binding.Action action) {
    }

    /** The spec's facts: kept from an earlier launch, else read now and kept (in the background) for the next. */
    static Function<SpecDocument, List<ResourceFacts>> reading(StartupCache cache) {
        return spec -> find(cache, spec).orElseGet(() -> {
            List<ResourceFacts> facts = ResourceReader.read(spec);
            keep(cache, spec, facts);
            return facts;
        });
    }

    static Optional<List<ResourceFacts>> find(StartupCache cache, SpecDocument spec) {
        if (spec.cacheKey() == null) {
            return Optional.empty();
        }
        return cache.read(spec.cacheKey(), kind(spec)).flatMap(in -> {
            try {
                long checksum = in.readLong();
                byte[] json = CacheEncoding.readBytes(in, MAX_BYTES);
                if (json == null || checksum(json) != checksum) {
                    return Optional.empty();
                }
                Map<String, ApiOperation> operations = spec.operations().stream()
                        .collect(Collectors.toMap(ApiOperation::id, operation -> operation, (a, b) -> a));
                List<ResourceFacts> facts = new ArrayList<>();
                for (com.fasterxml.jackson.databind.JsonNode resource : JSON.readTree(json)) {
                    facts.add(facts(spec.namespace(), StoredFacts.stored(resource), operations));
                }
                return Optional.of(facts);
            } catch (IOException | RuntimeException e) {
                return Optional.empty(); // stale or corrupt: read the spec again
            }
        });
    }

    static void keep(StartupCache cache, SpecDocument spec, List<ResourceFacts> facts) {
        if (spec.cacheKey() == null || !cache.enabled()) {
            return;
        }
        cache.write(spec.cacheKey(), kind(spec), out -> {
            byte[] json = JSON.writeValueAsBytes(facts.stream().map(ResourceFactsCache::stored).toList());
            out.writeLong(checksum(json)); // a flipped byte in a value would still read as JSON
            CacheEncoding.writeBytes(out, json);
        });
    }

    private static long checksum(byte[] bytes) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(bytes);
        return crc.getValue();
    }

    private static String kind(SpecDocument spec) {
        return "resources-" + spec.namespace().replaceAll("[^A-Za-z0-9_-]", "_");
    }

    private static Stored stored(ResourceFacts facts) {
        SpecResource resource = facts.resource();
        return new Stored(resource.collectionPath(), resource.itemPath(), resource.idParam(), resource.parentParams(),
                resource.operations().stream().map(o -> new Operation(o.operation().id(), o.action())).toList(),
                resource.createsByPut(), facts.schemaName(), facts.idField(), facts.parentFields(), facts.list(),
                facts.id(), facts.conventions(), facts.uploadFields(), facts.referenceBranches(),
                facts.createAnswersArray());
    }

    private static ResourceFacts facts(String namespace, Stored stored, Map<String, ApiOperation> operations)
            throws IOException {
        List<SpecResource.Operation> resolved = new ArrayList<>();
        for (Operation operation : stored.operations()) {
            ApiOperation api = operations.get(operation.id());
            if (api == null) {
                throw new IOException("no operation " + operation.id());
            }
            resolved.add(new SpecResource.Operation(api, operation.action()));
        }
        return new ResourceFacts(new SpecResource(namespace, stored.collectionPath(), stored.itemPath(),
                stored.idParam(), stored.parentParams(), resolved, stored.createsByPut()), stored.schemaName(),
                stored.idField(), stored.parentFields(), stored.list(), stored.id(), stored.conventions(),
                stored.uploadFields(), stored.referenceBranches(), stored.createAnswersArray());
    }
}
