package dev.twin.replayer.spec;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectReader;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One imported spec: its JSON bytes, their index, and the operations it defines. Swagger models for an operation
 * or a component are deserialised from their byte range the first time someone asks for them.
 */
public final class SpecDocument {
    private final Path file;
    private final String namespace;
    private final byte[] json;
    private final SpecIndex index;
    private final String cacheKey;
    private final Lazy<ObjectMapper> mapper;
    private final String basePath;
    private final Lazy<Components> components;
    private final Lazy<List<SecurityRequirement>> globalSecurity;
    private final List<ApiOperation> operations;

    SpecDocument(Path file, String namespace, byte[] json, SpecIndex index, String cacheKey) {
        this.file = file;
        this.namespace = namespace;
        this.json = json;
        this.index = index;
        this.cacheKey = cacheKey;
        // swagger's mappers take a while to build: only when a model is first needed
        this.mapper = new Lazy<>(() -> index.version().startsWith("3.1") ? Json31.mapper() : Json.mapper());
        this.basePath = basePath(index.serverUrl());
        this.components = new Lazy<>(this::buildComponents);
        this.globalSecurity = new Lazy<>(() -> index.security() == null ? List.of()
                : read(index.security(), new TypeReference<List<SecurityRequirement>>() { }));
        this.operations = List.copyOf(indexOperations());
    }

    public Path file() {
        return file;
    }

    public String namespace() {
        return namespace;
    }

    /** The OpenAPI (or, for converted Swagger 2.0 documents, the converted) version. */
    public String version() {
        return index.version();
    }

    /** {@code servers[0].url} as written (for Swagger 2.0, built from host and basePath), or null. */
    public String serverUrl() {
        return index.serverUrl();
    }

    /** The path of {@code servers[0].url} without a trailing slash; empty when there is none. */
    public String basePath() {
        return basePath;
    }

    public List<ApiOperation> operations() {
        return operations;
    }

    public Components components() {
        return components.get();
    }

    /** The start-up cache key of this document's bytes, or null when it is not cached. */
    public String cacheKey() {
        return cacheKey;
    }

    SpecIndex index() {
        return index;
    }

    private List<ApiOperation> indexOperations() {
        List<ApiOperation> result = new ArrayList<>();
        Set<String> taken = new java.util.HashSet<>();
        for (SpecIndex.PathEntry path : index.paths()) {
            for (SpecIndex.OperationEntry entry : path.operations()) {
                if (entry.operationId() != null) {
                    taken.add(entry.operationId());
                }
            }
        }
        for (SpecIndex.PathEntry path : index.paths()) {
            for (SpecIndex.OperationEntry entry : path.operations()) {
                String operationId = entry.operationId();
                if (operationId == null) {
                    String generated = OperationIds.generate(entry.method(), path.path());
                    operationId = generated;
                    for (int n = 2; !taken.add(operationId); n++) {
                        operationId = generated + n;
                    }
                }
                String template = PathTemplates.join(basePath, path.path());
                String id = operationId;
                Supplier<Operation> operation = () -> buildOperation(path, entry, id);
                result.add(new ApiOperation(namespace + "." + operationId, namespace, operationId, entry.method(),
                        template, PathTemplates.parameterNames(template),
                        ApiOperation.OperationModel.of(operation, components)));
            }
        }
        return result;
    }

