package dev.twin.inference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.twin.inference.output.TwinFiles;
import dev.twin.replayer.Twin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StripeShapedInferenceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());

    @TempDir
    Path dir;

    private final TwinFiles files = Inferred.files(StripeShapes.customerFlow(), InferenceOptions.defaults());

    @Test
    void givenStripeTraffic_whenInferred_thenItemPathsAreNamedAfterTheirResourceAndSearchStaysLiteral() {
        String openapi = files.text("openapi.yaml");
        assertTrue(openapi.contains("\n  /v1/customers/{customer}:\n"), openapi);
        assertTrue(openapi.contains("\n  /v1/customers/search:\n"), openapi);
        assertTrue(openapi.contains("\n  /v1/payment_intents/{payment_intent}/confirm:\n"), openapi);
        assertTrue(openapi.contains("operationId: GetV1CustomersCustomer"), openapi);
        assertTrue(openapi.contains("\n    Customer:\n") && openapi.contains("\n    PaymentIntent:\n"), openapi);
        assertTrue(openapi.contains("$ref: \"#/components/schemas/ShippingDetails\""), openapi);
    }

    @Test
    void givenStripeTraffic_whenInferred_thenCustomersIsATableWithCusIdsStripesListAndErrorEnvelopes()
            throws Exception {
        JsonNode twin = YAML.readTree(files.text("twin.yaml"));
        JsonNode customers = twin.path("tables").get(0);
        assertEquals("customers", customers.path("name").asText());
        assertEquals("id", customers.path("idField").asText());
        assertEquals("prefix", customers.path("idStrategy").asText());
        assertEquals("cus_", customers.path("idPrefix").asText());
        assertEquals(14, customers.path("idLength").asInt());
        JsonNode list = customers.path("response").path("list");
        assertEquals("cursor", list.path("style").asText());
        assertEquals("data", list.path("dataField").asText());
        assertEquals("list", list.path("extraFields").path("object").asText());
        assertEquals("{{request.path}}", list.path("extraFields").path("url").asText());
        assertTrue(list.path("hideMeta").asBoolean(), "Stripe's lists carry no count: " + list);
        assertEquals("customer", customers.path("response").path("fields").path("inject").path("object").asText());
        assertEquals("{{item.id}}", customers.path("response").path("delete").path("body").path("id").asText());
        assertEquals(200, customers.path("response").path("create").path("status").asInt());
        assertEquals("created", customers.path("response").path("timestamps").path("fields").path("createdAt").asText());
        JsonNode errors = twin.path("conventions").path("errors");
        assertEquals("error", errors.path("wrap").asText());
        assertEquals("resource_missing", errors.path("codeMap").path("NOT_FOUND").asText());
        assertEquals("invalid_request_error", errors.path("typeMap").path("NOT_FOUND").asText());
        assertTrue(errors.path("messageMap").isMissingNode(), "Stripe's message is the twin's default: " + errors);
        assertEquals("unix", twin.path("conventions").path("timestamps").path("format").asText());
        JsonNode intents = twin.path("tables").get(1);
        assertEquals("customers", intents.path("references").path("customer").asText());
        assertEquals(Map.of("mock", "api.PostV1Customers", "table", "customers", "action", "create"),
                JSON.convertValue(twin.path("extend").get(0), Map.class));
    }

    @Test
    void givenStripeTraffic_whenServed_thenTheFlowAnswersAsRecorded() throws Exception {
        Twin server = Inferred.serve(files, dir);
        try {
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + server.port();
            HttpResponse<String> seeded = http.send(HttpRequest.newBuilder(URI.create(base
                    + "/v1/customers/cus_SEEDseedSEED01")).header("Authorization", "Bearer sk_test_x").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, seeded.statusCode(), seeded.body());
            assertEquals("old.customer@example.com", JSON.readTree(seeded.body()).path("email").asText());

            HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/customers"))
                    .header("Authorization", "Bearer sk_test_x")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("name=Jenny&email=jenny%40example.com")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, created.statusCode(), created.body());
            JsonNode customer = JSON.readTree(created.body());
            assertTrue(customer.path("id").asText().matches("cus_[A-Za-z0-9]{14}"), created.body());
            assertEquals("customer", customer.path("object").asText());

            HttpResponse<String> missing = http.send(HttpRequest.newBuilder(URI.create(base
                    + "/v1/customers/cus_nonexistent00")).header("Authorization", "Bearer sk_test_x").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(404, missing.statusCode());
            assertEquals("resource_missing", JSON.readTree(missing.body()).path("error").path("code").asText());
        } finally {
            server.close();
        }
    }

    @Test
    void givenAnOperationThatIsNoTable_whenServed_thenItAnswersTheRecordedBody() throws Exception {
        Twin server = Inferred.serve(files, dir);
        try {
            HttpResponse<String> search = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + server.port() + "/v1/customers/search?query=x"))
                    .header("Authorization", "Bearer sk_test_x").build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, search.statusCode(), search.body());
            assertEquals(JSON.readTree("{\"object\":\"search_result\",\"url\":\"/v1/customers/search\","
                    + "\"has_more\":false,\"data\":[]}"), JSON.readTree(search.body()));
        } finally {
            server.close();
        }
    }

    @Test
    void givenARecordingThatReadsAnOldCustomer_whenSeededInitially_thenOnlyThatCustomerIsSeeded() throws Exception {
        JsonNode seed = JSON.readTree(files.text("seed/customers.json"));
        assertEquals(1, seed.size(), seed.toString());
        assertEquals("cus_SEEDseedSEED01", seed.get(0).path("id").asText());
        assertFalse(files.files().containsKey("seed/payment_intents.json"));
    }

    @Test
    void givenTheSameRecording_whenSeededFinally_thenCreatedRowsAreInAndDeletedOnesOut() throws Exception {
        TwinFiles finalState = Inferred.files(StripeShapes.customerFlow(),
                new InferenceOptions(null, null, InferenceOptions.SeedMode.FINAL));
        JsonNode seed = JSON.readTree(finalState.text("seed/customers.json"));
        assertEquals(3, seed.size(), seed.toString());
        assertFalse(seed.toString().contains("cus_NffrFeUfNV2Hib"), "deleted customer kept: " + seed);
        assertEquals(1, JSON.readTree(finalState.text("seed/payment_intents.json")).size());
    }

    @Test
    void givenEmailsAndRedactedCredentials_whenInferred_thenNeitherReachesAnyOutputFile() {
        for (Map.Entry<String, byte[]> file : files.files().entrySet()) {
            String text = new String(file.getValue(), StandardCharsets.UTF_8);
            assertFalse(text.contains("redacted:"), file.getKey());
            assertFalse(text.contains("@gmail.com") || text.contains("@acme.io"), file.getKey() + ":\n" + text);
        }
    }

    @Test
    void givenTheSameInput_whenInferredTwice_thenEveryFileIsByteIdentical() {
        TwinFiles again = Inferred.files(StripeShapes.customerFlow(), InferenceOptions.defaults());
        assertEquals(files.files().keySet(), again.files().keySet());
        files.files().forEach((name, bytes) -> assertArrayEquals(bytes, again.files().get(name), name));
    }

    @Test
    void givenAConfirmStep_whenInferred_thenItIsACustomOperationWithItsEvidence() {
        String report = files.text("inference-report.md");
        assertTrue(files.text("twin.yaml").contains("operation: ConfirmPaymentIntent"), files.text("twin.yaml"));
        assertTrue(report.contains("confirm: 1 successful call with the row known before"), report);
        assertTrue(report.contains("'search' kept literal"), report);
    }

    @Test
    void givenStripeTraffic_whenInferred_thenSwaggerParserHasNothingToSay() throws Exception {
        assertEquals(java.util.List.of(), Inferred.parserMessages(files, dir));
    }
}
