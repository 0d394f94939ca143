package dev.twin.replayer.internal.spec;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.yaml.snakeyaml.LoaderOptions;
import dev.twin.replayer.internal.startup.StartupCache;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.parser.converter.SwaggerConverter;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one OpenAPI 3.0/3.1 or Swagger 2.0 document (JSON or YAML) into a {@link SpecDocument}. JSON 3.x documents
 * are only indexed here; YAML is converted to JSON first, Swagger 2.0 through swagger-parser's converter. Each
 * version of a file is also checked in full once ({@link SpecCheck}): its errors refuse the spec, its warnings are
 * served around.
 */
public final class SpecLoader {
    private static final System.Logger LOG = System.getLogger(SpecLoader.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * A key written twice would silently keep only its last value (a path's operations lost): refused instead.
     * SnakeYAML's default 3 MB limit would refuse real specs (Stripe's YAML is 6 MB); a spec is the user's own file.
     */
    private static final YAMLMapper YAML = YAMLMapper.builder(YAMLFactory.builder()
                    .loaderOptions(largeDocuments()).build())
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY).build();
    private static final int MAX_YAML_CODE_POINTS = 256 * 1024 * 1024;
    private static final String NOT_TEXT = "not an OpenAPI document: not UTF-8 text (a binary file?)";

    private SpecLoader() {
    }

