package dev.twin.inference;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A made-up teams API that refuses a team with no members (422) and accepted every team sent with some: the twin's
 * request schema says {@code minItems: 1}, so it refuses an empty list too and accepts a filled one; the report gives
 * the decision low confidence.
 */
class EmptyArrayRefusalInferenceTest extends ServedRecordingTest {
    @Override
    Traffic recording() {
        Traffic t = new Traffic("127.0.0.1:8080");
        t.json("POST", "/teams", "{\"name\":\"core\",\"members\":[\"ann\",\"bob\"]}", 201,
                "{\"id\":\"3f0e2a9c-1b7d-4c5e-8a6f-2d9b0c1e4f7a\",\"name\":\"core\",\"members\":[\"ann\",\"bob\"]}");
        t.json("POST", "/teams", "{\"name\":\"web\",\"members\":[\"cy\"]}", 201,
                "{\"id\":\"8b1c4d2e-7f3a-4e6b-9c0d-5a2f1e8b3c6d\",\"name\":\"web\",\"members\":[\"cy\"]}");
        t.json("POST", "/teams", "{\"name\":\"empty\",\"members\":[]}", 422,
                "{\"message\":\"members should have at least 1 items\"}");
        t.json("GET", "/teams", null, 200, "[{\"id\":\"3f0e2a9c-1b7d-4c5e-8a6f-2d9b0c1e4f7a\",\"name\":\"core\","
                + "\"members\":[\"ann\",\"bob\"]},{\"id\":\"8b1c4d2e-7f3a-4e6b-9c0d-5a2f1e8b3c6d\",\"name\":\"web\","
                + "\"members\":[\"cy\"]}]");
        return t;
    }

    @Test
    void givenAnEmptyListWasRefused_whenATeamIsSentWithoutMembers_thenTheTwinRefusesItToo() throws Exception {
        HttpResponse<String> refused = calls.json("POST", "/teams", "{\"name\":\"none\",\"members\":[]}");
        assertEquals(422, refused.statusCode(), refused.body());
        HttpResponse<String> accepted = calls.json("POST", "/teams", "{\"name\":\"ops\",\"members\":[\"dee\"]}");
        assertEquals(201, accepted.statusCode(), accepted.body());
        assertTrue(files.text("openapi.yaml").contains("minItems: 1"), files.text("openapi.yaml"));
        assertTrue(files.text("inference-report.md").contains("'members' sent empty was refused")
                && files.text("inference-report.md").contains("low confidence"), files.text("inference-report.md"));
    }
}
