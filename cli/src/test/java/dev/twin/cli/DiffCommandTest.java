package dev.twin.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.twin.cli.CliRun.Result;
import dev.twin.recorder.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.twin.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code twin diff}: drift between two specs or two recorded sessions; exit 0 fine, 1 breaking, 2 bad input. */
class DiffCommandTest {
    private static final String CUSTOMER_V1 = """
            openapi: 3.0.3
            info: {title: shop, version: "1"}
            paths:
              /customers/{id}:
                get:
                  responses:
                    "200":
                      description: one
                      content:
                        application/json:
                          schema:
                            type: object
                            required: [id, email]
                            properties:
                              id: {type: string}
                              email: {type: string}
            """;

    @TempDir
    Path dir;

    @Test
    void givenAResponseFieldRemoved_whenDiffed_thenItIsListedAsBreakingAndTheExitCodeIs1() throws Exception {
        Path old = write("old.yaml", CUSTOMER_V1);
        Path now = write("new.yaml", CUSTOMER_V1.replace("email: {type: string}", "name: {type: string}")
                .replace("[id, email]", "[id]"));

        Result result = run("diff", old.toString(), now.toString());

        assertEquals(1, result.exitCode(), result.err());
        assertEquals("Comparing " + old + " → " + now + ": 1 breaking change, 1 other change\n"
                + "\n"
                + "Breaking changes\n"
                + "  GET /customers/{id}\n"
                + "    200 response: email removed (was string)\n"
                + "\n"
                + "Other changes\n"
                + "  GET /customers/{id}\n"
                + "    200 response: name added (string)\n", result.out());
    }

    @Test
    void givenIdenticalSpecs_whenDiffed_thenNoChangesAndExitCode0() throws Exception {
        Path old = write("old.yaml", CUSTOMER_V1);
        Path now = write("new.json", "{\"openapi\": \"3.0.3\", \"info\": {\"title\": \"shop\", \"version\": \"1\"},"
                + " \"paths\": {\"/customers/{customer}\": {\"get\": {\"responses\": {\"200\": {\"description\": \"x\","
                + " \"content\": {\"application/json\": {\"schema\": {\"type\": \"object\", \"required\": [\"id\", "
                + "\"email\"], \"properties\": {\"id\": {\"type\": \"string\"}, \"email\": {\"type\": \"string\"}}}}}}}}}}}");

        Result result = run("diff", old.toString(), now.toString());

        assertEquals(0, result.exitCode(), result.err());
        assertEquals("Comparing " + old + " → " + now + ": no changes\n", result.out());
    }

