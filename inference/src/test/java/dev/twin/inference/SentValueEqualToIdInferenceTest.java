package dev.twin.inference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A notes API where, by chance, every note read back had a {@code folderId} equal to its own id (note 1 in folder 1,
 * note 2 in folder 2): the client sent {@code folderId}, so it is the client's value, not a field repeating the id,
 * and a note created without one has none.
 */
class SentValueEqualToIdInferenceTest extends ServedRecordingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    Traffic recording() {
        Traffic t = new Traffic("127.0.0.1:7000");
        int[] folders = {1, 2, 1};
        for (int i = 1; i <= 3; i++) {
            String row = "{\"text\":\"note " + i + "\",\"folderId\":" + folders[i - 1] + ",\"id\":" + i + "}";
            t.json("POST", "/notes", "{\"text\":\"note " + i + "\",\"folderId\":" + folders[i - 1] + "}", 201, row);
        }
        t.json("GET", "/notes/1", null, 200, "{\"text\":\"note 1\",\"folderId\":1,\"id\":1}");
        t.json("GET", "/notes/2", null, 200, "{\"text\":\"note 2\",\"folderId\":2,\"id\":2}");
        return t;
    }

    @Test
    void givenASentFieldThatEqualledTheIdInEveryRead_whenANoteIsCreatedWithoutIt_thenItHasNone() throws Exception {
        JsonNode created = JSON.readTree(calls.json("POST", "/notes", "{\"text\":\"loose note\"}").body());
        String yaml = files.text("twin.yaml");
        assertFalse(created.has("folderId"), created + "\n" + yaml);
        JsonNode filed = JSON.readTree(calls.json("POST", "/notes", "{\"text\":\"filed\",\"folderId\":2}").body());
        assertEquals(2, filed.path("folderId").asInt(), filed.toString());
    }
}
