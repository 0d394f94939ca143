package dev.twin.replayer.internal.server;

import dev.twin.replayer.Twin;
import dev.twin.replayer.config.ConfigException;
import dev.twin.replayer.config.ConfigProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Specs that cannot be served stop the server from starting, with the file and the location. */
class SpecErrorsTest {
    @TempDir
    Path dir;

    private ConfigException startFails(String twinYaml) throws Exception {
        Path config = Files.writeString(dir.resolve("twin.yaml"), twinYaml);
        return assertThrows(ConfigException.class, () -> Twin.builder().config(config).start());
    }

    @Test
    void invalidJsonIsReportedWithFileLineAndColumn() throws Exception {
        Files.writeString(dir.resolve("broken.json"), "{\n  \"openapi\": \"3.0.0\",\n  \"paths\": {,\n}");

        ConfigException e = startFails("imports:\n  - path: broken.json\n    as: broken\n");

        ConfigProblem problem = e.problems().get(0);
        assertTrue(problem.location().file().endsWith("broken.json"), problem.toString());
        assertEquals(3, problem.location().line(), problem.toString());
        assertTrue(problem.message().startsWith("invalid JSON"), problem.toString());
    }

    @Test
    void invalidYamlIsReportedWithFileAndLine() throws Exception {
        Files.writeString(dir.resolve("broken.yaml"), "openapi: 3.0.0\npaths:\n  /a: [unclosed\n");

        ConfigException e = startFails("imports:\n  - path: broken.yaml\n    as: broken\n");

        assertTrue(e.problems().get(0).toString().contains("broken.yaml:"), e.getMessage());
        assertTrue(e.problems().get(0).message().startsWith("invalid YAML"), e.getMessage());
    }

    @Test
    void documentWithoutAVersionIsNotAnOpenApiDocument() throws Exception {
        Files.writeString(dir.resolve("other.json"), "{\"name\": \"not a spec\"}");

        ConfigException e = startFails("imports:\n  - path: other.json\n    as: other\n");

        assertTrue(e.getMessage().contains("not an OpenAPI document"), e.getMessage());
    }

    @Test
    void missingImportIsReportedWhereTwinYamlNamesIt() throws Exception {
        ConfigException e = startFails("version: 1\nimports:\n  - path: nowhere.json\n    as: gone\n");

        ConfigProblem problem = e.problems().get(0);
        assertTrue(problem.location().file().endsWith("twin.yaml"), problem.toString());
        assertTrue(problem.location().line() >= 3, problem.toString());
        assertTrue(problem.message().contains("nowhere.json"), problem.toString());
    }

    @Test
    void duplicateNamespaceIsReported() throws Exception {
        Files.writeString(dir.resolve("a.json"), "{\"openapi\": \"3.0.0\", \"paths\": {}}");
        Files.writeString(dir.resolve("b.json"), "{\"openapi\": \"3.0.0\", \"paths\": {}}");

        ConfigException e = startFails("imports:\n  - {path: a.json, as: api}\n  - {path: b.json, as: api}\n");

        assertTrue(e.getMessage().contains("api"), e.getMessage());
    }

    @Test
    void swaggerTwoDocumentsAreServedThroughConversion() throws Exception {
        Path spec = Files.writeString(dir.resolve("legacy.json"), """
                {"swagger": "2.0", "info": {"title": "legacy", "version": "1"}, "basePath": "/v2",
                 "paths": {"/things/{id}": {"get": {"parameters": [{"name": "id", "in": "path", "required": true,
                   "type": "string"}], "produces": ["application/json"],
                   "responses": {"200": {"description": "ok", "schema": {"type": "object",
                     "properties": {"id": {"type": "string"}}}}}}}}}
                """);
        try (Twin server = Twin.builder().specs(spec).start()) {
            assertEquals("legacy.GetThingsId", server.internals().server().api().operations().get(0).id());
            var response = new Http(server.baseUrl()).get("/v2/things/t_1");
            assertEquals(200, response.statusCode(), response.body());
            assertEquals("t_1", Http.json(response).get("id").asText());
        }
    }
}
