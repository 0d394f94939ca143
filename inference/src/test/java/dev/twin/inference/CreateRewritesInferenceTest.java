package dev.twin.inference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An orders-and-shipments API (nothing like Stripe: integer ids, JSON bodies) whose shipment create does two things
 * beyond storing what was sent: it copies the address of the order the shipment names ({@code orderId}), and it
 * replaces a stand-in label ({@code "test-label"}) by a label id of its own, a new one each time, while a label of
 * its own shape is kept. The twin does both for rows it never saw.
 */
class CreateRewritesInferenceTest extends ServedRecordingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    Traffic recording() {
        Traffic t = new Traffic("127.0.0.1:7000");
        t.json("POST", "/orders", "{\"item\":\"lamp\",\"address\":\"1 Main St\"}", 201,
                "{\"id\":1,\"item\":\"lamp\",\"address\":\"1 Main St\"}");
        t.json("POST", "/orders", "{\"item\":\"desk\",\"address\":\"9 Elm Rd\"}", 201,
                "{\"id\":2,\"item\":\"desk\",\"address\":\"9 Elm Rd\"}");
        t.json("GET", "/orders/1", null, 200, "{\"id\":1,\"item\":\"lamp\",\"address\":\"1 Main St\"}");
        t.json("POST", "/shipments", "{\"orderId\":2,\"carrier\":\"ups\",\"label\":\"test-label\"}", 201,
                "{\"id\":1,\"orderId\":2,\"carrier\":\"ups\",\"label\":\"lbl_x7Kq2Lm9PzR4tWb8\","
                        + "\"address\":\"9 Elm Rd\"}");
        t.json("POST", "/shipments", "{\"orderId\":1,\"carrier\":\"dhl\",\"label\":\"test-label\"}", 201,
                "{\"id\":2,\"orderId\":1,\"carrier\":\"dhl\",\"label\":\"lbl_Q3vN8sYe1JcU6hDa\","
                        + "\"address\":\"1 Main St\"}");
        t.json("POST", "/shipments", "{\"orderId\":2,\"carrier\":\"dhl\",\"label\":\"lbl_Ab3dEf7hIj9kLm2N\"}", 201,
                "{\"id\":3,\"orderId\":2,\"carrier\":\"dhl\",\"label\":\"lbl_Ab3dEf7hIj9kLm2N\","
                        + "\"address\":\"9 Elm Rd\"}");
        t.json("GET", "/shipments/1", null, 200, "{\"id\":1,\"orderId\":2,\"carrier\":\"ups\","
                + "\"label\":\"lbl_x7Kq2Lm9PzR4tWb8\",\"address\":\"9 Elm Rd\"}");
        return t;
    }

    @Test
    void givenShipmentsCopyingTheirOrdersAddress_whenTheTwinCreatesOne_thenItCopiesTheNamedOrdersAddress()
            throws Exception {
        String yaml = files.text("twin.yaml");
        assertTrue(yaml.contains("lookup:"), yaml);
        JsonNode order = JSON.readTree(calls.json("POST", "/orders",
                "{\"item\":\"chair\",\"address\":\"5 Oak Ave\"}").body());

        HttpResponse<String> created = calls.json("POST", "/shipments",
                "{\"orderId\":" + order.path("id") + ",\"carrier\":\"ups\",\"label\":\"test-label\"}");

        assertEquals(201, created.statusCode(), created.body());
        JsonNode shipment = JSON.readTree(created.body());
        assertEquals("5 Oak Ave", shipment.path("address").asText(), created.body());
        JsonNode read = JSON.readTree(calls.json("GET", "/shipments/" + shipment.path("id"), null).body());
        assertEquals("5 Oak Ave", read.path("address").asText(), read.toString());
        assertTrue(files.text("inference-report.md").contains("'address' ← orders[orderId].address"),
                files.text("inference-report.md"));
    }

    @Test
    void givenAStandInLabelReplacedByAMintedOne_whenTheTwinCreates_thenItMintsANewLabelEachTimeAndKeepsItsOwn()
            throws Exception {
        String yaml = files.text("twin.yaml");
        assertTrue(yaml.contains("replace:"), yaml);

        JsonNode first = JSON.readTree(calls.json("POST", "/shipments",
                "{\"orderId\":1,\"carrier\":\"ups\",\"label\":\"test-label\"}").body());
        JsonNode second = JSON.readTree(calls.json("POST", "/shipments",
                "{\"orderId\":2,\"carrier\":\"ups\",\"label\":\"test-label\"}").body());
        JsonNode own = JSON.readTree(calls.json("POST", "/shipments",
                "{\"orderId\":2,\"carrier\":\"ups\",\"label\":\"lbl_Zz9yXx8wVv7uTt6s\"}").body());

        String label = first.path("label").asText();
        assertTrue(label.matches("lbl_[0-9A-Za-z]{16}"), first.toString());
        assertNotEquals(label, second.path("label").asText(), second.toString());
        assertEquals("lbl_Zz9yXx8wVv7uTt6s", own.path("label").asText(), own.toString());
        JsonNode read = JSON.readTree(calls.json("GET", "/shipments/" + first.path("id"), null).body());
        assertEquals(label, read.path("label").asText(), read.toString());
    }
}
