package dev.twin.inference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.twin.inference.output.TwinFiles;
import dev.twin.replayer.Twin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OfficialSpecPriorTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Path OFFICIAL = Path.of("src/test/resources/specs/customers-official.yaml");

    @TempDir
    Path dir;

    private final TwinFiles files = Inferred.files(StripeShapes.customerFlow(),
            new InferenceOptions(null, OFFICIAL, InferenceOptions.SeedMode.INITIAL));

    @Test
    void givenAnOfficialSpec_whenInferred_thenItsOperationsAreBoundByTheirOfficialIds() throws Exception {
        JsonNode twin = YAML.readTree(files.text("twin.yaml"));
        assertEquals("official", twin.path("imports").get(1).path("as").asText());
        assertEquals("official-spec.yaml", twin.path("imports").get(1).path("path").asText());
        List<String> mocks = new ArrayList<>();
        twin.path("extend").forEach(b -> mocks.add(b.path("mock").asText() + " " + b.path("action").asText()));
        assertTrue(mocks.contains("official.RetrieveCustomer get"), mocks.toString());
        assertTrue(mocks.contains("official.CreateCustomer create"), mocks.toString());
        assertTrue(mocks.contains("official.DeleteCustomer delete"), mocks.toString());
        assertTrue(mocks.contains("api.PostV1PaymentIntents create"), mocks.toString());
    }

    @Test
    void givenAnOfficialSpec_whenInferred_thenOnlyTheUnmatchedTrafficIsInferred() {
        String openapi = files.text("openapi.yaml");
        assertFalse(openapi.contains("/v1/customers/{customer}:"), openapi);
        assertTrue(openapi.contains("/v1/payment_intents/{payment_intent}:"), openapi);
    }

    @Test
    void givenAnOfficialSpec_whenServed_thenBothImportsLoad() throws Exception {
        Twin server = Inferred.serve(files, dir);
        server.close();
    }
}
