package dev.twin.inference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a server adds to, keeps from and refuses in a write, learnt from a Stripe-shaped form API: defaults it
 * answers for fields the client did not send (null, {}, a nested object), form values it keeps as strings
 * ({@code metadata[order]=42} answered {@code "42"}), a field it requires (a 400 named it when it was missing), and
 * ids of a table that was never read by path.
 */
class WriteAnswerInferenceTest extends ServedRecordingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    String apiKey() {
        return "sk_test_write";
    }

    @Override
    Traffic recording() {
        Traffic t = new Traffic("api.example.com");
        t.form("POST", "/v1/widgets", "name=a&metadata[order]=42", 200, "{\"id\":\"wid_Ab12Cd34Ef56Gh\","
                + "\"object\":\"widget\",\"name\":\"a\",\"description\":null,\"metadata\":{\"order\":\"42\"},"
                + "\"settings\":{\"color\":null,\"size\":\"m\"},\"count\":2,\"tier\":\"basic\"}");
        t.form("POST", "/v1/widgets", "name=b&description=big&count=5", 200, "{\"id\":\"wid_Zz98Yy76Xx54Ww\","
                + "\"object\":\"widget\",\"name\":\"b\",\"description\":\"big\",\"metadata\":{},"
                + "\"settings\":{\"color\":null,\"size\":\"m\"},\"count\":5,\"tier\":\"pro\"}");
        t.form("POST", "/v1/widgets", "description=none", 400, "{\"error\":{\"message\":\"Missing required param: "
                + "name.\",\"type\":\"invalid_request_error\",\"param\":\"name\"}}");
        t.form("POST", "/v1/widgets", "name=c", 200, "{\"id\":\"wid_Qq11Rr22Ss33Tt\",\"object\":\"widget\","
                + "\"name\":\"c\",\"description\":null,\"metadata\":{},\"settings\":{\"color\":null,\"size\":\"m\"},"
                + "\"count\":2,\"tier\":\"basic\"}");
        return t;
    }


    @Test
    void givenDefaultsTheServerAnswered_whenCreatedWithoutThoseFields_thenTheTwinAnswersTheSameDefaults()
            throws Exception {
        JsonNode created = JSON.readTree(calls.form("POST", "/v1/widgets", "name=d").body());
        assertTrue(created.path("description").isNull(), created.toString());
        assertEquals("{}", created.path("metadata").toString());
        assertEquals("{\"color\":null,\"size\":\"m\"}", created.path("settings").toString());
        assertEquals(2, created.path("count").asInt(), created.toString());
    }

    @Test
    void givenAFormValueTheServerKeptAsAString_whenCreated_thenItStaysAString() throws Exception {
        JsonNode created = JSON.readTree(calls.form("POST", "/v1/widgets", "name=e&metadata[order]=42").body());
        assertEquals("\"42\"", created.path("metadata").path("order").toString(), created.toString());
    }

    @Test
    void givenAFieldA400NamedWhenItWasMissing_whenCreatedWithoutIt_thenTheTwinRefusesLikeTheServer()
            throws Exception {
        HttpResponse<String> refused = calls.form("POST", "/v1/widgets", "description=x");
        assertEquals(400, refused.statusCode(), refused.body());
        assertEquals("name", JSON.readTree(refused.body()).path("error").path("param").asText(), refused.body());
    }

    @Test
    void givenAFieldTheServerChoseByWhetherAnotherWasSent_whenCreated_thenTheTwinChoosesTheSameWay()
            throws Exception {
        assertEquals("pro", JSON.readTree(calls.form("POST", "/v1/widgets", "name=g&count=3").body()).path("tier").asText());
        assertEquals("basic", JSON.readTree(calls.form("POST", "/v1/widgets", "name=h").body()).path("tier").asText());
        assertTrue(files.text("inference-report.md").contains("is as well explained by whether the client sent"),
                files.text("inference-report.md"));
    }

    @Test
    void givenATableNeverReadByPath_whenCreated_thenIdsHaveTheShapeTheCreatesAnswered() throws Exception {
        String id = JSON.readTree(calls.form("POST", "/v1/widgets", "name=f").body()).path("id").asText();
        assertTrue(id.matches("wid_[A-Za-z0-9]{14}"), id);
    }

}
