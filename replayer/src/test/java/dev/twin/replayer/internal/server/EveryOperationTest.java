package dev.twin.replayer.internal.server;

import dev.twin.replayer.Twin;
import dev.twin.replayer.internal.spec.ApiOperation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Given the Stripe and Twilio examples' specs served in strict mode, when every operation is called with a valid request
 * built from the spec, then each answers with its documented status and a body valid against that response's own
 * schema (checked by an independent parse of the spec).
 */
class EveryOperationTest {
    private static final Path EXAMPLES = Path.of("..", "examples");

    private static Twin stripe;
    private static Twin twilio;

    @BeforeAll
    static void start() throws Exception {
        // the specs alone: the examples' tables would answer a read of an unknown id 404, as the real APIs do
        stripe = Twin.builder().specs(EXAMPLES.resolve("stripe/spec3.json")).start();
        twilio = Twin.builder().specs(EXAMPLES.resolve("twilio/twilio_api_v2010.json")).start();
    }

    @AfterAll
    static void stop() {
        if (stripe != null) {
            stripe.close();
        }
        if (twilio != null) {
            twilio.close();
        }
    }

    @Test
    void everyStripeOperationAnswersAsDocumented() throws Exception {
        SpecConformance conformance = new SpecConformance(EXAMPLES.resolve("stripe/spec3.json"), stripe.baseUrl(),
                "sk_test_4eC39HqLyjWDarjtT1zdp7dc", "");
        assertEveryOperationConforms(stripe, conformance, 468);
    }

    @Test
    void everyTwilioOperationAnswersAsDocumented() throws Exception {
        SpecConformance conformance = new SpecConformance(EXAMPLES.resolve("twilio/twilio_api_v2010.json"),
                twilio.baseUrl(), "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "token");
        assertEveryOperationConforms(twilio, conformance, 197);
    }

    /**
     * Every operation must answer with its documented status; generated bodies must validate against the
     * response schema. A provider's own example is sent as written: those that break their own schema are counted
     * and listed, not failed (Twilio's examples use relative URIs for format: uri, short SIDs, string prices).
     */
    private static void assertEveryOperationConforms(Twin server, SpecConformance conformance, int expected)
            throws Exception {
        List<ApiOperation> operations = server.internals().server().api().operations();
        assertEquals(expected, operations.size(), "operations served");
        List<String> failures = new ArrayList<>();
        List<String> invalidExamples = new ArrayList<>();
        int generatedValid = 0;
        int examplesValid = 0;
        for (ApiOperation operation : operations) {
            SpecConformance.Outcome outcome = conformance.check(operation,
                    () -> server.requests().get(server.requests().size() - 1).source().name());
            boolean example = outcome.source().equals("SPEC_EXAMPLE");
            if (outcome.conforms()) {
                if (example) {
                    examplesValid++;
                } else {
                    generatedValid++;
                }
            } else if (example && outcome.documentedStatus()) {
                invalidExamples.add(outcome.problems().get(0));
            } else {
                failures.addAll(outcome.problems().subList(0, Math.min(2, outcome.problems().size())));
            }
        }
        String namespace = operations.get(0).namespace();
        System.out.printf("%s: %d operations; documented status: %d; generated bodies valid: %d; spec examples "
                        + "valid: %d; spec examples violating their own schema: %d%n%s%n", namespace,
                operations.size(), operations.size() - failures.size(), generatedValid, examplesValid,
                invalidExamples.size(), String.join("\n", invalidExamples));
        assertTrue(failures.isEmpty(), failures.size() + " of " + operations.size()
                + " operations did not answer as documented:\n" + String.join("\n", failures));
    }
}
