package dev.twin.replayer.internal.binding;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A spec {@code pattern} that backtracks catastrophically against a request value (this one takes seconds on 28
 * characters and years on 40) is matched within a step budget: the value counts as not matching and gets the
 * pattern's 422 at once, and the twin answers the next request as before.
 */
class SpecPatternBudgetTest {
    private static final String SPEC = """
            openapi: 3.0.3
            info: {title: patterns, version: '1'}
            paths:
              /things:
                post:
                  operationId: createThing
                  requestBody:
                    required: true
                    content:
                      application/x-www-form-urlencoded:
                        schema:
                          type: object
                          properties: {code: {type: string, pattern: '(.*a){12}b'}}
                  responses:
                    '200': {description: ok, content: {application/json: {example: {created: true}}}}
            """;

    @TempDir
    Path dir;

    @Test
    void aBacktrackingPatternAgainstALongValueIsAnsweredAtOnce() throws Exception {
        Files.writeString(dir.resolve("spec.yaml"), SPEC);
        Path config = Files.writeString(dir.resolve("twin.yaml"), "imports:\n  - {path: spec.yaml, as: p}\n");
        try (RunningTwin twin = RunningTwin.of(config)) {
            RunningTwin.Reply runaway = twin.postForm("/things", null, Map.of("code", "a".repeat(40)));

            assertEquals(422, runaway.status(), runaway.raw().body());
            assertEquals("Invalid code: must match the pattern (.*a){12}b.",
                    runaway.body().get("detail").asText(), runaway.raw().body());
            RunningTwin.Reply normal = twin.postForm("/things", null, Map.of("code", "a".repeat(12) + "b"));
            assertEquals(200, normal.status(), normal.raw().body());
            assertEquals("{\"created\":true}", normal.raw().body());
        }
    }
}
