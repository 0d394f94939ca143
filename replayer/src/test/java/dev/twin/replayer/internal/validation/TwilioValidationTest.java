package dev.twin.replayer.internal.validation;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Twilio's real spec: PascalCase form fields, SID patterns on path parameters, HTTP basic auth. */
class TwilioValidationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OpenAPI TWILIO = Specs.resource("twilio/twilio_api_v2010.json");
    private static final String MESSAGES = "/2010-04-01/Accounts/{AccountSid}/Messages.json";
    private static final String ACCOUNT_SID = "AC" + "0123456789abcdef".repeat(2);
    private static final OperationValidator CREATE_MESSAGE = Specs.validator(TWILIO, MESSAGES, "POST");

    private static TestRequests createMessage(String form) {
        String basic = Base64.getEncoder().encodeToString((ACCOUNT_SID + ":token").getBytes(StandardCharsets.UTF_8));
        return TestRequests.request("POST", "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json")
                .form(form).header("Authorization", "Basic " + basic);
    }

    @Test
    void givenToFromAndBody_whenCreatingAMessage_thenTheRequestIsValid() {
        ValidationResult result = CREATE_MESSAGE.validate(
                createMessage("To=%2B15558675310&From=%2B15017122661&Body=Hello+there").build(),
                Map.of("AccountSid", ACCOUNT_SID));

        assertTrue(result.isValid(), () -> result.violations().toString());
    }

    @Test
    void givenNoTo_whenCreatingAMessage_thenToIsReportedMissing() {
        ValidationResult result = CREATE_MESSAGE.validate(createMessage("From=%2B15017122661&Body=Hi").build(),
                Map.of("AccountSid", ACCOUNT_SID));

        assertEquals(List.of(new Violation("To", "body", "Missing required param: To.")), result.violations());
    }

    @Test
    void givenAnAccountSidOfTheWrongShape_whenCreatingAMessage_thenThePathParamIsNamed() {
        ValidationResult result = CREATE_MESSAGE.validate(createMessage("To=%2B15558675310&Body=Hi").build(),
                Map.of("AccountSid", "XX123"));

        assertTrue(result.violations().stream().allMatch(v -> v.param().equals("AccountSid")
                && v.location().equals("path")), () -> result.violations().toString());
        assertTrue(!result.violations().isEmpty());
    }

    @Test
    void givenTypedAndRepeatedFields_whenDecoded_thenTheyFollowTheSchema() throws Exception {
        DecodedRequest decoded = CREATE_MESSAGE.decode(createMessage(
                "To=%2B15558675310&Body=Hi&ValidityPeriod=60&ProvideFeedback=true&PersistentAction=geo%3A1"
                        + "&PersistentAction=mailto%3Aa%40b.co").build(), Map.of("AccountSid", ACCOUNT_SID));

        assertTrue(CREATE_MESSAGE.validate(decoded).isValid());
        assertEquals(JSON.readTree("{\"To\":\"+15558675310\",\"Body\":\"Hi\",\"ValidityPeriod\":60,"
                + "\"ProvideFeedback\":true,\"PersistentAction\":[\"geo:1\",\"mailto:a@b.co\"]}"), decoded.body());
    }

    @Test
    void givenAnInvalidCallbackUrlAndEnum_whenCreatingAMessage_thenEachFieldIsNamed() {
        ValidationResult result = CREATE_MESSAGE.validate(
                createMessage("To=%2B15558675310&Body=Hi&ValidityPeriod=soon&ContentRetention=forever").build(),
                Map.of("AccountSid", ACCOUNT_SID));

        List<String> params = result.violations().stream().map(Violation::param).toList();
        assertEquals(List.of("ValidityPeriod", "ContentRetention"), params, result.violations()::toString);
        assertEquals("Invalid integer: soon", result.first().reason());
    }

    @Test
    void givenNoBasicAuth_whenCreatingAMessage_thenItIsUnauthorized() {
        ValidationResult result = CREATE_MESSAGE.validate(TestRequests.request("POST", "/x")
                .form("To=%2B15558675310&Body=Hi").build(), Map.of("AccountSid", ACCOUNT_SID));

        assertTrue(result.unauthorized());
    }

    @Test
    void givenEveryTwilioOperation_whenCompiled_thenEachCompiles() {
        SchemaRegistry registry = SchemaRegistry.of(TWILIO.getComponents());
        List<String> failures = new ArrayList<>();
        int compiled = 0;
        for (Map.Entry<String, PathItem> path : TWILIO.getPaths().entrySet()) {
            for (Operation operation : path.getValue().readOperations()) {
                try {
                    OperationValidator.compile(operation, path.getValue().getParameters(), registry,
                            TWILIO.getSecurity());
                    compiled++;
                } catch (IllegalArgumentException e) {
                    failures.add(operation.getOperationId() + ": " + e.getMessage());
                }
            }
        }
        assertEquals(List.of(), failures);
        assertEquals(197, compiled);
    }
}