    private Operation buildOperation(SpecIndex.PathEntry path, SpecIndex.OperationEntry entry, String operationId) {
        Operation operation = read(entry.range(), Operation.class);
        operation.setOperationId(operationId);
        List<Parameter> parameters = new ArrayList<>();
        if (operation.getParameters() != null) {
            operation.getParameters().forEach(p -> parameters.add(resolve(p)));
        }
        if (path.parameters() != null) {
            List<Parameter> shared = read(path.parameters(), new TypeReference<List<Parameter>>() { });
            for (Parameter candidate : shared) {
                Parameter p = resolve(candidate);
                boolean overridden = parameters.stream()
                        .anyMatch(o -> o.getName().equals(p.getName()) && o.getIn().equals(p.getIn()));
                if (!overridden) {
                    parameters.add(p);
                }
            }
        }
        operation.setParameters(parameters.isEmpty() ? null : parameters);
        RequestBody body = operation.getRequestBody();
        if (body != null && body.get$ref() != null) {
            operation.setRequestBody(component(components().getRequestBodies(), body.get$ref(), body));
        }
        ApiResponses responses = operation.getResponses();
        if (responses != null) {
            ApiResponses resolved = new ApiResponses();
            responses.forEach((code, response) -> resolved.addApiResponse(code, resolve(response)));
            operation.setResponses(resolved);
        }
        if (operation.getSecurity() == null && !globalSecurity.get().isEmpty()) {
            operation.setSecurity(globalSecurity.get());
        }
        return operation;
    }

    private Parameter resolve(Parameter parameter) {
        return parameter.get$ref() == null ? parameter
                : component(components().getParameters(), parameter.get$ref(), parameter);
    }

    private ApiResponse resolve(ApiResponse response) {
        ApiResponse resolved = response.get$ref() == null ? response
                : component(components().getResponses(), response.get$ref(), response);
        if (resolved.getHeaders() != null && resolved.getHeaders().values().stream().anyMatch(h -> h.get$ref() != null)) {
            Map<String, Header> headers = new LinkedHashMap<>();
            resolved.getHeaders().forEach((name, header) -> headers.put(name, header.get$ref() == null ? header
                    : component(components().getHeaders(), header.get$ref(), header)));
            ApiResponse copy = new ApiResponse().description(resolved.getDescription()).content(resolved.getContent())
                    .links(resolved.getLinks()).extensions(resolved.getExtensions());
            copy.setHeaders(headers);
            return copy;
        }
        return resolved;
    }

    private static <T> T component(Map<String, T> section, String ref, T unresolved) {
        if (section == null) {
            return unresolved;
        }
        String name = ref.substring(ref.lastIndexOf('/') + 1).replace("~1", "/").replace("~0", "~");
        T found = section.get(name);
        return found == null ? unresolved : found;
    }

    private Components buildComponents() {
        Map<String, Map<String, ByteRange>> sections = index.components();
        Components result = new Components();
        result.setSchemas(lazy(sections.get("schemas"), Schema.class));
        result.setParameters(lazy(sections.get("parameters"), Parameter.class));
        result.setResponses(lazy(sections.get("responses"), ApiResponse.class));
        result.setRequestBodies(lazy(sections.get("requestBodies"), RequestBody.class));
        result.setHeaders(lazy(sections.get("headers"), Header.class));
        result.setSecuritySchemes(lazy(sections.get("securitySchemes"), SecurityScheme.class));
        result.setExamples(lazy(sections.get("examples"), Example.class));
        return result;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private <T> Map<String, T> lazy(Map<String, ByteRange> ranges, Class<?> type) {
        if (ranges == null) {
            return new HashMap<>();
        }
        return new LazyComponentMap<>(ranges, range -> (T) read(range, (Class) type));
    }

    private <T> T read(ByteRange range, Class<T> type) {
        return read(mapper.get().readerFor(type), range);
    }

    private <T> T read(ByteRange range, TypeReference<T> type) {
        return read(mapper.get().readerFor(type), range);
    }

    private <T> T read(ObjectReader reader, ByteRange range) {
        try {
            return reader.readValue(json, range.offset(), range.length());
        } catch (JsonMappingException e) {
            throw new UnreadableSpecPart(file, e.getOriginalMessage() + " (at " + e.getPathReference() + ")");
        } catch (IOException e) {
            throw new UnreadableSpecPart(file, e.getMessage());
        }
    }

    private static String basePath(String serverUrl) {
        if (serverUrl == null || serverUrl.isBlank()) {
            return "";
        }
        String url = serverUrl.replaceAll("\\{[^}]*}", "x");
        try {
            String path = URI.create(url).getPath();
            if (path == null) {
                return "";
            }
            return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
