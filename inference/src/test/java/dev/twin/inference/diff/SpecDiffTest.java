package dev.twin.inference.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpecDiffTest {

    @Test
    void givenTwoVersionsDifferingByAKnownSetOfChanges_whenCompared_thenExactlyThoseAreReportedBreakingFirst()
            throws Exception {
        OpenAPI v1 = SpecReader.read(resource("shop-v1.yaml"));
        OpenAPI v2 = SpecReader.read(resource("shop-v2.yaml"));

        DiffReport report = DiffReport.of("shop-v1.yaml", v1, "shop-v2.yaml", v2);

        assertEquals(List.of(
                "BREAKING | GET /v1/customers | query: status enum value removed: deleted",
                "BREAKING | GET /v1/customers | 200 response: url retyped: string → string|null",
                "BREAKING | GET /v1/customers | 200 response: data[].balance retyped: integer → string",
                "BREAKING | POST /v1/customers | request body: name now required (was optional)",
                "BREAKING | POST /v1/customers | response status changed: 201 → 200",
                "BREAKING | POST /v1/customers | 200 response: balance retyped: integer → string",
                "BREAKING | POST /v1/customers | 400 response: error.code lost error code email_invalid",
                "BREAKING | GET /v1/customers/{customer} | 200 response: balance retyped: integer → string",
                "BREAKING | DELETE /v1/customers/{id} | operation removed",
                "NON_BREAKING | GET /v1/customers | query: limit retyped: integer → number",
                "NON_BREAKING | GET /v1/customers | query: status enum value added: pending",
                "NON_BREAKING | GET /v1/customers | query: created added (integer)",
                "NON_BREAKING | GET /v1/customers | 200 response: currency now limited to the values [usd, eur]",
                "NON_BREAKING | GET /v1/customers | 200 response: data[].nickname added (string)",
                "NON_BREAKING | POST /v1/customers | request body: phone removed (was string)",
                "NON_BREAKING | POST /v1/customers | 200 response: nickname added (string)",
                "NON_BREAKING | POST /v1/customers | 400 response: error.code gained error code email_taken",
                "NON_BREAKING | GET /v1/customers/{customer} | response status 429 added",
                "NON_BREAKING | GET /v1/customers/{customer} | 200 response: nickname added (string)",
                "NON_BREAKING | POST /v1/customers/{customer}/archive | operation added"), lines(report));
        assertEquals(9, report.breakingCount());
    }

    @Test
    void givenTheSameApiAsSwagger2WithBasePathAndOtherParameterNames_whenComparedToOpenApi3_thenNothingChanged()
            throws Exception {
        OpenAPI swagger2 = SpecReader.read(resource("shop-v1-swagger2.yaml"));
        OpenAPI openApi3 = SpecReader.read(resource("shop-v1.yaml"));

        DiffReport report = DiffReport.of("swagger2", swagger2, "openapi3", openApi3);

        assertEquals(List.of(), report.changes());
        assertEquals("Comparing swagger2 → openapi3: no changes\n", report.text());
    }

    @Test
    void givenASpec_whenComparedWithItself_thenNoChangesAndNothingBreaking() throws Exception {
        OpenAPI v2 = SpecReader.read(resource("shop-v2.yaml"));

        DiffReport report = DiffReport.of("a", v2, "b", SpecReader.read(resource("shop-v2.yaml")));

        assertTrue(report.changes().isEmpty(), report.text());
        assertFalse(report.hasBreaking());
    }

    @Test
    void givenAChangeInsideASelfReferencingComponent_whenCompared_thenItIsReportedOnceWhereItIsShallowest() {
        OpenAPI before = SpecReader.parse(nodeSpec("name: {type: string}"), "before");
        OpenAPI after = SpecReader.parse(nodeSpec("name: {type: integer}"), "after");

        assertEquals(List.of("BREAKING | GET /nodes/{id} | 200 response: name retyped: string → integer"),
                lines(DiffReport.of("before", before, "after", after)));
    }

    @Test
    void givenAllOfAndOneOf_whenFlattened_thenAllOfPartsAddUpAndAFieldOfOnlyOneVariantIsOptional() {
        String spec = """
                openapi: 3.0.3
                info: {title: t, version: "1"}
                paths:
                  /pets:
                    get:
                      responses:
                        "200":
                          description: ok
                          content:
                            application/json:
                              schema:
                                oneOf:
                                  - allOf:
                                      - $ref: '#/components/schemas/Base'
                                      - {type: object, required: [bark], properties: {bark: {type: boolean}}}
                                  - allOf:
                                      - $ref: '#/components/schemas/Base'
                                      - {type: object, required: [purr], properties: {purr: {type: integer}}}
                components:
                  schemas:
                    Base: {type: object, required: [id], properties: {id: {type: string}}}
                """;
        OpenAPI api = SpecReader.parse(spec, "pets");
        SchemaWalker walker = new SchemaWalker(api.getComponents().getSchemas());

        var fields = walker.flatten(api.getPaths().get("/pets").getGet().getResponses().get("200").getContent()
                .get("application/json").getSchema(), true);

        assertEquals("object", fields.get("").typeLabel());
        assertTrue(fields.get("id").required(), "id is in every variant (through the shared Base)");
        assertFalse(fields.get("bark").required(), "bark is only in the first variant");
        assertEquals("integer", fields.get("purr").typeLabel());
    }

    @Test
    void givenAReport_whenWrittenAsJson_thenEachChangeCarriesKindSeverityOperationLocationOldAndNew()
            throws Exception {
        DiffReport report = DiffReport.of("v1", SpecReader.read(resource("shop-v1.yaml")), "v2",
                SpecReader.read(resource("shop-v2.yaml")));

        JsonNode json = new ObjectMapper().readTree(report.json());

        assertEquals(9, json.get("breaking").asInt());
        assertEquals(11, json.get("nonBreaking").asInt());
        JsonNode first = json.get("changes").get(0);
        assertEquals("breaking", first.get("severity").asText());
        assertEquals("enum-value-removed", first.get("kind").asText());
        assertEquals("GET /v1/customers", first.get("operation").asText());
        assertEquals("query: status", first.get("location").asText());
        assertEquals("deleted", first.get("old").asText());
        assertTrue(first.get("new").isNull());
    }

    private static String nodeSpec(String nameField) {
        return """
                openapi: 3.0.3
                info: {title: t, version: "1"}
                paths:
                  /nodes/{id}:
                    get:
                      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                      responses:
                        "200":
                          description: ok
                          content:
                            application/json:
                              schema: {$ref: '#/components/schemas/Node'}
                components:
                  schemas:
                    Node:
                      type: object
                      properties:
                        %s
                        parent: {$ref: '#/components/schemas/Node'}
                        children: {type: array, items: {$ref: '#/components/schemas/Node'}}
                """.formatted(nameField);
    }

    private static List<String> lines(DiffReport report) {
        return report.changes().stream()
                .map(c -> c.severity() + " | " + c.operation() + " | " + c.describe()).toList();
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(SpecDiffTest.class.getResource("/diff/" + name).toURI());
    }
}
