package dev.twin.replayer.internal.binding;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Hostile and careless requests to examples/stripe over real sockets: too deeply nested brackets, too many
 * parameters, metadata beyond Stripe's limits. Each gets Stripe's 400 naming the parameter, and the customer
 * created before it reads back the same afterwards (the twin neither crashed, stored, nor dropped anything).
 */
class StripeRequestLimitsTest {
    private static final String KEY = "sk_test_request_limits";
    private static final String FORM = "application/x-www-form-urlencoded";
    private static RunningTwin twin;
    private static String customerPath;
    private static JsonNode customer;

    @BeforeAll
    static void start() throws Exception {
        twin = RunningTwin.example("stripe");
        RunningTwin.Reply created = twin.postForm("/v1/customers", KEY, Map.of("name", "Jenny Rosen",
                "metadata[order]", "6735"));
        assertEquals(200, created.status(), created.raw().body());
        customerPath = "/v1/customers/" + created.body().get("id").asText();
        customer = created.body();
    }

    @AfterAll
    static void stop() {
        twin.close();
    }

    @Test
    void aThousandLevelsOfFormBracketsAreRefusedNamingTheParameter() throws Exception {
        RunningTwin.Reply reply = twin.postRaw("/v1/customers", KEY, FORM, "name=x&metadata" + "[a]".repeat(1000) + "=v");

        assertStripeError(reply, "metadata", "Invalid metadata: parameters can be nested at most 32 levels deep.");
        assertTheTwinStillAnswersTheSame();
    }

    @Test
    void bracketsNestedFarDeeperThanAnyThreadStackAreRefusedNotDropped() throws Exception {
        // 200,000 levels: a recursive decoder overflows even a default 1 MB stack on this many
        RunningTwin.Reply reply = twin.postRaw("/v1/customers", KEY, FORM, "address" + "[a]".repeat(200_000) + "=v");

        assertStripeError(reply, "address", "Invalid address: parameters can be nested at most 32 levels deep.");
        assertTheTwinStillAnswersTheSame();
    }

    @Test
    void aThousandLevelsInTheQueryStringAreRefusedNamingTheParameter() throws Exception {
        RunningTwin.Reply reply = twin.get("/v1/customers?created" + "[a]".repeat(1000) + "=1", KEY);

        assertStripeError(reply, "created", "Invalid created: parameters can be nested at most 32 levels deep.");
        assertTheTwinStillAnswersTheSame();
    }

    @Test
    void aHundredThousandMetadataKeysAreRefusedBeforeAnyIsStored() throws Exception {
        StringBuilder body = new StringBuilder("name=Flood");
        for (int i = 0; i < 100_000; i++) {
            body.append("&metadata[k").append(i).append("]=v");
        }

        RunningTwin.Reply reply = twin.postRaw("/v1/customers", KEY, FORM, body.toString());

        assertStripeError(reply, "metadata", "Too many parameters: a request can send at most 1000 "
                + "(metadata is beyond the limit).");
        assertEquals(1, twin.get("/v1/customers", KEY).body().get("data").size(), "nothing was stored");
        assertTheTwinStillAnswersTheSame();
    }

    @Test
    void fiftyOneMetadataKeysGetStripesMessage() throws Exception {
        StringBuilder body = new StringBuilder("name=Jo");
        for (int i = 0; i < 51; i++) {
            body.append("&metadata[k").append(i).append("]=v");
        }

        RunningTwin.Reply reply = twin.postRaw("/v1/customers", KEY, FORM, body.toString());

        assertStripeError(reply, "metadata", "Metadata can have up to 50 keys, but you've set 51.");
        assertTheTwinStillAnswersTheSame();
    }

    @Test
    void aMetadataKeyOfFortyOneCharactersGetsStripesMessage() throws Exception {
        String key = "k".repeat(41);

        RunningTwin.Reply reply = twin.postRaw(customerPath, KEY, FORM, "metadata[" + key + "]=v");

        assertStripeError(reply, "metadata", "Invalid key: " + key + " must be a string under 40 characters");
        assertTheTwinStillAnswersTheSame();
    }

    @Test
    void aMetadataValueOfFiveHundredAndOneCharactersGetsStripesMessage() throws Exception {
        RunningTwin.Reply reply = twin.postRaw(customerPath, KEY, FORM, "metadata[note]=" + "v".repeat(501));

        assertStripeError(reply, "metadata", "Invalid val: " + "v".repeat(60) + "... must be a string under 500 "
                + "characters");
        assertTheTwinStillAnswersTheSame();
    }

    @Test
    void nestedMetadataOverTheKeyLimitGetsStripesMessageNamingItsPlace() throws Exception {
        StringBuilder body = new StringBuilder("amount=100&currency=usd&payment_method_data[type]=ideal");
        for (int i = 0; i < 51; i++) {
            body.append("&payment_method_data[metadata][k").append(i).append("]=v");
        }

        RunningTwin.Reply reply = twin.postRaw("/v1/payment_intents", KEY, FORM, body.toString());

        assertStripeError(reply, "payment_method_data[metadata]", "Metadata can have up to 50 keys, but you've set 51.");
        assertTheTwinStillAnswersTheSame();
    }

    @Test
    void metadataAtStripesLimitsIsAccepted() throws Exception {
        StringBuilder body = new StringBuilder("name=Jo");
        for (int i = 0; i < 50; i++) {
            body.append("&metadata[").append(String.format("%040d", i)).append("]=").append("v".repeat(500));
        }

        RunningTwin.Reply reply = twin.postRaw("/v1/customers", "sk_test_at_the_limits", FORM, body.toString());

        assertEquals(200, reply.status(), () -> start(reply));
        assertEquals(50, reply.body().get("metadata").size());
    }

    private static void assertStripeError(RunningTwin.Reply reply, String param, String message) {
        assertEquals(400, reply.status(), () -> start(reply));
        JsonNode error = reply.body().get("error");
        assertEquals("invalid_request_error", error.get("type").asText(), () -> start(reply));
        assertEquals(param, error.get("param").asText(), () -> start(reply));
        assertEquals(message, error.get("message").asText());
    }

    /** The start of a reply's body: enough to see what went wrong without a megabyte of metadata. */
    private static String start(RunningTwin.Reply reply) {
        String body = reply.raw().body();
        return body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }

    private static void assertTheTwinStillAnswersTheSame() throws Exception {
        RunningTwin.Reply again = twin.get(customerPath, KEY);
        assertEquals(200, again.status(), again.raw().body());
        assertEquals(customer, again.body());
    }
}
