package dev.twin.replayer.internal.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.twin.replayer.testing.OpenApiSchemaValidator;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every component schema and every operation's success response of two large real specs generates valid bodies. */
class SpecCorpusGenerationTest {

    private static final long SEED = 42;

    @Test
    void everyStripeComponentSchemaGeneratesAValidBody() {
        assertAllComponentsValid(SpecFixtures.stripe(), "stripe", 819);
    }

    @Test
    void everyTwilioComponentSchemaGeneratesAValidBody() {
        assertAllComponentsValid(SpecFixtures.twilio(), "twilio", 148);
    }

    @Test
    void everyStripeOperationSuccessResponseGeneratesAValidBody() {
        // 468 operations; GET /v1/quotes/{quote}/pdf answers application/pdf
        assertAllOperationResponsesValid(SpecFixtures.stripe(), "stripe", 467);
    }

    @Test
    void everyTwilioOperationSuccessResponseGeneratesAValidBody() {
        // 197 operations; the 32 DELETEs and one other answer 204 without a body
        assertAllOperationResponsesValid(SpecFixtures.twilio(), "twilio", 164);
    }

    @SuppressWarnings("rawtypes")
    private static void assertAllComponentsValid(OpenAPI api, String label, int expectedCount) {
        BodyGenerator generator = new BodyGenerator(api.getComponents());
        OpenApiSchemaValidator validator = OpenApiSchemaValidator.of(api);
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, Schema> component : api.getComponents().getSchemas().entrySet()) {
            Schema<?> ref = new Schema<>().$ref("#/components/schemas/" + component.getKey());
            JsonNode body = generator.generate(ref, SEED);
            List<String> problems = validator.validate(ref, body);
            if (!problems.isEmpty()) {
                failures.add(component.getKey() + ": " + problems + "\n    body: " + abbreviate(body));
            }
            checked++;
        }
        System.out.printf("%s: %d component schemas generated, %d valid%n", label, checked,
                checked - failures.size());
        assertEquals(expectedCount, checked);
        assertTrue(failures.isEmpty(), failures.size() + " invalid bodies:\n" + String.join("\n", head(failures)));
    }

    private static void assertAllOperationResponsesValid(OpenAPI api, String label, int expectedCount) {
        BodyGenerator generator = new BodyGenerator(api.getComponents());
        OpenApiSchemaValidator validator = OpenApiSchemaValidator.of(api);
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> operation : path.getValue().readOperationsMap()
                    .entrySet()) {
                Schema<?> schema = successSchema(api, operation.getValue());
                if (schema == null) {
                    continue;
                }
                JsonNode body = generator.generate(schema, SEED);
                List<String> problems = validator.validate(schema, body);
                if (!problems.isEmpty()) {
                    failures.add(operation.getKey() + " " + path.getKey() + ": " + problems
                            + "\n    body: " + abbreviate(body));
                }
                checked++;
            }
        }
        System.out.printf("%s: %d operation success bodies generated, %d valid%n", label, checked,
                checked - failures.size());
        assertEquals(expectedCount, checked);
        assertTrue(failures.isEmpty(), failures.size() + " invalid bodies:\n" + String.join("\n", head(failures)));
    }

    /** The JSON schema of the lowest documented 2xx response, else of {@code default}; null when it has none. */
    static Schema<?> successSchema(OpenAPI api, Operation operation) {
        if (operation.getResponses() == null) {
            return null;
        }
        String lowest = null;
        for (String code : operation.getResponses().keySet()) {
            if (code.length() == 3 && code.charAt(0) == '2' && (lowest == null || code.compareTo(lowest) < 0)) {
                lowest = code;
            }
        }
        ApiResponse response = operation.getResponses().get(lowest != null ? lowest : "default");
        if (response != null && response.get$ref() != null) {
            String name = response.get$ref().substring(response.get$ref().lastIndexOf('/') + 1);
            response = api.getComponents().getResponses().get(name);
        }
        if (response == null || response.getContent() == null) {
            return null;
        }
        for (Map.Entry<String, MediaType> media : response.getContent().entrySet()) {
            if (media.getKey().contains("json") && media.getValue().getSchema() != null) {
                return media.getValue().getSchema();
            }
        }
        return null;
    }

    private static List<String> head(List<String> failures) {
        return failures.subList(0, Math.min(40, failures.size()));
    }

    private static String abbreviate(JsonNode body) {
        String text = body.toString();
        return text.length() > 600 ? text.substring(0, 600) + "..." : text;
    }
}
