package dev.twin.inference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A list that only ever listed, whose items are another table's rows under other names (a directory of users as
 * {@code {id, displayName}}): the twin lists the users table through that shape, so a user created or deleted
 * through the twin shows in the directory at once, and the directory is not a table seeded with what it listed.
 */
class ListViewInferenceTest extends ServedRecordingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    Traffic recording() {
        Traffic t = new Traffic("127.0.0.1:8080");
        t.json("GET", "/users", null, 200, "[{\"id\":1,\"name\":\"Ada\",\"team\":\"core\"}]");
        t.json("POST", "/users", "{\"name\":\"Grace\",\"team\":\"core\"}", 201,
                "{\"id\":2,\"name\":\"Grace\",\"team\":\"core\"}");
        t.json("POST", "/users", "{\"name\":\"Linus\",\"team\":\"kernel\"}", 201,
                "{\"id\":3,\"name\":\"Linus\",\"team\":\"kernel\"}");
        t.json("GET", "/directory", null, 200, "[{\"id\":1,\"displayName\":\"Ada\"},"
                + "{\"id\":2,\"displayName\":\"Grace\"},{\"id\":3,\"displayName\":\"Linus\"}]");
        t.json("GET", "/users/2", null, 200, "{\"id\":2,\"name\":\"Grace\",\"team\":\"core\"}");
        t.json("DELETE", "/users/2", null, 204, null);
        t.json("GET", "/directory", null, 200, "[{\"id\":1,\"displayName\":\"Ada\"},"
                + "{\"id\":3,\"displayName\":\"Linus\"}]");
        return t;
    }

    @Test
    void givenAListOfAnotherTablesRowsUnderOtherNames_whenTheTableChanges_thenTheListShowsIt() throws Exception {
        String twinYaml = files.text("twin.yaml");
        assertTrue(twinYaml.contains("view:") && twinYaml.contains("id: id")
                && twinYaml.contains("displayName: name"), twinYaml);
        assertFalse(twinYaml.contains("name: directory"), twinYaml);

        HttpResponse<String> created = calls.json("POST", "/users", "{\"name\":\"Barbara\",\"team\":\"core\"}");
        assertEquals(201, created.statusCode(), created.body());
        JsonNode barbara = JSON.readTree(created.body());
        JsonNode directory = JSON.readTree(calls.json("GET", "/directory", null).body());
        assertEquals(JSON.readTree("{\"id\":" + barbara.path("id") + ",\"displayName\":\"Barbara\"}"),
                directory.get(directory.size() - 1), directory.toString());

        assertEquals(204, calls.json("DELETE", "/users/1", null).statusCode());
        for (JsonNode entry : JSON.readTree(calls.json("GET", "/directory", null).body())) {
            assertFalse(entry.path("displayName").asText().equals("Ada"), entry.toString());
        }
        assertTrue(files.text("inference-report.md").contains("view: /directory lists these rows"),
                files.text("inference-report.md"));
    }
}
