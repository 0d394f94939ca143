package dev.twin.inference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * State transitions inferred from before/after evidence: {@code POST /v1/orders/{order}/pay} and {@code .../void}
 * become custom operations that set a constant status, copy {@code amount_paid ← amount}, take {@code note} from
 * the request, choose the status by {@code capture} of the row, stamp {@code voided_at} with the clock, and refuse
 * a call on a row whose status the failed calls had.
 */
class TransitionInferenceTest extends ServedRecordingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long RECORDED_AT = 1_700_000_000L;

    private static String order(String id, int amount, String capture, String status, int paid, String note,
                                Object voidedAt) {
        return "{\"id\":\"" + id + "\",\"object\":\"order\",\"amount\":" + amount + ",\"capture\":\"" + capture
                + "\",\"status\":\"" + status + "\",\"amount_paid\":" + paid + ",\"note\":"
                + (note == null ? "null" : "\"" + note + "\"") + ",\"voided_at\":" + voidedAt + "}";
    }

    @Override
    String apiKey() {
        return "sk_test_transitions";
    }

    @Override
    Traffic recording() {
        Traffic t = new Traffic("api.example.com");
        String a = "ord_Aa11Bb22Cc33Dd";
        String b = "ord_Ee44Ff55Gg66Hh";
        String c = "ord_Ii77Jj88Kk99Ll";
        t.form("POST", "/v1/orders", "amount=100&capture=auto", 200, order(a, 100, "auto", "open", 0, null, null));
        t.form("POST", "/v1/orders", "amount=250&capture=manual", 200, order(b, 250, "manual", "open", 0, null, null));
        t.form("POST", "/v1/orders", "amount=75&capture=auto", 200, order(c, 75, "auto", "open", 0, null, null));
        t.form("GET", "/v1/orders/" + a, null, 200, order(a, 100, "auto", "open", 0, null, null));
        t.form("POST", "/v1/orders/" + a + "/pay", "note=thanks", 200, order(a, 100, "auto", "paid", 100, "thanks",
                null));
        t.form("POST", "/v1/orders/" + b + "/pay", "note=later", 200, order(b, 250, "manual", "authorized", 250,
                "later", null));
        t.form("POST", "/v1/orders/" + a + "/pay", "note=again", 400, "{\"error\":{\"message\":\"This order is "
                + "already paid.\",\"type\":\"invalid_request_error\",\"code\":\"order_unexpected_state\"}}");
        // recorded at RECORDED_AT + 7 (Traffic numbers exchanges a second apart)
        t.form("POST", "/v1/orders/" + c + "/void", null, 200, order(c, 75, "auto", "void", 0, null,
                RECORDED_AT + 7));
        return t;
    }


    @Test
    void givenPayCalls_whenInferred_thenACustomOperationExplainsEachChangedFieldInTheReport() {
        String yaml = files.text("twin.yaml");
        assertTrue(yaml.contains("name: PayOrder"), yaml);
        assertTrue(yaml.contains("amount_paid: row.amount"), yaml);
        assertTrue(yaml.contains("note: input.note"), yaml);
        assertTrue(yaml.contains("row.capture == 'auto' ? 'paid' : 'authorized'"), yaml);
        assertTrue(files.text("inference-report.md").contains("allowed only when row.status == 'open'"),
                files.text("inference-report.md"));
    }

    @Test
    void givenAnOpenOrder_whenPaidThroughTheTwin_thenTheRowChangesAsTheServerChangedIt() throws Exception {
        String id = JSON.readTree(calls.form("POST", "/v1/orders", "amount=40&capture=auto").body()).path("id").asText();
        JsonNode paid = JSON.readTree(calls.form("POST", "/v1/orders/" + id + "/pay", "note=hi").body());
        assertEquals("paid", paid.path("status").asText(), paid.toString());
        assertEquals(40, paid.path("amount_paid").asInt(), paid.toString());
        assertEquals("hi", paid.path("note").asText(), paid.toString());
        JsonNode read = JSON.readTree(calls.form("GET", "/v1/orders/" + id, null).body());
        assertEquals("paid", read.path("status").asText(), read.toString());
    }

    @Test
    void givenAManualCaptureOrder_whenPaid_thenTheStatusIsTheOneTheRowsCaptureChose() throws Exception {
        String id = JSON.readTree(calls.form("POST", "/v1/orders", "amount=60&capture=manual").body()).path("id").asText();
        assertEquals("authorized", JSON.readTree(calls.form("POST", "/v1/orders/" + id + "/pay", "note=x").body())
                .path("status").asText());
    }

    @Test
    void givenAPaidOrder_whenPaidAgain_thenTheTwinRefusesWithTheRecordedError() throws Exception {
        String id = JSON.readTree(calls.form("POST", "/v1/orders", "amount=10&capture=auto").body()).path("id").asText();
        calls.form("POST", "/v1/orders/" + id + "/pay", "note=once");
        HttpResponse<String> again = calls.form("POST", "/v1/orders/" + id + "/pay", "note=twice");
        assertEquals(400, again.statusCode(), again.body());
        JsonNode error = JSON.readTree(again.body()).path("error");
        assertEquals("This order is already paid.", error.path("message").asText(), again.body());
        assertEquals("order_unexpected_state", error.path("code").asText(), again.body());
    }

    @Test
    void givenAVoidCall_whenInferred_thenTheVoidTimeIsTheServersClock() {
        assertTrue(files.text("twin.yaml").contains("voided_at: request.now"), files.text("twin.yaml"));
    }

}