    @Test
    void givenOnlyAdditions_whenDiffed_thenExitCode0AndTheyAreListedAsOtherChanges() throws Exception {
        Path old = write("old.yaml", CUSTOMER_V1);
        Path now = write("new.yaml", CUSTOMER_V1 + """
                    delete:
                      responses:
                        "204": {description: gone}
                """);

        Result result = run("diff", old.toString(), now.toString());

        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().endsWith("Other changes\n  DELETE /customers/{id}\n    operation added\n"),
                result.out());
    }

    @Test
    void givenJsonOptions_whenDiffed_thenTheFileAndTheOutputHoldTheSameJsonReport() throws Exception {
        Path old = write("old.yaml", CUSTOMER_V1);
        Path now = write("new.yaml", CUSTOMER_V1.replace("email: {type: string}", "email: {type: integer}"));
        Path json = dir.resolve("drift.json");

        Result printed = run("diff", old.toString(), now.toString(), "--format", "json");
        Result written = run("diff", old.toString(), now.toString(), "--json", json.toString());

        assertEquals(1, printed.exitCode(), printed.err());
        assertEquals(1, written.exitCode(), written.err());
        assertEquals(printed.out(), Files.readString(json));
        assertTrue(written.out().startsWith("Comparing "), written.out());
        JsonNode change = new ObjectMapper().readTree(json.toFile()).get("changes").get(0);
        assertEquals("breaking", change.get("severity").asText());
        assertEquals("field-retyped", change.get("kind").asText());
        assertEquals("GET /customers/{id}", change.get("operation").asText());
        assertEquals("200 response: email", change.get("location").asText());
        assertEquals("string", change.get("old").asText());
        assertEquals("integer", change.get("new").asText());
    }

    @Test
    void givenTwoRecordedSessions_whenDiffedFromTheStore_thenBothAreInferredAndTheirDriftReported() {
        Path store = store(
                customer("monday", "cus_NffrFeUfNV2Hib", "\"email\":\"a@b.io\",\"balance\":0"),
                customer("monday", "cus_Og7sKq2LmZpA9x", "\"email\":\"c@d.io\",\"balance\":120"),
                missing("monday", "resource_missing"),
                exchange("monday", "DELETE", "/v1/customers/cus_Og7sKq2LmZpA9x", 200,
                        "{\"id\":\"cus_Og7sKq2LmZpA9x\",\"object\":\"customer\",\"deleted\":true}"),
                customer("friday", "cus_NffrFeUfNV2Hib", "\"balance\":\"0\",\"phone\":\"+15005550006\""),
                customer("friday", "cus_Og7sKq2LmZpA9x", "\"balance\":\"120\",\"phone\":\"+15005550006\""),
                missing("friday", "customer_missing"));

        Result result = run("diff", "--store", store.toString(), "monday", "friday");

        assertEquals(1, result.exitCode(), result.err());
        assertEquals("Comparing session monday → session friday: 4 breaking changes, 2 other changes\n"
                + "\n"
                + "Breaking changes\n"
                + "  GET /v1/customers/{customer}\n"
                + "    200 response: balance retyped: integer → string\n"
                + "    200 response: email removed (was string(email))\n"
                + "    404 response: error.code lost error code resource_missing\n"
                + "  DELETE /v1/customers/{customer}\n"
                + "    operation removed\n"
                + "\n"
                + "Other changes\n"
                + "  GET /v1/customers/{customer}\n"
                + "    200 response: phone added (string)\n"
                + "    404 response: error.code gained error code customer_missing\n", result.out());
    }

    @Test
    void givenAnUnknownSession_whenDiffed_thenExitCode2NamingTheSessionsThereAre() {
        Path store = store(customer("monday", "cus_NffrFeUfNV2Hib", "\"balance\":0"));

        Result result = run("diff", "--store", store.toString(), "monday", "sunday");

        assertEquals(2, result.exitCode());
        assertEquals("twin diff: no session 'sunday' in " + store + "; sessions are: monday", result.err().strip());
        assertEquals("", result.out());
    }

    @Test
    void givenAMissingFile_whenDiffed_thenExitCode2NamingIt() throws Exception {
        Path old = write("old.yaml", CUSTOMER_V1);

        Result result = run("diff", old.toString(), dir.resolve("nope.yaml").toString());

        assertEquals(2, result.exitCode());
        assertEquals("twin diff: " + dir.resolve("nope.yaml") + ": no such file", result.err().strip());
    }

    @Test
    void givenAFileThatIsNotAnOpenApiDocument_whenDiffed_thenExitCode2SayingWhereAndWhy() throws Exception {
        Path old = write("old.yaml", CUSTOMER_V1);
        Path config = write("twin.yaml", "imports:\n  - {path: api.yaml, as: api}\n");
        Path broken = write("broken.yaml", "openapi: 3.0.3\npaths: [\n  nope: {\n");

        Result notOpenApi = run("diff", old.toString(), config.toString());
        Result notYaml = run("diff", broken.toString(), old.toString());

        assertEquals(2, notOpenApi.exitCode());
        assertEquals("twin diff: " + config + ":1:1: not an OpenAPI document: no 'openapi' or 'swagger' version "
                + "field", notOpenApi.err().strip());
        assertEquals(2, notYaml.exitCode());
        assertTrue(notYaml.err().startsWith("twin diff: " + broken + ":3:") && notYaml.err().contains("invalid YAML"),
                notYaml.err());
        assertFalse(notYaml.err().contains("Exception"), notYaml.err());
    }

    @Test
    void givenAnOpenApiDocumentWhosePathsDoNotParse_whenDiffed_thenExitCode2AtTheLineOfPaths() throws Exception {
        Path old = write("old.yaml", CUSTOMER_V1);
        Path broken = write("broken.yaml", "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: [1, 2]\n");

        Result result = run("diff", old.toString(), broken.toString());

        assertEquals(2, result.exitCode(), result.out());
        assertEquals("twin diff: " + broken + ":3:1: 'paths' must be an object", result.err().strip());
    }

    @Test
    void givenADirectoryWrittenByInfer_whenDiffed_thenItsOpenapiYamlIsCompared() throws Exception {
        Path old = write("old.yaml", CUSTOMER_V1);
        Files.createDirectories(dir.resolve("twin-out"));
        write("twin-out/openapi.yaml", CUSTOMER_V1);
        Files.createDirectories(dir.resolve("empty"));

        Result same = run("diff", old.toString(), dir.resolve("twin-out").toString());
        Result empty = run("diff", old.toString(), dir.resolve("empty").toString());

        assertEquals(0, same.exitCode(), same.err());
        assertTrue(same.out().endsWith(": no changes\n"), same.out());
        assertEquals(2, empty.exitCode());
        assertTrue(empty.err().contains(dir.resolve("empty") + " is a directory without an openapi.yaml"),
                empty.err());
    }

    private Path write(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private Path store(Exchange... exchanges) {
        return TestStores.write(dir.resolve("twin.db"), exchanges);
    }

    private static Exchange customer(String session, String id, String fields) {
        return exchange(session, "GET", "/v1/customers/" + id, 200,
                "{\"id\":\"" + id + "\",\"object\":\"customer\"," + fields + "}");
    }

    private static Exchange missing(String session, String code) {
        return exchange(session, "GET", "/v1/customers/cus_Zq4TbWmXy8PoLk", 404, "{\"error\":{\"type\":"
                + "\"invalid_request_error\",\"code\":\"" + code + "\",\"message\":\"No such customer\"}}");
    }

    private static Exchange exchange(String session, String method, String path, int status, String body) {
        return TestStores.answered(session, method, path, status, "application/json", body);
    }
}
