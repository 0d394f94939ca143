package dev.twin.replayer.internal.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A scenario whose {@code when.match} runs a regex that backtracks catastrophically on a request value: the match
 * is stopped by its step budget and the request gets a clear 400 naming the scenario and where its match is
 * written, instead of holding a core (this pattern takes seconds on 28 characters and years on 40).
 */
class ScenarioExpressionBudgetTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "sk_test_budget";

    @TempDir
    Path dir;

    @Test
    void aRunawayMatchIsAClear400AndTheTwinAnswersNormallyAfterwards() throws Exception {
        try (SandboxFixture twin = SandboxFixture.start(dir, """
                scenarios:
                  - name: suspicious-name
                    when: {operation: things.createThing, match: "input.name =~ '(.*a){12}b'"}
                    then: {status: 418}
                """)) {
            HttpResponse<String> created = twin.postJson("/things", KEY, "{\"name\": \"lamp\"}");
            assertEquals(201, created.statusCode(), created.body());
            String thingPath = "/things/" + JSON.readTree(created.body()).get("id").asText();

            HttpResponse<String> runaway = twin.postJson("/things", KEY, "{\"name\": \"" + "a".repeat(40) + "\"}");

            assertEquals(400, runaway.statusCode(), runaway.body());
            String message = JSON.readTree(runaway.body()).get("error").get("message").asText();
            assertTrue(message.startsWith("Scenario 'suspicious-name' could not be decided for this request: its "
                    + "when.match at "), message);
            assertTrue(message.contains("twin.yaml:13:"), message);
            assertTrue(message.contains("the pattern '(.*a){12}b' took more than 1000000 steps"), message);
            JsonNode list = JSON.readTree(twin.get("/things", KEY).body()).get("data");
            assertEquals(1, list.size(), "the refused request stored nothing");
            HttpResponse<String> again = twin.get(thingPath, KEY);
            assertEquals(200, again.statusCode());
            assertEquals(JSON.readTree(created.body()), JSON.readTree(again.body()));
            assertEquals(418, twin.postJson("/things", KEY, "{\"name\": \"" + "a".repeat(12) + "b\"}").statusCode(),
                    "a value the pattern matches quickly still chooses the scenario");
        }
    }
}
