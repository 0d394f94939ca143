package dev.twin.replayer.internal.generate;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The real specs under src/test/resources/specs, parsed once per test JVM (resolve=true, not resolveFully). */
final class SpecFixtures {

    private static final Map<String, OpenAPI> PARSED = new ConcurrentHashMap<>();

    private SpecFixtures() {
    }

    static OpenAPI stripe() {
        return load("specs/stripe/spec3.json");
    }

    static OpenAPI twilio() {
        return load("specs/twilio/twilio_api_v2010.json");
    }

    /** Parses OpenAPI text given inline (YAML or JSON), as the server would parse a file. */
    static OpenAPI parse(String text) {
        SwaggerParseResult result = new OpenAPIParser().readContents(text, null, options());
        if (result.getOpenAPI() == null) {
            throw new IllegalArgumentException("unparseable spec: " + result.getMessages());
        }
        return result.getOpenAPI();
    }

    private static OpenAPI load(String resource) {
        return PARSED.computeIfAbsent(resource, SpecFixtures::read);
    }

    private static OpenAPI read(String resource) {
        try {
            Path file = Path.of(SpecFixtures.class.getClassLoader().getResource(resource).toURI());
            SwaggerParseResult result = new OpenAPIParser().readLocation(file.toString(), null, options());
            if (result.getOpenAPI() == null) {
                throw new IllegalStateException(resource + ": " + result.getMessages());
            }
            return result.getOpenAPI();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ParseOptions options() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        return options;
    }
}
