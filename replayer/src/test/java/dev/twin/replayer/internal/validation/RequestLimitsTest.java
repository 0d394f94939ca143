package dev.twin.replayer.internal.validation;

import io.swagger.v3.oas.models.OpenAPI;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Decoding and validating Stripe's customer create within the request limits, on a thread whose stack is smaller
 * than the launcher's ({@code -Xss512k}): a request nested 1,000 levels deep once overflowed it on the way through
 * shape coercion and schema validation; now it is refused before any tree is built.
 */
class RequestLimitsTest {
    private static final OpenAPI STRIPE = Specs.resource("stripe/spec3.json");
    private static final OperationValidator CREATE_CUSTOMER = Specs.validator(STRIPE, "/v1/customers", "POST");
    private static final long SMALL_STACK = 256 * 1024;

    @Test
    void aThousandLevelFormIsRefusedOnASmallStack() throws Exception {
        ValidationResult result = onSmallStack(() -> validate("name=x&address" + "[a]".repeat(1000) + "=v"));

        assertEquals(new Violation("address", Violation.BODY,
                "Invalid address: parameters can be nested at most 32 levels deep."), result.first());
        assertEquals(1, result.violations().size());
    }

    @Test
    void thirtyTwoLevelsAreDecodedAndValidatedOnASmallStack() throws Exception {
        // Stripe's address schema allows unknown nested fields: 32 levels are typed and validated through
        ValidationResult result = onSmallStack(() -> validate("address" + "[a]".repeat(31) + "=v"));

        assertTrue(result.isValid(), () -> result.violations().toString());
    }

    @Test
    void aThousandAndOneParametersAreRefusedNamingTheFirstBeyondTheLimit() {
        StringBuilder form = new StringBuilder("name=x");
        for (int i = 1; i < 1000; i++) {
            form.append("&metadata[k").append(i).append("]=v");
        }
        assertNull(validate(form.toString()).first(), "1,000 parameters are within the limit");

        ValidationResult result = validate(form + "&description=one+too+many");

        assertEquals(new Violation("description", Violation.BODY,
                "Too many parameters: a request can send at most 1000 (description is beyond the limit)."),
                result.first());
    }

    @Test
    void aThousandLevelQueryIsRefusedNamingTheParameter() {
        OperationValidator list = Specs.validator(STRIPE, "/v1/customers", "GET");

        ValidationResult result = list.validate(TestRequests.request("GET",
                "/v1/customers?created" + "[a]".repeat(1000) + "=1").bearer("sk_test_123").build(), null);

        assertEquals(new Violation("created", Violation.QUERY,
                "Invalid created: parameters can be nested at most 32 levels deep."), result.first());
    }

    private static ValidationResult validate(String form) {
        return CREATE_CUSTOMER.validate(TestRequests.request("POST", "/v1/customers").form(form)
                .bearer("sk_test_123").build(), null);
    }

    private static ValidationResult onSmallStack(java.util.function.Supplier<ValidationResult> work)
            throws InterruptedException {
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread thread = new Thread(null, () -> {
            try {
                outcome.set(work.get());
            } catch (Throwable failure) {
                outcome.set(failure);
            }
        }, "small-stack", SMALL_STACK);
        thread.start();
        thread.join();
        assertNotNull(outcome.get());
        if (outcome.get() instanceof Throwable failure) {
            throw new AssertionError("failed on a " + SMALL_STACK / 1024 + " KB stack", failure);
        }
        return (ValidationResult) outcome.get();
    }
}
