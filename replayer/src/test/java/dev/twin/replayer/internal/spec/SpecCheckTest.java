package dev.twin.replayer.internal.spec;

import dev.twin.replayer.internal.startup.StartupCache;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The full check of a spec at load: what makes the document unreadable is an error at its line and JSON pointer,
 * all of them at once; what one operation cannot live with is a warning naming the operations that answer 501;
 * everything else is served.
 */
class SpecCheckTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    /** The errors as the user sees them, the temp directory taken off the file name. */
    private String errors(String name, String text) throws IOException {
        Path file = write(name, text);
        SpecException e = assertThrows(SpecException.class, () -> SpecLoader.load(file, "api", StartupCache.DISABLED));
        return e.getMessage().replace(dir + "/", "");
    }

    private SpecDocument served(String name, String text) throws Exception {
        return SpecLoader.load(write(name, text), "api", StartupCache.DISABLED);
    }

    private static List<String> warnings(SpecDocument document) {
        return document.warnings().stream().map(w -> w.line() + ":" + w.column() + " " + w.message()).toList();
    }

    private static ApiOperation operation(SpecDocument document, String id) {
        return document.operations().stream().filter(o -> o.operationId().equals(id)).findFirst().orElseThrow();
    }

    private static final String WRONG_TYPES = """
            openapi: %s
            info: {title: wrong types, version: '1'}
            paths:
              /pets/{petId}:
                get:
                  parameters:
                    - {name: petId, in: path, required: true, schema: 5}
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/Pet'}
            components:
              schemas:
                Pet:
                  type: object
                  properties: [id, name]
                Tag:
                  type: object
                  required: name
            """;

    @Test
    void givenMembersOfTheWrongTypeInAn30Document_whenLoaded_thenEachIsAnErrorAtItsLineAndPointer()
            throws IOException {
        assertEquals("""
                api.yaml:7:51: /paths/~1pets~1{petId}/get/parameters/0/schema: must be an object, not 5
                api.yaml:18:7: /components/schemas/Pet/properties: must be an object, not a list
                api.yaml:21:7: /components/schemas/Tag/required: must be a list, not 'name'""",
                errors("api.yaml", WRONG_TYPES.formatted("3.0.3")));
    }

    @Test
    void givenTheSameMistakesInA31Document_whenLoaded_thenTheyAreTheSameErrors() throws IOException {
        assertEquals("""
                api.yaml:7:51: /paths/~1pets~1{petId}/get/parameters/0/schema: must be an object, not 5
                api.yaml:18:7: /components/schemas/Pet/properties: must be an object, not a list
                api.yaml:21:7: /components/schemas/Tag/required: must be a list, not 'name'""",
                errors("api.yaml", WRONG_TYPES.formatted("3.1.0")));
    }

    @Test
    void givenAWrongTypeInASwagger2Document_whenLoaded_thenTheErrorIsAtTheOriginalLine() throws IOException {
        assertEquals("api.json:5:30: /definitions/Pet/properties: must be an object, not a list", errors("api.json", """
                {"swagger": "2.0", "info": {"title": "t", "version": "1"},
                 "paths": {"/pets": {"get": {"responses": {"200": {"description": "ok",
                   "schema": {"$ref": "#/definitions/Pet"}}}}}},
                 "definitions": {
                   "Pet": {"type": "object", "properties": ["id"]}}}
                """));
    }

    @Test
    void givenAValueOnlySwaggersModelReaderRefuses_whenLoaded_thenItIsAnErrorAtItsPointer() throws IOException {
        assertEquals("api.yaml:6:26: /components/schemas/Name/maxLength: must be an integer, not 'long'",
                errors("api.yaml", """
                        openapi: 3.1.0
                        info: {title: t, version: '1'}
                        paths: {}
                        components:
                          schemas:
                            Name: {type: string, maxLength: long}
                        """));
    }

    @Test
    void givenARefToNothingBehindAComponent_whenLoaded_thenTheOperationsReachingItAnswer501AndTheRestServe()
            throws Exception {
        SpecDocument document = served("api.yaml", """
                openapi: 3.0.3
                info: {title: t, version: '1'}
                paths:
                  /pets:
                    get:
                      operationId: listPets
                      responses: {'200': {description: ok}}
                  /pets/{id}:
                    get:
                      operationId: getPet
                      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                      responses:
                        '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Pet'}}}}
                components:
                  schemas:
                    Pet:
                      type: object
                      properties:
                        owner: {$ref: '#/components/schemas/Owner'}
                """);

        assertEquals(List.of("19:17 /components/schemas/Pet/properties/owner/$ref: $ref '#/components/schemas/Owner' "
                + "points at nothing in this document; GET /pets/{id} answers 501 until it is fixed"),
                warnings(document));
        assertEquals(List.of("/paths/~1pets~1{id}/get"), document.unservable(operation(document, "getPet"))
                .operations());
        assertNull(document.unservable(operation(document, "listPets")));
    }

    @Test
    void givenACycleOfBareRefs_whenLoaded_thenItIsOneWarningAndTheOperationsReachingItAnswer501() throws Exception {
        SpecDocument document = served("api.yaml", """
                openapi: 3.0.3
                info: {title: t, version: '1'}
                paths:
                  /pets:
                    get:
                      operationId: listPets
                      responses:
                        '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Pets'}}}}
                  /nodes:
                    get:
                      operationId: listNodes
                      responses:
                        '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Node'}}}}
                components:
                  schemas:
                    Pets: {$ref: '#/components/schemas/PetList'}
                    PetList: {$ref: '#/components/schemas/Pets'}
                    Node:
                      type: object
                      properties:
                        children: {type: array, items: {$ref: '#/components/schemas/Node'}}
                """);

        assertEquals(List.of("17:15 /components/schemas/PetList/$ref: $ref '#/components/schemas/Pets' goes round a"
                + " cycle of references that never reaches a schema (PetList → Pets → PetList); GET /pets answers"
                + " 501 until it is fixed"), warnings(document));
        assertEquals(List.of("/paths/~1pets/get"), document.unservable(operation(document, "listPets")).operations());
        assertNull(document.unservable(operation(document, "listNodes")), "a recursive schema is no such cycle");
    }

    @Test
    void givenARefIntoAnotherFile_whenLoaded_thenItIsAWarningAndItsOperationAnswers501() throws Exception {
        SpecDocument document = served("api.yaml", """
                openapi: 3.0.3
                info: {title: t, version: '1'}
                paths:
                  /pets:
                    get:
                      operationId: listPets
                      parameters: [{$ref: 'common.yaml#/components/parameters/Limit'}]
                      responses: {'200': {description: ok}}
                """);

        assertEquals(List.of("7:21 /paths/~1pets/get/parameters/0/$ref: $ref 'common.yaml#/components/parameters/"
                + "Limit' is in another document; twin reads one file and does not follow it; GET /pets answers "
                + "501 until it is fixed"), warnings(document));
    }

    @Test
    void givenARefToNothingInASwagger2Document_whenLoaded_thenTheWarningIsAtTheRefAsWritten() throws Exception {
        SpecDocument document = served("api.yaml", """
                swagger: '2.0'
                info: {title: t, version: '1'}
                paths:
                  /pets:
                    get:
                      operationId: listPets
                      responses: {'200': {description: ok, schema: {$ref: '#/definitions/Pet'}}}
                """);

        assertEquals(List.of("7:53 /paths/~1pets/get/responses/200/schema/$ref: $ref '#/definitions/Pet' points at "
                + "nothing in this document; GET /pets answers 501 until it is fixed"), warnings(document));
        assertEquals(List.of("/paths/~1pets/get"), document.unservable(operation(document, "listPets")).operations());
    }

    @Test
    void givenTwoOperationsWithOneId_whenLoaded_thenTheLaterIsServedUnderANewIdWithAWarning() throws Exception {
        SpecDocument document = served("api.yaml", """
                openapi: 3.0.3
                info: {title: t, version: '1'}
                paths:
                  /pets:
                    get:
                      operationId: list
                      responses: {'200': {description: ok}}
                  /owners:
                    get:
                      operationId: list
                      responses: {'200': {description: ok}}
                """);

        assertEquals(List.of("api.list", "api.list2"), document.operations().stream().map(ApiOperation::id).toList());
        assertEquals(List.of("10:7 /paths/~1owners/get/operationId: 'list' is also the id of GET /pets; this "
                + "operation is served as api.list2"), warnings(document));
    }

    @Test
    void givenAMisspelledMember_whenLoaded_thenItIsAWarningAndTheOperationIsServed() throws Exception {
        SpecDocument document = served("api.yaml", """
                openapi: 3.0.3
                info: {title: t, version: '1'}
                paths:
                  /pets:
                    get:
                      operationId: list
                      respones: {'200': {description: ok}}
                """);

        assertEquals(List.of("5:5 /paths/~1pets/get: 'responses' is missing",
                "7:7 /paths/~1pets/get/respones: not an OpenAPI member here (a typo? extensions start with x-)"),
                warnings(document));
        assertNull(document.unservable(operation(document, "list")));
    }

    @Test
    void givenARefLikeObjectInsideAnExample_whenLoaded_thenItIsDataNotAReference() throws Exception {
        SpecDocument document = served("api.yaml", """
                openapi: 3.0.3
                info: {title: t, version: '1'}
                paths:
                  /schemas:
                    get:
                      operationId: list
                      responses:
                        '200':
                          description: ok
                          content:
                            application/json:
                              example: {$ref: '#/nowhere'}
                              schema:
                                type: object
                                properties:
                                  $ref: {type: string}
                """);

        assertEquals(List.of(), warnings(document));
    }

    @Test
    void givenTheExampleSpecs_whenChecked_thenNoneHasAProblem() throws Exception {
        for (String spec : List.of("stripe/spec3.json", "twilio/twilio_api_v2010.json", "petstore/petstore.yaml")) {
            SpecDocument document = SpecLoader.load(Path.of("..", "examples").resolve(spec), "example",
                    StartupCache.DISABLED);
            assertEquals(List.of(), warnings(document), spec);
        }
    }
}
