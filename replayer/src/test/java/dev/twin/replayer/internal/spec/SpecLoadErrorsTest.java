package dev.twin.replayer.internal.spec;

import dev.twin.replayer.internal.startup.StartupCache;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A spec that cannot be served is refused at load with its file, line and column, whatever is wrong with it. */
class SpecLoadErrorsTest {
    private static final String PETS = """
            openapi: 3.0.3
            info: {title: pets, version: '1'}
            paths:
              /pets:
                get:
                  responses: {'200': {description: ok}}
              %s:
                get:
                  responses: {'200': {description: ok}}
            """;

    @TempDir
    Path dir;

    private String problem(String name, String text) throws IOException {
        return problem(name, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The message as the user sees it, with the temp directory taken off the file name. */
    private String problem(String name, byte[] bytes) throws IOException {
        Path file = Files.write(dir.resolve(name), bytes);
        SpecException e = assertThrows(SpecException.class, () -> SpecLoader.load(file, "api", StartupCache.DISABLED));
        return e.getMessage().replace(dir + "/", "");
    }

    @Test
    void givenAPathTemplateMissingItsClosingBrace_whenLoaded_thenItIsAProblemAtThePathsLine() throws IOException {
        assertEquals("api.yaml:7:3: path template '{' at column 7 has no closing '}' in '/pets/{petId'",
                problem("api.yaml", PETS.formatted("/pets/{petId")));
    }

    @Test
    void givenOperationMembersOfTheWrongType_whenLoaded_thenEachIsAProblemAtItsLineNotAtTheFirstRequest()
            throws IOException {
        String operation = """
                openapi: 3.0.3
                info: {title: pets, version: '1'}
                paths:
                  /pets/{id}:
                    get:
                      %s
                      responses: {'200': {description: ok}}
                """;
        assertEquals("api.yaml:6:7: 'parameters' must be a list",
                problem("api.yaml", operation.formatted("parameters: 5")));
        assertEquals("api.yaml:6:20: parameter 0 must be an object",
                problem("api.yaml", operation.formatted("parameters: [id]")));
        assertEquals("api.yaml:6:7: 'requestBody' must be an object",
                problem("api.yaml", operation.formatted("requestBody: []")));
        assertEquals("api.yaml:6:7: operationId must be a string",
                problem("api.yaml", operation.formatted("operationId: [a]")));
        assertEquals("api.yaml:6:31: 'required' must be true or false",
                problem("api.yaml", operation.formatted("parameters: [{name: id, required: maybe, in: path}]")));
        assertEquals("api.yaml:6:21: 'content' must be an object",
                problem("api.yaml", operation.formatted("requestBody: {content: 5}")));
    }

    @Test
    void givenAnEmptyParameter_whenLoaded_thenItIsAProblem() throws IOException {
        assertEquals("api.yaml:7:3: path template empty parameter name '{}' in '/pets/{}'",
                problem("api.yaml", PETS.formatted("/pets/{}")));
    }

    @Test
    void givenAParameterNamedTwice_whenLoaded_thenItIsAProblem() throws IOException {
        assertEquals("api.yaml:7:3: path template parameter 'id' appears twice in '/pets/{id}/toys/{id}'",
                problem("api.yaml", PETS.formatted("/pets/{id}/toys/{id}")));
    }

    @Test
    void givenAQuestionMarkInAPath_whenLoaded_thenItCannotRoute() throws IOException {
        String problem = problem("api.yaml", PETS.formatted("/pets?kind=dog"));
        assertEquals(true, problem.startsWith("api.yaml:7:3: path template character '?' at column 6"), problem);
    }

    @Test
    void givenABraceInsideAParameter_whenLoaded_thenItIsAProblem() throws IOException {
        String problem = problem("api.yaml", PETS.formatted("/pets/{a{b}}"));
        assertEquals(true, problem.startsWith("api.yaml:7:3: path template '{' inside the parameter"), problem);
    }

    @Test
    void givenTwoTemplatesThatDifferOnlyByParameterNames_whenLoaded_thenTheSecondIsLeftOutWithAWarning()
            throws Exception {
        String yaml = PETS.formatted("/pets/{id}") + """
                  /pets/{petId}:
                    get:
                      responses: {'200': {description: ok}}
                """;
        Path file = Files.writeString(dir.resolve("api.yaml"), yaml);

        SpecDocument loaded = SpecLoader.load(file, "api", StartupCache.DISABLED);

        assertEquals(List.of("GET /pets", "GET /pets/{id}"), loaded.operations().stream()
                .map(o -> o.method() + " " + o.pathTemplate()).toList());
        SpecProblem warning = loaded.warnings().stream().filter(w -> w.message().contains("same route"))
                .findFirst().orElseThrow();
        assertEquals("11:5 /paths/~1pets~1{petId}/get: GET '/pets/{petId}' takes the same route as '/pets/{id}': "
                + "parameter names do not tell requests apart, so requests go to '/pets/{id}' and this one is not "
                + "served", warning.line() + ":" + warning.column() + " " + warning.message());
    }

    @Test
    void givenABrokenTemplateInAJsonSpec_whenLoaded_thenItIsAtTheJsonLine() throws IOException {
        String json = "{\"openapi\": \"3.0.3\",\n \"paths\": {\n  \"/a\": {},\n  \"/b/{x\": {}\n }\n}";
        assertEquals("api.json:4:3: path template '{' at column 4 has no closing '}' in '/b/{x'",
                problem("api.json", json));
    }

    @Test
    void givenAnUnsupportedOpenApiVersion_whenLoaded_thenItIsAtTheVersionLine() throws IOException {
        assertEquals("api.yaml:2:1: unsupported OpenAPI version '9.9.9' (twin reads 3.0, 3.1 and Swagger 2.0)",
                problem("api.yaml", "info: {title: t, version: '1'}\nopenapi: 9.9.9\npaths: {}\n"));
    }

    @Test
    void givenAnHtmlPage_whenLoaded_thenItIsNotASpecAtLineOne() throws IOException {
        assertEquals("api.yaml:1:1: not an OpenAPI document: this is HTML or XML (a web page saved instead of "
                + "the spec?)", problem("api.yaml", "\n<!DOCTYPE html>\n<html><body>hi</body></html>\n"));
    }

    @Test
    void givenAnEmptyFile_whenLoaded_thenItIsNotASpec() throws IOException {
        assertEquals("api.yaml:1:1: not an OpenAPI document: the file is empty", problem("api.yaml", "\n \n"));
    }

    @Test
    void givenABinaryFile_whenLoaded_thenItIsNotASpec() throws IOException {
        assertEquals("api.yaml:1:1: not an OpenAPI document: not text (a binary file?)",
                problem("api.yaml", new byte[] {'P', 'K', 3, 4, 0, 0, (byte) 0x86}));
    }

    @Test
    void givenInvalidUtf8_whenLoaded_thenItIsNotText() throws IOException {
        assertEquals("api.yaml:2:4: not an OpenAPI document: not UTF-8 text (a binary file?)",
                problem("api.yaml", new byte[] {'x', '\n', 'a', ':', ' ', (byte) 0x86, (byte) 0xff, '\n'}));
    }

    @Test
    void givenYamlOfSomethingElse_whenLoaded_thenTheVersionFieldIsMissing() throws IOException {
        assertEquals("api.yaml:1:1: not an OpenAPI document: no 'openapi' or 'swagger' version field",
                problem("api.yaml", "name: my-app\nservices: [web, db]\n"));
    }

    @Test
    void givenAYamlList_whenLoaded_thenItIsNotASpec() throws IOException {
        assertEquals("api.yaml:1:1: not an OpenAPI document: expected a mapping with an 'openapi' (or 'swagger') "
                + "version at the top level, got a list", problem("api.yaml", "- a\n- b\n"));
    }

    @Test
    void givenPathsThatIsNotAMappingInYaml_whenLoaded_thenItIsAtTheYamlLine() throws IOException {
        assertEquals("api.yaml:3:1: 'paths' must be an object",
                problem("api.yaml", "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: [1, 2]\n"));
    }

    @Test
    void givenABrokenTemplateInASwagger2Spec_whenLoaded_thenItIsAtTheOriginalLine() throws IOException {
        String yaml = """
                swagger: '2.0'
                info: {title: t, version: '1'}
                paths:
                  /a/{id:
                    get:
                      responses: {'200': {description: ok}}
                """;
        assertEquals("api.yaml:4:3: path template '{' at column 4 has no closing '}' in '/a/{id'",
                problem("api.yaml", yaml));
    }

    @Test
    void givenAPathWrittenTwiceInYaml_whenLoaded_thenItIsADuplicateKeyNotALostPath() throws IOException {
        String problem = problem("api.yaml", PETS.formatted("/pets"));
        assertEquals(true, problem.startsWith("api.yaml:8:") && problem.contains("duplicate key '/pets'"), problem);
    }

    @Test
    void givenSwaggerParserMessages_whenTheyNameAnAttribute_thenThatIsAPointer() {
        assertEquals("/paths/~1pets/get/responses",
                SwaggerMessages.pointer("attribute paths.'/pets'(get).responses is missing"));
        assertEquals("/info", SwaggerMessages.pointer("attribute info is missing"));
        assertEquals(null, SwaggerMessages.pointer("unreadable"));
    }
}
