package dev.twin.replayer.internal.sandbox;

import dev.twin.replayer.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Operation globs longer than {@code OperationGlob.MAX_LENGTH} (256) are refused where they are given — the admin
 * API with a 400, twin.yaml with a config problem at its line — instead of being matched against every operation.
 */
class OperationGlobLimitsTest {
    /** 300 characters: once a backtracking regex that held a core (and every API request) for minutes. */
    private static final String TOO_LONG = "*".repeat(299) + "x";

    @TempDir
    Path dir;

    @Test
    void aTooLongGlobThroughTheAdminApiIsRefusedAndServingIsUnchanged() throws Exception {
        try (SandboxFixture twin = SandboxFixture.start(dir, "")) {
            String before = twin.get("/ping", "sk_test_glob").body();

            HttpResponse<String> refused = twin.send(twin.request("/__twin/faults", null)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"operation\": \"" + TOO_LONG
                            + "\", \"fault\": \"status-503\"}")).build());

            assertEquals(400, refused.statusCode(), refused.body());
            assertTrue(refused.body().contains("an operation glob can be at most 256 characters; this one has 300"),
                    refused.body());
            HttpResponse<String> after = twin.get("/ping", "sk_test_glob");
            assertEquals(200, after.statusCode());
            assertEquals(before, after.body());
            assertEquals("{\"faults\":[]}", twin.get("/__twin/faults", null).body());
        }
    }

    @Test
    void aTooLongFaultGlobInTwinYamlIsAConfigProblemAtItsLine() {
        ConfigException e = assertThrows(ConfigException.class, () -> SandboxFixture.start(dir, """
                faults:
                  rules:
                    - {operation: "%s", fault: status-503}
                """.formatted(TOO_LONG)));

        assertEquals(1, e.problems().size(), e.getMessage());
        String problem = e.problems().get(0).toString();
        assertTrue(problem.contains("twin.yaml:13:"), problem);
        assertTrue(problem.contains("an operation glob can be at most 256 characters; this one has 300"), problem);
    }

    @Test
    void aTooLongScenarioGlobInTwinYamlIsAConfigProblemAtItsLine() {
        ConfigException e = assertThrows(ConfigException.class, () -> SandboxFixture.start(dir, """
                scenarios:
                  - name: slow
                    when: {operation: "%s"}
                    then: {status: 418}
                """.formatted(TOO_LONG)));

        assertEquals(1, e.problems().size(), e.getMessage());
        String problem = e.problems().get(0).toString();
        assertTrue(problem.contains("twin.yaml:13:"), problem);
        assertTrue(problem.contains("an operation glob can be at most 256 characters; this one has 300"), problem);
    }
}
