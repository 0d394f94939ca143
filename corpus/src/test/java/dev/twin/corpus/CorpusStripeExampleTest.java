package dev.twin.corpus;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** twin's Stripe example, driven by stripe-java, through record, infer, serve and verify; see {@link CorpusApiTest}. */
class CorpusStripeExampleTest extends CorpusApiTest {
    @Override
    CorpusApi api() {
        return new StripeExampleApi();
    }

    @Test
    void givenAManualCaptureIntent_whenConfirmedThenCaptured_thenItMovesFromRequiresCaptureToSucceeded() {
        assertEquals("requires_confirmation", recordedStep("create-intent-manual-capture").json().path("status")
                .asText());
        assertEquals("requires_capture", recordedStep("confirm-intent").json().path("status").asText());
        assertEquals(2000, recordedStep("confirm-intent").json().path("amount_capturable").asInt());
        assertEquals("succeeded", recordedStep("capture-intent").json().path("status").asText());
        assertEquals(2000, recordedStep("capture-intent").json().path("amount_received").asInt());
    }

    @Test
    void givenCustomerMetadata_whenUpdatedWithSomeKeys_thenTheOthersStayAndAnEmptyValueUnsetsOne() {
        Step merged = recordedStep("update-customer-1-metadata");
        Step unset = recordedStep("update-customer-1-unset-channel");

        assertEquals("42", merged.json().path("metadata").path("order").asText());
        assertEquals("platinum", merged.json().path("metadata").path("tier").asText());
        assertEquals("web", merged.json().path("metadata").path("channel").asText());
        assertEquals(false, unset.json().path("metadata").has("channel"), unset.body());
    }

    @Test
    void givenAPrice_whenReadWithExpandProduct_thenTheProductIsInlined() {
        Step expanded = recordedStep("retrieve-price-expand-product");

        assertEquals("product", expanded.json().path("product").path("object").asText(), expanded.body());
        assertEquals("organic cotton", expanded.json().path("product").path("description").asText());
    }

    @Test
    void givenAPaymentIntentWithoutAmount_whenCreated_thenTheSdkRaisesA400NamingTheParameter() {
        Step missing = recordedStep("create-intent-missing-amount");

        assertEquals(400, missing.status());
        assertEquals("amount", missing.json().path("param").asText(), missing.body());
    }
}
