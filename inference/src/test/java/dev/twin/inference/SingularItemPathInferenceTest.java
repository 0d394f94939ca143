package dev.twin.inference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An invoicing API that lists and creates under {@code /v1/invoices} but reads one invoice at {@code
 * /v1/invoice/{id}}, and answers a create with {@code {invoiceID}} only: one table of invoices, whose create answers
 * the new row's id under that name, the invoices the recording created no seeds.
 */
class SingularItemPathInferenceTest extends ServedRecordingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    Traffic recording() {
        Traffic t = new Traffic("127.0.0.1:7000");
        t.json("GET", "/v1/invoices", null, 200, "[]");
        t.json("POST", "/v1/invoices", "{\"customer\":\"acme\",\"total\":120}", 200,
                "{\"invoiceID\":\"7d0c6a3e-55c4-4a43-9a54-2f3f8a1c9b10\"}");
        t.json("GET", "/v1/invoice/7d0c6a3e-55c4-4a43-9a54-2f3f8a1c9b10", null, 200,
                "{\"id\":\"7d0c6a3e-55c4-4a43-9a54-2f3f8a1c9b10\",\"customer\":\"acme\",\"total\":120}");
        t.json("POST", "/v1/invoices", "{\"customer\":\"globex\",\"total\":80}", 200,
                "{\"invoiceID\":\"0b6f3f7e-9a1d-4e8b-8a53-4c7f2d9e6a21\"}");
        t.json("GET", "/v1/invoice/0b6f3f7e-9a1d-4e8b-8a53-4c7f2d9e6a21", null, 200,
                "{\"id\":\"0b6f3f7e-9a1d-4e8b-8a53-4c7f2d9e6a21\",\"customer\":\"globex\",\"total\":80}");
        t.json("GET", "/v1/invoices", null, 200,
                "[{\"id\":\"7d0c6a3e-55c4-4a43-9a54-2f3f8a1c9b10\",\"customer\":\"acme\",\"total\":120},"
                        + "{\"id\":\"0b6f3f7e-9a1d-4e8b-8a53-4c7f2d9e6a21\",\"customer\":\"globex\",\"total\":80}]");
        return t;
    }

    @Test
    void givenAnItemPathInTheSingular_whenAnInvoiceIsCreated_thenItIsReadAtTheIdItsAcknowledgementNamed()
            throws Exception {
        assertEquals("[]", calls.json("GET", "/v1/invoices", null).body().strip(), files.text("twin.yaml"));
        HttpResponse<String> created = calls.json("POST", "/v1/invoices", "{\"customer\":\"initech\",\"total\":5}");
        String id = JSON.readTree(created.body()).path("invoiceID").asText();
        assertTrue(id.matches("[0-9a-f-]{36}"), created.body() + "\n" + files.text("twin.yaml"));
        JsonNode invoice = JSON.readTree(calls.json("GET", "/v1/invoice/" + id, null).body());
        assertEquals("initech", invoice.path("customer").asText(), invoice.toString());
        assertEquals(1, JSON.readTree(calls.json("GET", "/v1/invoices", null).body()).size());
    }
}
