package dev.twin.replayer.spec;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.twin.replayer.startup.SpecIndexCache;
import dev.twin.replayer.startup.StartupCache;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.parser.converter.SwaggerConverter;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads one OpenAPI 3.0/3.1 or Swagger 2.0 document (JSON or YAML) into a {@link SpecDocument}. JSON 3.x documents
 * are only indexed here; YAML is converted to JSON first, Swagger 2.0 through swagger-parser's converter.
 */
public final class SpecLoader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SpecLoader() {
    }

    /** Loads with the {@linkplain StartupCache#shared() shared start-up cache}. */
    public static SpecDocument load(Path file, String namespace) throws SpecException {
        return load(file, namespace, StartupCache.shared());
    }

    /**
     * As {@link #load(Path, String)}; a large JSON spec's index is read from {@code cache} when an earlier launch
     * stored it, else built and stored in the background.
     */
    public static SpecDocument load(Path file, String namespace, StartupCache cache) throws SpecException {
        byte[] bytes = read(file);
        boolean isJson = startsWithBrace(bytes);
        String cacheKey = isJson && bytes.length >= StartupCache.MIN_SPEC_BYTES ? cache.keyOf(bytes) : null;
        if (cacheKey != null) {
            Optional<SpecIndex> cached = SpecIndexCache.read(cache, cacheKey, bytes);
            if (cached.isPresent() && cached.get().version().startsWith("3.")) {
                return new SpecDocument(file, namespace, bytes, cached.get(), cacheKey);
            }
        }
        if (!isJson) {
            bytes = yamlToJson(file, bytes);
        }
        SpecIndex index = index(file, bytes, isJson);
        if (index.version().startsWith("2")) {
            bytes = convertSwagger2(file, bytes);
            index = index(file, bytes, false);
            cacheKey = null; // the converted document is not the hashed one
        } else if (!index.version().startsWith("3.")) {
            throw new SpecException(file, "unsupported OpenAPI version '" + index.version()
                    + "' (twin reads 3.0, 3.1 and Swagger 2.0)");
        } else if (cacheKey != null) {
            SpecIndexCache.write(cache, cacheKey, index);
        }
        return new SpecDocument(file, namespace, bytes, index, cacheKey);
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

    private static SpecIndex index(Path file, byte[] json, boolean locationsMeaningful) throws SpecException {
        try {
            return SpecIndexer.index(json);
        } catch (SpecIndexer.SpecProblem e) {
            throw locationsMeaningful ? new SpecException(file, e.line, e.column, e.getMessage())
                    : new SpecException(file, e.getMessage());
        } catch (JsonProcessingException e) {
            throw located(file, e, "invalid JSON: ");
        } catch (IOException e) {
            throw new SpecException(file, "cannot read spec: " + e.getMessage());
        }
    }

    private static byte[] yamlToJson(Path file, byte[] yaml) throws SpecException {
        try {
            JsonNode tree = new YAMLMapper().readTree(yaml);
            if (tree == null || !tree.isObject()) {
                throw new SpecException(file, "not an OpenAPI document (expected a mapping at the top level)");
            }
            return JSON.writeValueAsBytes(tree);
        } catch (JsonProcessingException e) {
            throw located(file, e, "invalid YAML: ");
        } catch (IOException e) {
            throw new SpecException(file, "cannot read spec: " + e.getMessage());
        }
    }

    private static byte[] convertSwagger2(Path file, byte[] json) throws SpecException {
        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        SwaggerParseResult result = new SwaggerConverter()
                .readContents(new String(json, StandardCharsets.UTF_8), null, options);
        if (result.getOpenAPI() == null) {
            throw new SpecException(file, "invalid Swagger 2.0 document: " + String.join("; ",
                    result.getMessages() == null ? java.util.List.of("unreadable") : result.getMessages()));
        }
        try {
            return Json.mapper().writeValueAsBytes(result.getOpenAPI());
        } catch (JsonProcessingException e) {
            throw new SpecException(file, "cannot convert Swagger 2.0 document: " + e.getOriginalMessage());
        }
    }

    private static SpecException located(Path file, JsonProcessingException e, String what) {
        JsonLocation location = e.getLocation();
        String reason = what + e.getOriginalMessage();
        return location == null || location.getLineNr() <= 0 ? new SpecException(file, reason)
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
