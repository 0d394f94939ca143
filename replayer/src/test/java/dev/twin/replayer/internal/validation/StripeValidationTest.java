package dev.twin.replayer.internal.validation;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Stripe's real spec: form-encoded bodies with deep nesting, anyOf unsettable fields, global bearer/basic auth. */
class StripeValidationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OpenAPI STRIPE = Specs.resource("stripe/spec3.json");
    private static final OperationValidator CREATE_CUSTOMER = Specs.validator(STRIPE, "/v1/customers", "POST");
    private static final OperationValidator LIST_CUSTOMERS = Specs.validator(STRIPE, "/v1/customers", "GET");
    private static final OperationValidator CREATE_PAYMENT_INTENT =
            Specs.validator(STRIPE, "/v1/payment_intents", "POST");

    private static ValidationResult post(OperationValidator validator, String path, String form) {
        return validator.validate(TestRequests.request("POST", path).form(form).bearer("sk_test_123").build(),
                Map.of());
    }

    @Test
    void givenAFullCustomerForm_whenValidated_thenItPasses() {
        ValidationResult result = post(CREATE_CUSTOMER, "/v1/customers", "email=jenny%40example.com&name=Jenny+Rosen"
                + "&metadata[order]=42&address[city]=Paris&address[country]=FR&expand[]=default_source"
                + "&preferred_locales[]=fr&preferred_locales[]=en&balance=-500&tax_exempt=none"
                + "&invoice_settings[custom_fields][0][name]=vat&invoice_settings[custom_fields][0][value]=FR1"
                + "&tax_id_data[0][type]=eu_vat&tax_id_data[0][value]=FR123");

        assertTrue(result.isValid(), () -> result.violations().toString());
    }

    @Test
    void givenEmptyStringsForUnsettableFields_whenValidated_thenTheyAreAccepted() {
        ValidationResult result = post(CREATE_CUSTOMER, "/v1/customers",
                "metadata=&address=&invoice_settings[custom_fields]=");

        assertTrue(result.isValid(), () -> result.violations().toString());
    }

    @Test
    void givenAFormBodyDecoded_whenTablesReadIt_thenNestingAndTypesFollowTheSchema() throws Exception {
        DecodedRequest decoded = CREATE_CUSTOMER.decode(TestRequests.request("POST", "/v1/customers")
                .form("email=a%40b.co&balance=12&metadata[order]=42&expand[]=x").bearer("sk_test_1").build(), Map.of());

        assertEquals(JSON.readTree("{\"email\":\"a@b.co\",\"balance\":12,\"metadata\":{\"order\":\"42\"},"
                + "\"expand\":[\"x\"]}"), decoded.bodyObject());
    }

    @Test
    void givenANonIntegerBalance_whenValidated_thenBalanceIsNamed() {
        ValidationResult result = post(CREATE_CUSTOMER, "/v1/customers", "email=a%40b.co&balance=abc");

        assertEquals(List.of(new Violation("balance", "body", "Invalid integer: abc")), result.violations());
    }

    @Test
    void givenAnUnknownParameter_whenValidated_thenItIsRejectedAsStripeDoes() {
        ValidationResult result = post(CREATE_CUSTOMER, "/v1/customers", "email=a%40b.co&foo=bar");

        assertEquals(List.of(new Violation("foo", "body", "Received unknown parameter: foo")), result.violations());
    }

    @Test
    void givenANestedFieldTooLong_whenValidated_thenTheBracketedNameIsReported() {
        ValidationResult result = post(CREATE_CUSTOMER, "/v1/customers", "address[city]=" + "x".repeat(5001));

        assertEquals(List.of(new Violation("address[city]", "body",
                "Invalid address[city]: must be at most 5000 characters.")), result.violations());
    }

    @Test
    void givenMetadataAsAPlainString_whenValidated_thenMetadataIsNamed() {
        ValidationResult result = post(CREATE_CUSTOMER, "/v1/customers", "metadata=oops");

        assertEquals(1, result.violations().size());
        assertEquals("metadata", result.first().param());
    }

    @Test
    void givenAValidPaymentIntent_whenValidated_thenItPasses() {
        ValidationResult result = post(CREATE_PAYMENT_INTENT, "/v1/payment_intents", "amount=2000&currency=usd"
                + "&automatic_payment_methods[enabled]=true&capture_method=manual&confirm=false"
                + "&payment_method_types[]=card&metadata[order_id]=6735");

        assertTrue(result.isValid(), () -> result.violations().toString());
    }

    @Test
    void givenAPaymentIntentWithoutAmount_whenValidated_thenAmountIsMissing() {
        ValidationResult result = post(CREATE_PAYMENT_INTENT, "/v1/payment_intents", "currency=usd");

        assertEquals(List.of(new Violation("amount", "body", "Missing required param: amount.")),
                result.violations());
    }

    @Test
    void givenAPaymentIntentWithBadNestedAndEnumValues_whenValidated_thenEachParamIsNamed() {
        ValidationResult result = post(CREATE_PAYMENT_INTENT, "/v1/payment_intents",
                "amount=12.5&currency=usd&automatic_payment_methods[allow_redirects]=never&capture_method=later");

        Map<String, String> reasons = new java.util.HashMap<>();
        result.violations().forEach(v -> reasons.put(v.param(), v.reason()));
        assertEquals("Invalid integer: 12.5", reasons.get("amount"));
        assertEquals("Missing required param: automatic_payment_methods[enabled].",
                reasons.get("automatic_payment_methods[enabled]"));
        assertEquals("Invalid capture_method: must be one of [automatic, automatic_async, manual].",
                reasons.get("capture_method"));
    }

    @Test
    void givenDeepObjectQueryParams_whenListing_thenTheyAreDecodedAndValidated() throws Exception {
        DecodedRequest decoded = LIST_CUSTOMERS.decode(TestRequests.request("GET",
                "/v1/customers?created[gte]=1690000000&limit=3&expand[]=data.default_source").bearer("sk").build(),
                Map.of());

        assertTrue(LIST_CUSTOMERS.validate(decoded).isValid());
        assertEquals(JSON.readTree("{\"gte\":1690000000}"), decoded.queryParams().get("created"));
        assertEquals(JSON.readTree("[\"data.default_source\"]"), decoded.queryParams().get("expand"));
        assertEquals(3, decoded.queryParams().get("limit").intValue());
    }

    @Test
    void givenABadDeepObjectQueryValue_whenListing_thenTheBracketedQueryParamIsNamed() {
        ValidationResult result = LIST_CUSTOMERS.validate(TestRequests.request("GET",
                "/v1/customers?created[gte]=yesterday").bearer("sk").build(), Map.of());

        assertEquals(List.of(new Violation("created[gte]", "query", "Invalid integer: yesterday")),
                result.violations());
    }

    @Test
    void givenNoApiKey_whenCallingAnyStripeOperation_thenTheGlobalSecurityMakesItUnauthorized() {
        ValidationResult result = CREATE_CUSTOMER.validate(
                TestRequests.request("POST", "/v1/customers").form("email=a%40b.co").build(), Map.of());

        assertTrue(result.unauthorized());
        assertEquals("Authorization", result.first().param());
    }

    @Test
    void givenEveryStripeOperation_whenCompiled_thenEachCompilesAndAcceptsAnAuthorizedEmptyRequest() {
        SchemaRegistry registry = SchemaRegistry.of(STRIPE.getComponents());
        List<String> failures = new ArrayList<>();
        int compiled = 0;
        for (Map.Entry<String, PathItem> path : STRIPE.getPaths().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getValue().readOperationsMap().entrySet()) {
                Operation operation = entry.getValue();
                try {
                    OperationValidator validator = OperationValidator.compile(operation,
                            path.getValue().getParameters(), registry, STRIPE.getSecurity());
                    compiled++;
                    ValidationResult result = validator.validate(TestRequests.request(entry.getKey().name(),
                            path.getKey()).bearer("sk_test").build(), Map.of());
                    assertTrue(!result.unauthorized(), operation.getOperationId());
                } catch (IllegalArgumentException e) {
                    failures.add(operation.getOperationId() + ": " + e.getMessage());
                }
            }
        }
        assertEquals(List.of(), failures);
        assertEquals(468, compiled);
    }
}