    private static LoaderOptions largeDocuments() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_YAML_CODE_POINTS);
        return options;
    }

    /** Loads with the {@linkplain StartupCache#shared() shared start-up cache}. */
    public static SpecDocument load(Path file, String namespace) throws SpecException {
        return load(file, namespace, StartupCache.shared());
    }

    /**
     * As {@link #load(Path, String)}; a large JSON spec's index is read from {@code cache} when an earlier launch
     * stored it, else built and stored in the background. The verdict of the spec's full check likewise: the
     * check runs once per version of the file (its content checksum), and its errors refuse the spec.
     *
     * @throws SpecException every error that keeps the spec from being served, each at its line
     */
    public static SpecDocument load(Path file, String namespace, StartupCache cache) throws SpecException {
        byte[] bytes = read(file);
        SpecText original = new SpecText(file, bytes, startsWithBrace(bytes));
        String checksum = StartupCache.checksum(bytes);
        String indexKey = original.json() && bytes.length >= StartupCache.MIN_SPEC_BYTES && cache.enabled()
                ? checksum : null;
        SpecIndex index = null;
        byte[] json = bytes;
        Conversion swagger2 = null;
        if (indexKey != null) {
            Optional<SpecIndex> cached = SpecIndexCache.read(cache, indexKey, bytes);
            if (cached.isPresent() && cached.get().version().startsWith("3.")) {
                index = cached.get();
            }
        }
        if (index == null) {
            if (!original.json()) {
                json = yamlToJson(original);
            }
            index = index(original, json, original.json());
            if (index.version().startsWith("2")) {
                swagger2 = convertSwagger2(original, json);
                json = swagger2.converted();
                index = index(original, json, false);
                indexKey = null; // the converted document is not the hashed one
            } else if (!index.version().startsWith("3.0") && !index.version().startsWith("3.1")) {
                throw original.problemAt(original.has("/openapi") ? "/openapi" : "/swagger", "unsupported OpenAPI "
                        + "version '" + index.version() + "' (twin reads 3.0, 3.1 and Swagger 2.0)");
            }
            if (indexKey != null) {
                SpecIndexCache.write(cache, indexKey, index);
            }
        }
        checkPathTemplates(original, index);
        Map<String, SpecProblem> sharedRoutes = sharedRoutes(index);
        SpecDocument document = new SpecDocument(file, namespace, json, index, indexKey, sharedRoutes.keySet(),
                List.of());
        SpecVerdict verdict = verdict(cache, checksum, original, document, swagger2, sharedRoutes);
        if (!verdict.errors().isEmpty()) {
            throw new SpecException(file, verdict.errors());
        }
        return verdict.warnings().isEmpty() ? document : document.withWarnings(verdict.warnings());
    }

    /** The verdict kept for this version of the spec, else the full check's (then kept). */
    private static SpecVerdict verdict(StartupCache cache, String checksum, SpecText original, SpecDocument document,
                                       Conversion swagger2, Map<String, SpecProblem> sharedRoutes) {
        Optional<SpecVerdict> kept = SpecVerdictCache.find(cache, checksum);
        if (kept.isPresent()) {
            return kept.get();
        }
        LOG.log(System.Logger.Level.INFO, "checking " + original.file() + " in full (once for this version of "
                + "the file; later starts reuse the verdict)");
        SpecVerdict verdict = SpecCheck.run(original, document,
                swagger2 == null ? null : new SpecCheck.Swagger2(swagger2.json(), swagger2.messages()),
                List.copyOf(sharedRoutes.values()));
        SpecVerdictCache.keep(cache, checksum, verdict);
        return verdict;
    }

    /** Every path template must route: a template that cannot is an error at its line. */
    private static void checkPathTemplates(SpecText original, SpecIndex index) throws SpecException {
        List<String> pointers = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (SpecIndex.PathEntry path : index.paths()) {
            String problem = PathTemplates.problem(path.path());
            if (problem != null) {
                pointers.add(PointerLocator.pointer("paths", path.path()));
                problems.add("path template " + problem);
            }
        }
        if (!problems.isEmpty()) {
            Map<String, PointerLocator.Position> at = PointerLocator.locateAll(original.bytes(), original.json(),
                    pointers);
            List<SpecProblem> located = new ArrayList<>();
            for (int i = 0; i < problems.size(); i++) {
                PointerLocator.Position position = at.get(pointers.get(i));
                located.add(SpecProblem.error(pointers.get(i), problems.get(i)).at(position.line(),
                        position.column()));
            }
            throw new SpecException(original.file(), located);
        }
    }

    /**
     * Operations whose route an earlier operation of the spec already takes (the same method on a template that
     * differs only in parameter names): a request cannot tell them apart, so the first is served and each later
     * one is left out, with a warning (by the pointer of the one left out).
     */
    private static Map<String, SpecProblem> sharedRoutes(SpecIndex index) {
        Map<String, String> routes = new HashMap<>();
        Map<String, SpecProblem> leftOut = new LinkedHashMap<>();
        for (SpecIndex.PathEntry path : index.paths()) {
            for (SpecIndex.OperationEntry operation : path.operations()) {
                String earlier = routes.putIfAbsent(operation.method() + " " + PathTemplates.routeKey(path.path()),
                        path.path());
                if (earlier != null) {
                    String pointer = SpecDocument.pointer(path, operation);
                    leftOut.put(pointer, SpecProblem.warning(pointer, pointer + ": " + operation.method() + " '"
                            + path.path() + "' takes the same route as '" + earlier + "': parameter names do not "
                            + "tell requests apart, so requests go to '" + earlier + "' and this one is not served"));
                }
            }
        }
        return leftOut;
    }

    private static byte[] read(Path file) throws SpecException {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new SpecException(file, "spec file not found");
        } catch (IOException e) {
            throw new SpecException(file, "cannot read spec: " + e.getMessage());
        }
    }

    /**
     * @param locationsMeaningful true when {@code json} is the file's own text, so the indexer's line numbers are
     *                            the user's; otherwise problems are found again in the original by their pointer
     */
    private static SpecIndex index(SpecText original, byte[] json, boolean locationsMeaningful)
            throws SpecException {
        Path file = original.file();
        try {
            return SpecIndexer.index(json);
        } catch (SpecIndexer.IndexProblem e) {
            throw locationsMeaningful ? new SpecException(file, Math.max(1, e.line), Math.max(1, e.column),
                    e.getMessage()) : original.problemAt(e.pointer, e.getMessage());
        } catch (JsonProcessingException e) {
            throw located(file, e, e.getOriginalMessage().startsWith("Invalid UTF-8") ? NOT_TEXT + ": "
                    : "invalid JSON: ");
        } catch (IOException e) {
            throw new SpecException(file, "cannot read spec: " + e.getMessage());
        }
    }

    private static byte[] yamlToJson(SpecText original) throws SpecException {
        Path file = original.file();
        SpecException notSpec = NotASpec.problem(file, original.bytes());
        if (notSpec != null) {
            throw notSpec;
        }
        try {
            JsonNode tree = YAML.readTree(original.bytes());
            if (tree == null || tree.isMissingNode() || tree.isNull()) {
                throw new SpecException(file, 1, 1, "not an OpenAPI document: the file holds no YAML value");
            }
            if (!tree.isObject()) {
                throw new SpecException(file, 1, 1, "not an OpenAPI document: expected a mapping with an "
                        + "'openapi' (or 'swagger') version at the top level, got "
                        + (tree.isArray() ? "a list" : "a single value"));
            }
            return JSON.writeValueAsBytes(tree);
        } catch (JsonProcessingException e) {
            String message = e.getOriginalMessage();
            if (message.startsWith("Duplicate field '")) {
                String key = message.substring(17, Math.max(17, message.indexOf('\'', 17)));
                JsonLocation at = e.getLocation();
                throw new SpecException(file, at == null ? 1 : Math.max(1, at.getLineNr()),
                        at == null ? 1 : Math.max(1, at.getColumnNr()), "duplicate key '" + key + "' (only one of "
                        + "the two would be read)");
            }
            throw located(file, e, "invalid YAML: ");
        } catch (IOException e) {
            throw new SpecException(file, "cannot read spec: " + e.getMessage());
        }
    }

    /** A Swagger 2.0 document (as JSON), its OpenAPI 3 conversion, and what the converter said about it. */
    private record Conversion(byte[] json, byte[] converted, List<String> messages) {
    }

    private static Conversion convertSwagger2(SpecText original, byte[] json) throws SpecException {
        Path file = original.file();
        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        SwaggerParseResult result = new SwaggerConverter()
                .readContents(new String(json, StandardCharsets.UTF_8), null, options);
        List<String> messages = result.getMessages() == null ? List.of() : result.getMessages();
        if (result.getOpenAPI() == null) {
            List<String> shown = messages.isEmpty() ? List.of("unreadable") : messages;
            String pointer = SwaggerMessages.pointer(shown.get(0));
            throw original.problemAt(pointer == null ? "" : pointer, "invalid Swagger 2.0 document: "
                    + String.join("; ", shown));
        }
        try {
            Swagger2Headers.restore(result.getOpenAPI(), Json.mapper().readTree(json));
            return new Conversion(json, Json.mapper().writeValueAsBytes(result.getOpenAPI()), messages);
        } catch (JsonProcessingException e) {
            throw new SpecException(file, "cannot convert Swagger 2.0 document: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new SpecException(file, "cannot convert Swagger 2.0 document: " + e.getMessage());
        }
    }

    private static SpecException located(Path file, JsonProcessingException e, String what) {
        JsonLocation location = e.getLocation();
        String reason = what + e.getOriginalMessage();
        return location == null || location.getLineNr() <= 0 ? new SpecException(file, 1, 1, reason)
                : new SpecException(file, location.getLineNr(), location.getColumnNr(), reason);
    }

    private static boolean startsWithBrace(byte[] bytes) {
        for (byte b : bytes) {
            if (!Character.isWhitespace(b)) {
                return b == '{';
            }
        }
        return false;
    }
}
