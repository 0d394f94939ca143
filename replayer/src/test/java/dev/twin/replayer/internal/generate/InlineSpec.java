package dev.twin.replayer.internal.generate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.twin.replayer.testing.OpenApiSchemaValidator;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.util.List;

/** A tiny OpenAPI document built from component schemas written inline in a test, with its generator and validator. */
final class InlineSpec {

    private final OpenAPI api;
    private final BodyGenerator generator;
    private final OpenApiSchemaValidator validator;

    private InlineSpec(String version, String schemasYaml) {
        String indented = schemasYaml.stripIndent().lines().map(line -> "    " + line)
                .reduce("", (text, line) -> text + line + "\n");
        this.api = SpecFixtures.parse("openapi: " + version + "\ninfo: {title: inline, version: '1'}\npaths: {}\n"
                + "components:\n  schemas:\n" + indented);
        this.generator = new BodyGenerator(api.getComponents());
        this.validator = OpenApiSchemaValidator.of(api);
    }

    static InlineSpec openApi30(String schemasYaml) {
        return new InlineSpec("3.0.3", schemasYaml);
    }

    static InlineSpec openApi31(String schemasYaml) {
        return new InlineSpec("3.1.0", schemasYaml);
    }

    JsonNode generate(String component) {
        return generate(component, 1);
    }

    JsonNode generate(String component, long seed) {
        return generator.generate(ref(component), seed);
    }

    List<String> problems(String component, JsonNode body) {
        return validator.validate(ref(component), body);
    }

    private static Schema<?> ref(String component) {
        return new Schema<>().$ref("#/components/schemas/" + component);
    }
}
