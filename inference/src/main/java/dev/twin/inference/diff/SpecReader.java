package dev.twin.inference.diff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.twin.inference.InferenceException;
import dev.twin.replayer.internal.spec.SpecException;
import dev.twin.replayer.internal.spec.SpecLoader;
import dev.twin.replayer.internal.startup.StartupCache;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads one side of a diff: an OpenAPI 3.0/3.1 or Swagger 2.0 document (converted), YAML or JSON, or a directory
 * written by {@code twin infer} (its openapi.yaml). Every problem is an {@link InferenceException} naming the file.
 */
public final class SpecReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private SpecReader() {
    }

    public static OpenAPI read(Path fileOrDir) {
        Path file = fileOrDir;
        if (Files.isDirectory(fileOrDir)) {
            file = fileOrDir.resolve("openapi.yaml");
            if (!Files.isRegularFile(file)) {
                throw new InferenceException(fileOrDir + " is a directory without an openapi.yaml (a directory must "
                        + "be one written by twin infer)");
            }
        } else if (!Files.isRegularFile(fileOrDir)) {
            throw new InferenceException(fileOrDir + ": no such file");
        }
        try {
            // what serve refuses (not a spec, an unread version, a path that cannot route) is refused alike,
            // at its line
            SpecLoader.load(file, "diff", StartupCache.DISABLED);
        } catch (SpecException e) {
            throw new InferenceException(e.getMessage(), e);
        }
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new InferenceException(file + ": cannot read it: " + e.getMessage(), e);
        }
        checkIsOpenApi(text, file.toString());
        return parsed(new OpenAPIParser().readLocation(file.toAbsolutePath().toUri().toString(), null, options()),
                file.toString());
    }

    /** A document held in memory (an inferred spec); {@code name} is what messages call it. */
    public static OpenAPI parse(String text, String name) {
        checkIsOpenApi(text, name);
        return parsed(new OpenAPIParser().readContents(text, null, options()), name);
    }

    private static ParseOptions options() {
        ParseOptions options = new ParseOptions();
        // $refs to other files are inlined; those inside the document stay and are followed by the walker
        options.setResolve(true);
        return options;
    }

    private static OpenAPI parsed(SwaggerParseResult result, String name) {
        OpenAPI api = result.getOpenAPI();
        boolean noPaths = api != null && (api.getPaths() == null || api.getPaths().isEmpty());
        // a document whose paths the parser could not read would otherwise diff as "every operation removed"
        if (api == null || noPaths && result.getMessages() != null && !result.getMessages().isEmpty()) {
            throw new InferenceException(name + " is not an OpenAPI document: "
                    + (result.getMessages() == null || result.getMessages().isEmpty() ? "the parser read nothing"
                    : String.join("; ", result.getMessages())));
        }
        return api;
    }

    private static void checkIsOpenApi(String text, String name) {
        JsonNode root;
        try {
            root = (text.stripLeading().startsWith("{") ? JSON : YAML).readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr() + ": ";
            throw new InferenceException(name + " is neither YAML nor JSON: " + where + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InferenceException(name + " is not an OpenAPI document: it holds no mapping at the top");
        }
        if (!root.has("openapi") && !root.has("swagger")) {
            throw new InferenceException(name + " is not an OpenAPI document: it has no 'openapi' or 'swagger' "
                    + "field");
        }
    }
}
