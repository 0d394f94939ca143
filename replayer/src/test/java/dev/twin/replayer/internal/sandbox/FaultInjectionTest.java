package dev.twin.replayer.internal.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.twin.replayer.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Faults and latency from twin.yaml and /__twin/faults, as real clients see them. */
class FaultInjectionTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static String faultOn(String operation, String fault) {
        return "faults:\n  rules:\n    - {operation: " + operation + ", fault: " + fault + "}\n";
    }

    private static int thingCount(SandboxFixture twin, String key) throws Exception {
        return JSON.readTree(twin.get("/things", key).body()).get("data").size();
    }

    private static HttpRequest createThing(SandboxFixture twin, String key) {
        return twin.request("/things", key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"lamp\"}")).build();
    }

    @Test
    void sameSeedGivesTheSameFaultSequenceAsTheDocumentedDraws() throws Exception {
        String yaml = "faults:\n  seed: 42\n  rules:\n"
                + "    - {operation: things.ping, fault: status-503, probability: 0.5}\n";
        List<Boolean> first = faultedPings(dir.resolve("a"), yaml, 40);
        List<Boolean> second = faultedPings(dir.resolve("b"), yaml, 40);

        SplittableRandom rule = new SplittableRandom(42).split();
        List<Boolean> documented = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            documented.add(rule.nextDouble() < 0.5);
        }
        assertEquals(first, second);
        assertEquals(documented, first);
        assertTrue(first.contains(true) && first.contains(false), first.toString());
    }

    private static List<Boolean> faultedPings(Path dir, String yaml, int count) throws Exception {
        Files.createDirectories(dir);
        try (SandboxFixture twin = SandboxFixture.start(dir, yaml)) {
            List<Boolean> faulted = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int status = twin.get("/ping", null).statusCode();
                assertTrue(status == 200 || status == 503, "status " + status);
                faulted.add(status == 503);
            }
            return faulted;
        }
    }

    @Test
    void resetConnectionFailsTheClientAndStoresNothing() throws Exception {
        try (SandboxFixture twin = SandboxFixture.start(dir, faultOn("things.createThing", "reset"))) {
            IOException failure = assertThrows(IOException.class, () -> twin.send(createThing(twin, "sk_a")));

            assertTrue(!(failure instanceof HttpTimeoutException), failure.toString());
            assertEquals(0, thingCount(twin, "sk_a"));
        }
    }

    @Test
    void noResponseHoldsUntilTheClientTimesOut() throws Exception {
        try (SandboxFixture twin = SandboxFixture.start(dir, faultOn("things.createThing", "no-response"))) {
            HttpRequest request = twin.request("/things", "sk_a").timeout(Duration.ofMillis(300))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"lamp\"}")).build();

            assertThrows(HttpTimeoutException.class, () -> twin.send(request));
            assertEquals(0, thingCount(twin, "sk_a"));
        }
    }

    @Test
    void emptyResponseAndMalformedChunkAreProtocolErrorsForTheClient() throws Exception {
        for (String fault : List.of("empty-response", "malformed-chunk")) {
            Path here = Files.createDirectories(dir.resolve(fault));
            try (SandboxFixture twin = SandboxFixture.start(here, faultOn("things.createThing", fault))) {
                assertThrows(IOException.class, () -> twin.send(createThing(twin, "sk_a")), fault);
                assertEquals(0, thingCount(twin, "sk_a"), fault);
            }
        }
    }

    @Test
    void latencyDelaysButKeepsTheAnswer() throws Exception {
        String yaml = "faults:\n  rules:\n"
                + "    - {name: slow, operation: things.ping, latency: {min: 50ms, max: 120ms}}\n";
        try (SandboxFixture twin = SandboxFixture.start(dir, yaml)) {
            HttpResponse<String> response = twin.get("/ping", null);

            assertEquals(200, response.statusCode());
            assertEquals("{\"pong\":true}", response.body().replace(" ", ""));
            assertEquals("slow", response.headers().firstValue("Twin-Fault").orElseThrow());
            assertTrue(response.headers().firstValue("X-Twin-Internal-Delay-Ms").isEmpty());
        }
    }

    @Test
    void runtimeRuleForOneTenantFaultsOnlyThatTenantUntilCleared() throws Exception {
        try (SandboxFixture twin = SandboxFixture.start(dir, "")) {
            HttpResponse<String> added = twin.postJson("/__twin/faults", null,
                    "{\"name\": \"a-down\", \"operation\": \"things.*\", \"tenant\": \"sk_a\", "
                            + "\"fault\": \"status-502\"}");
            HttpResponse<String> listed = twin.get("/__twin/faults", null);
            int tenantA = twin.get("/things", "sk_a").statusCode();
            int tenantB = twin.get("/things", "sk_b").statusCode();
            HttpResponse<String> cleared = twin.send(twin.request("/__twin/faults?name=a-down", null).DELETE().build());
            int tenantAAfter = twin.get("/things", "sk_a").statusCode();

            assertEquals(201, added.statusCode(), added.body());
            assertEquals("a-down", JSON.readTree(listed.body()).at("/faults/0/name").asText());
            assertEquals(502, tenantA);
            assertEquals(200, tenantB);
            assertEquals(200, cleared.statusCode());
            assertEquals(200, tenantAAfter);
        }
    }

    @Test
    void aScenarioCanApplyAFaultForOneForcedRequest() throws Exception {
        String yaml = """
                scenarios:
                  - name: gateway_down
                    when: {operation: "things.*", match: "false"}
                    then: {fault: reset}
                  - name: slow_ping
                    when: {operation: things.ping}
                    then: {latency: 30ms}
                """;
        try (SandboxFixture twin = SandboxFixture.start(dir, yaml)) {
            HttpRequest forced = twin.request("/things", "sk_a").header("Twin-Scenario", "gateway_down")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"lamp\"}")).build();

            assertThrows(IOException.class, () -> twin.send(forced));
            HttpResponse<String> created = twin.send(createThing(twin, "sk_a"));
            HttpResponse<String> slow = twin.get("/ping", null);

            assertEquals(201, created.statusCode());
            assertEquals(1, thingCount(twin, "sk_a"), "only the unforced create stored a row");
            assertEquals(200, slow.statusCode());
            assertEquals("slow_ping", slow.headers().firstValue("Twin-Scenario").orElseThrow());
        }
    }

    @Test
    void unknownRuntimeFaultIsA400ListingTheFaults() throws Exception {
        try (SandboxFixture twin = SandboxFixture.start(dir, "")) {
            HttpResponse<String> refused = twin.postJson("/__twin/faults", null, "{\"fault\": \"explode\"}");

            assertEquals(400, refused.statusCode());
            assertTrue(refused.body().contains("unknown fault 'explode'"), refused.body());
            assertTrue(refused.body().contains("no-response | reset"), refused.body());
        }
    }

    @Test
    void unknownFaultInTwinYamlIsAConfigErrorAtItsValue() {
        ConfigException e = assertThrows(ConfigException.class, () -> SandboxFixture.start(dir,
                "faults:\n  rules:\n    - {operation: things.ping, fault: explode}\n"));

        assertTrue(e.getMessage().contains("twin.yaml:13:39: faults.rules[0].fault: unknown value 'explode'"),
                e.getMessage());
    }

    @Test
    void faultGlobMatchingNoOperationIsAConfigError() {
        ConfigException e = assertThrows(ConfigException.class, () -> SandboxFixture.start(dir,
                "faults:\n  rules:\n    - {operation: nothing.*, fault: reset}\n"));

        assertTrue(e.getMessage().contains("twin.yaml:13:19: faults.rules[0].operation: no imported operation "
                + "matches 'nothing.*'"), e.getMessage());
    }
}
