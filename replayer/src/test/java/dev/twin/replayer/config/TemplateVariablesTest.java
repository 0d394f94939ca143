package dev.twin.replayer.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A template reading a name its context does not have is a config problem at load, not an empty string later. */
class TemplateVariablesTest {
    private static final String IMPORT = "imports: [{path: spec.yaml, as: stripe}]\n";

    @TempDir
    Path dir;

    private List<String> problems(String yaml) {
        Path file = ConfigFiles.twinYaml(dir, IMPORT + yaml);
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file));
        return e.problems().stream().map(p -> p.toString().replace(dir + "/", "")).toList();
    }

    private void loads(String yaml) throws ConfigException {
        ConfigLoader.load(ConfigFiles.twinYaml(dir, IMPORT + yaml));
    }

    @Test
    void givenAnUnknownVariableInAnInjectedField_whenLoaded_thenTheVariableAndWhatIsKnownAreNamed() {
        assertEquals(List.of("twin.yaml:4:22: conventions.fields.inject.object: unknown variable 'nosuch'; this "
                        + "template can read item (the row) in \"{{nosuch.var}}\""),
                problems("conventions:\n  fields:\n    inject: {object: \"{{nosuch.var}}\"}\n"));
    }

    @Test
    void givenAnUnknownFieldOfTheRequest_whenLoaded_thenTheRequestsFieldsAreNamed() {
        assertEquals(List.of("twin.yaml:4:24: conventions.list.extraFields.url: unknown field 'query' of 'request'; "
                        + "it has path, method, lastSegment in \"{{request.query}}\""),
                problems("conventions:\n  list:\n    extraFields: {url: \"{{request.query}}\"}\n"));
    }

    @Test
    void givenATypoInAnErrorField_whenLoaded_thenTheClosestFieldIsSuggested() {
        List<String> problems = problems("conventions:\n  errors:\n"
                + "    extraFields: {more_info: \"x/{{error.cod}}\"}\n");
        assertEquals(1, problems.size(), problems.toString());
        assertEquals(true, problems.get(0).contains("unknown field 'cod' of 'error'")
                && problems.get(0).contains("(did you mean 'code'?)"), problems.toString());
    }

    @Test
    void givenTheRowInAnErrorBody_whenLoaded_thenItIsUnknownThere() {
        List<String> problems = problems("conventions:\n  errors:\n    bodies: {NOT_FOUND: {id: \"{{item.id}}\"}}\n");
        assertEquals(1, problems.size(), problems.toString());
        assertEquals(true, problems.get(0).contains("unknown variable 'item'; this template can read error (code, "
                + "message, param, status, type) and request (path, method, lastSegment)"), problems.toString());
    }

    @Test
    void givenAFieldOfASingleValue_whenLoaded_thenItIsAProblem() {
        List<String> problems = problems("conventions:\n  errors:\n    messageMap: {NOT_FOUND: \"{{id.x}} gone\"}\n");
        assertEquals(true, problems.get(0).contains("'id' is a single value, it has no field 'x'"),
                problems.toString());
    }

    @Test
    void givenAMessageForAnotherKindThanNotFound_whenLoaded_thenItIsAProblemSinceItWouldNeverBeUsed() {
        List<String> problems = problems("conventions:\n  errors:\n    messageMap: {CONFLICT: taken}\n");
        assertEquals(List.of("twin.yaml:4:18: conventions.errors.messageMap.CONFLICT: only NOT_FOUND's message is a "
                + "template; a CONFLICT message comes from its cause (reshape it with errors.bodies)"), problems);
    }

    @Test
    void givenRandomWithoutALength_whenLoaded_thenItIsAProblem() {
        List<String> problems = problems("conventions:\n  create:\n    generate: {secret: \"{{random}}\"}\n");
        assertEquals(true, problems.get(0).contains("random needs a length"), problems.toString());
    }

    @Test
    void givenAPartial_whenLoaded_thenItIsAProblem() {
        List<String> problems = problems("conventions:\n  fields:\n    inject: {a: \"{{> header}}\"}\n");
        assertEquals(true, problems.get(0).contains("partials"), problems.toString());
    }

    @Test
    void givenAnUnknownVariableInAScenarioMessage_whenLoaded_thenTheScenarioVariablesAreNamed() {
        List<String> problems = problems("""
                scenarios:
                  - name: bad-number
                    when: {operation: "stripe.*"}
                    then:
                      error: {kind: VALIDATION_ERROR, message: "The number {{inputs.To}} is not valid"}
                """);
        assertEquals(1, problems.size(), problems.toString());
        assertEquals(true, problems.get(0).contains("unknown variable 'inputs'; this template can read input, body, "
                + "query, headers, tenant, operation, row, magic, result"), problems.toString());
    }

    @Test
    void givenNamesEachContextHas_whenLoaded_thenNothingIsReported() throws ConfigException {
        loads("""
                conventions:
                  fields:
                    inject: {a: "{{item.id}}", b: "{{this.item.name}}", c: "{{#if item.x}}{{item.x}}{{else}}-{{/if}}"}
                  list:
                    extraFields: {url: "{{request.path}}", m: "{{{request.method}}}", k: "{{! a comment }}",
                                  literal: '\\{{not.a.variable}}'}
                  create: {generate: {secret: "{{item.id}}_secret_{{random 24}}", pin: "{{random 4 \\"digits\\"}}"}}
                  delete: {body: {id: "{{item.id}}", tags: "{{#each item.tags}}{{name}}{{@index}}{{/each}}"}}
                  errors:
                    extraFields: {more_info: "https://x/{{error.code}}/{{error.status}}", p: "{{request.path}}"}
                    bodies: {VALIDATION_ERROR: {error: {message: "{{error.message}}", param: "{{error.param}}"}}}
                    messageMap: {NOT_FOUND: "No {{resource}} {{id}} at {{request.path}}"}
                scenarios:
                  - name: s
                    when: {operation: "stripe.*"}
                    then: {body: {a: "{{input.To}} {{tenant}} {{operation}} {{headers.x}} {{result.id}} {{row.id}}"}}
                """);
    }
}
