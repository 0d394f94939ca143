package dev.twin.replayer.internal.binding;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code Twin-Scenario} forcing against examples/stripe, with plain HTTP requests. */
class SandboxScenarioHttpTest {
    private static RunningTwin twin;

    @BeforeAll
    static void start() throws Exception {
        twin = RunningTwin.example("stripe");
    }

    @AfterAll
    static void stop() {
        twin.close();
    }

    @Test
    void headerForcesANamedScenarioOnAnOtherwiseSuccessfulConfirm() throws Exception {
        String key = "sk_test_forced";
        String id = twin.postForm("/v1/payment_intents", key, Map.of("amount", "900", "currency", "usd",
                "payment_method", "pm_card_visa")).body().get("id").asText();

        RunningTwin.Reply forced = twin.postForm("/v1/payment_intents/" + id + "/confirm", key, Map.of(),
                Map.of("Twin-Scenario", "card_declined"));

        assertEquals(402, forced.status());
        assertEquals("card_declined", forced.body().at("/error/code").asText());
        assertEquals("card_error", forced.body().at("/error/type").asText());
        assertEquals("requires_payment_method", forced.body().at("/error/payment_intent/status").asText());
        assertEquals("card_declined", forced.raw().headers().firstValue("Twin-Scenario").orElseThrow());
        assertEquals("requires_payment_method",
                twin.get("/v1/payment_intents/" + id, key).body().get("status").asText());
    }

    @Test
    void withoutTheHeaderTheSameConfirmSucceeds() throws Exception {
        String key = "sk_test_not_forced";
        String id = twin.postForm("/v1/payment_intents", key, Map.of("amount", "900", "currency", "usd",
                "payment_method", "pm_card_visa")).body().get("id").asText();

        RunningTwin.Reply confirmed = twin.postForm("/v1/payment_intents/" + id + "/confirm", key, Map.of());

        assertEquals(200, confirmed.status());
        assertEquals("succeeded", confirmed.body().get("status").asText());
    }

    @Test
    void unknownScenarioNameIsA400NamingIt() throws Exception {
        RunningTwin.Reply reply = twin.postForm("/v1/customers", "sk_test_unknown", Map.of("name", "x"),
                Map.of("Twin-Scenario", "card_exploded"));

        assertEquals(400, reply.status());
        String message = reply.body().at("/error/message").asText();
        assertTrue(message.contains("'card_exploded'"), message);
        assertTrue(message.contains("card_declined"), message);
        assertEquals("Twin-Scenario", reply.body().at("/error/param").asText());
        assertEquals(0, twin.get("/v1/customers", "sk_test_unknown").body().get("data").size(),
                "the refused request created nothing");
    }
}
