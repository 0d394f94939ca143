package dev.twin.replayer.internal.validation;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/** Parses specs as the server does (resolve, not resolveFully); the large ones once per test run. */
final class Specs {
    private static final Map<String, OpenAPI> RESOURCES = new ConcurrentHashMap<>();

    private Specs() {
    }

    static OpenAPI parse(String yaml) {
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(yaml, null, options());
        return Objects.requireNonNull(result.getOpenAPI(), () -> "spec did not parse: " + result.getMessages());
    }

    /** A spec under src/test/resources/specs, e.g. {@code stripe/spec3.json}. */
    static OpenAPI resource(String name) {
        return RESOURCES.computeIfAbsent(name, key -> {
            URL url = Specs.class.getResource("/specs/" + key);
            Objects.requireNonNull(url, key);
            try {
                return new OpenAPIV3Parser().read(Path.of(url.toURI()).toString(), null, options());
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    static Operation operation(OpenAPI api, String path, String method) {
        PathItem item = Objects.requireNonNull(api.getPaths().get(path), path);
        return Objects.requireNonNull(item.readOperationsMap().get(PathItem.HttpMethod.valueOf(method)), method);
    }

    /** Compiles the validator of one operation as the server would, path-level parameters included. */
    static OperationValidator validator(OpenAPI api, String path, String method) {
        PathItem item = api.getPaths().get(path);
        return OperationValidator.compile(operation(api, path, method), item.getParameters(),
                SchemaRegistry.of(api.getComponents()), api.getSecurity());
    }

    private static ParseOptions options() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        return options;
    }
}
