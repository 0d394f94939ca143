package dev.twin.replayer.internal.spec;

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
 * One imported spec: its JSON bytes, their index, the operations it defines, and what its full check warned of.
 * Swagger models for an operation or a component are deserialised from their byte range the first time someone
 * asks for them.
 */
public final class SpecDocument {
    /** The component sections twin reads (see buildComponents), and the model each component is read as. */
    private static final Map<String, Class<?>> COMPONENT_TYPES = Map.of("schemas", Schema.class,
            "parameters", Parameter.class, "responses", ApiResponse.class, "requestBodies", RequestBody.class,
            "headers", Header.class, "securitySchemes", SecurityScheme.class, "examples", Example.class);

    private final Path file;
    private final String namespace;
    private final byte[] json;
    private final SpecIndex index;
    private final String cacheKey;
    private final Lazy<ObjectMapper> mapper;
    private final String basePath;
    private final Lazy<Components> components;
    private final Lazy<List<SecurityRequirement>> globalSecurity;
    private final Set<String> unrouted;
    private final List<SpecProblem> warnings;
    private final List<SpecProblem> renamings = new ArrayList<>();
    private final Map<String, SpecProblem> unservable = new HashMap<>();
    private final List<ApiOperation> operations;

    /**
     * @param unrouted pointers of operations left out of routing (another operation already takes their route)
     * @param warnings what the full check warned of, located; operations a warning names answer 501
     */
    SpecDocument(Path file, String namespace, byte[] json, SpecIndex index, String cacheKey, Set<String> unrouted,
                 List<SpecProblem> warnings) {
        this.file = file;
        this.namespace = namespace;
        this.json = json;
        this.index = index;
        this.cacheKey = cacheKey;
        this.unrouted = Set.copyOf(unrouted);
        this.warnings = List.copyOf(warnings);
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

    /** The document's JSON bytes, as served (not to be modified). */
    byte[] json() {
        return json;
    }

    /** The same document with the warnings of its full check. */
    SpecDocument withWarnings(List<SpecProblem> checked) {
        return new SpecDocument(file, namespace, json, index, cacheKey, unrouted, checked);
    }

    /** What the full check warned of, located in the file: served around, never refused. */
    public List<SpecProblem> warnings() {
        return warnings;
    }

    /** The problem that keeps {@code operation} from being answered as its spec means, or null when none does. */
    public SpecProblem unservable(ApiOperation operation) {
        return unservable.isEmpty() ? null : unservable.get(operation.id());
    }

    /** One warning per operation served under another id than its spec's, which an earlier operation took. */
    List<SpecProblem> renamings() {
        return List.copyOf(renamings);
    }

    /** {@code /paths/~1pets/get}: where an operation is in the document. */
    static String pointer(SpecIndex.PathEntry path, SpecIndex.OperationEntry entry) {
        return PointerLocator.pointer("paths", path.path(), entry.method().toLowerCase(java.util.Locale.ROOT));
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
        Map<String, String> firstWithId = new HashMap<>();
        Map<String, SpecProblem> byOperation = new HashMap<>();
        warnings.forEach(w -> w.operations().forEach(op -> byOperation.putIfAbsent(op, w)));
        for (SpecIndex.PathEntry path : index.paths()) {
            for (SpecIndex.OperationEntry entry : path.operations()) {
                String pointer = pointer(path, entry);
                if (unrouted.contains(pointer)) {
                    continue;
                }
                String operationId = entry.operationId();
                if (operationId == null) {
                    operationId = unique(OperationIds.generate(entry.method(), path.path()), taken);
                } else if (firstWithId.putIfAbsent(operationId, pointer) != null) {
                    String given = operationId;
                    operationId = unique(given, taken);
                    renamings.add(SpecProblem.warning(pointer + "/operationId", pointer + "/operationId: '" + given
                            + "' is also the id of " + SpecReferences.label(firstWithId.get(given))
                            + "; this operation is served as " + namespace + "." + operationId));
                }
                String template = PathTemplates.join(basePath, path.path());
                String id = operationId;
                Supplier<Operation> operation = () -> buildOperation(path, entry, id);
                ApiOperation served = new ApiOperation(namespace + "." + operationId, namespace, operationId,
                        entry.method(), template, PathTemplates.parameterNames(template),
                        ApiOperation.OperationModel.of(operation, components));
                result.add(served);
                SpecProblem problem = byOperation.get(pointer);
                if (problem != null) {
                    unservable.put(served.id(), problem);
                }
            }
        }
        return result;
    }

    /** {@code base}, else {@code base2}, {@code base3}, ...: the first not taken yet (then taken). */
    private static String unique(String base, Set<String> taken) {
        if (taken.add(base)) {
            return base;
        }
        String candidate = base;
        for (int n = 2; !taken.add(candidate); n++) {
            candidate = base + n;
        }
        return candidate;
    }

    /**
     * Every part the lazy reads would ever read (each operation, each path's shared parameters, the top-level
     * security, each component twin uses), read once now and dropped: what swagger's model reader refuses, at its
     * place. The full check runs this; serving then never meets an unreadable part.
     */
    List<SpecProblem> unreadableParts() {
        List<SpecProblem> problems = new ArrayList<>();
        for (SpecIndex.PathEntry path : index.paths()) {
            if (path.parameters() != null) {
                tryRead(PointerLocator.pointer("paths", path.path(), "parameters"), problems,
                        () -> read(path.parameters(), new TypeReference<List<Parameter>>() { }));
            }
            for (SpecIndex.OperationEntry entry : path.operations()) {
                tryRead(pointer(path, entry), problems, () -> read(entry.range(), Operation.class));
            }
        }
        if (index.security() != null) {
            tryRead("/security", problems, () -> read(index.security(),
                    new TypeReference<List<SecurityRequirement>>() { }));
        }
        index.components().forEach((section, entries) -> {
            Class<?> type = COMPONENT_TYPES.get(section);
            if (type != null) {
                entries.forEach((name, range) -> tryRead(PointerLocator.pointer("components", section, name),
                        problems, () -> read(range, type)));
            }
        });
        return problems;
    }

    private void tryRead(String pointer, List<SpecProblem> problems, Runnable read) {
        try {
            read.run();
        } catch (UnreadableSpecPart e) {
            String at = pointer + e.pointer();
            problems.add(SpecProblem.error(at, at + ": " + e.reason()));
        } catch (StackOverflowError e) {
            problems.add(SpecProblem.error(pointer, pointer + ": nested too deeply for swagger's model reader"));
        }
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
            throw new UnreadableSpecPart(file, ModelReaderErrors.pointerWithin(e), ModelReaderErrors.reason(e));
        } catch (IOException e) {
            throw new UnreadableSpecPart(file, "", e.getMessage());
        } catch (IllegalArgumentException e) {
            // swagger's schema deserialiser converts nested values itself and wraps what Jackson refuses
            if (e.getCause() instanceof JsonMappingException cause) {
                throw new UnreadableSpecPart(file, ModelReaderErrors.pointerWithin(cause),
                        ModelReaderErrors.reason(cause));
            }
            throw new UnreadableSpecPart(file, "", String.valueOf(e.getMessage()));
        } catch (RuntimeException e) {
            // swagger's schema deserialiser assumes shapes (a 'type' that is text) rather than checking them
            throw new UnreadableSpecPart(file, "", "swagger's model reader cannot read it: a member in it has a "
                    + "type the reader does not expect (" + e.getClass().getSimpleName() + ")");
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
