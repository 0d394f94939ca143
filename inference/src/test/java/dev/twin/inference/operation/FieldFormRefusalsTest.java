package dev.twin.inference.operation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.twin.recorder.Body;
import dev.twin.recorder.Header;
import dev.twin.recorder.RecordedResponse;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When a refused write shows a field's form is checked, and when something else may have been the cause. */
class FieldFormRefusalsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY_A = "7F3A-91C0-BE42-0D6F";
    private static final String KEY_B = "A0B1-C2D3-E4F5-9687";

    private static FieldFormRefusals accepted() throws Exception {
        FieldFormRefusals refusals = new FieldFormRefusals();
        refusals.accept(json("{\"key\":\"" + KEY_A + "\",\"holder\":\"ann\"}"), answer(201, "{}"), json("{}"));
        refusals.accept(json("{\"key\":\"" + KEY_B + "\",\"holder\":\"bob\"}"), answer(201, "{}"), json("{}"));
        return refusals;
    }

    @Test
    void givenARefusalWhoseOnlyDifferenceIsTheKeysForm_whenFound_thenTheKeyIsCheckedAndTheEchoIsATemplate()
            throws Exception {
        FieldFormRefusals refusals = accepted();
        refusals.accept(json("{\"key\":\"abc\",\"holder\":\"cy\"}"), answer(422, "{\"error\":\"bad key 'abc'\"}"),
                json("{\"error\":\"bad key 'abc'\"}"));
        List<FieldFormRefusals.Found> found = refusals.found();
        assertEquals(1, found.size(), found.toString());
        assertEquals("key", found.get(0).field());
        assertEquals("bad key '{{sent}}'", found.get(0).body().path("error").asText());
        assertTrue(found.get(0).form().matches(KEY_A) && found.get(0).form().matches(KEY_B));
    }

    @Test
    void givenARefusalThatAlsoSentAFieldNoAcceptedWriteSent_whenFound_thenNothingIsLearned() throws Exception {
        FieldFormRefusals refusals = accepted();
        refusals.accept(json("{\"key\":\"abc\",\"holder\":\"cy\",\"seats\":-1}"), answer(422, "{\"error\":\"no\"}"),
                json("{\"error\":\"no\"}"));
        assertEquals(List.of(), refusals.found());
    }

    @Test
    void givenARefusalThatSentAnotherFieldAsAnotherType_whenFound_thenNothingIsLearned() throws Exception {
        FieldFormRefusals refusals = accepted();
        refusals.accept(json("{\"key\":\"abc\",\"holder\":7}"), answer(422, "{\"error\":\"no\"}"),
                json("{\"error\":\"no\"}"));
        assertEquals(List.of(), refusals.found());
    }

    @Test
    void givenARefusalLackingAFieldItsAnswerNames_whenFound_thenNothingIsLearned() throws Exception {
        FieldFormRefusals refusals = accepted();
        refusals.accept(json("{\"key\":\"abc\"}"), answer(422, "{\"error\":\"holder is required\"}"),
                json("{\"error\":\"holder is required\"}"));
        assertEquals(List.of(), refusals.found());
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    private static RecordedResponse answer(int status, String body) {
        return new RecordedResponse(status, List.of(new Header("Content-Type", "application/json")), Body.of(body));
    }
}
