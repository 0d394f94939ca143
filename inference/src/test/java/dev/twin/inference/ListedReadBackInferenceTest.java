package dev.twin.inference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Projects created by {@code PUT /projects/{name}} answered with no body, and first seen again in the list: the list
 * shows what the server stored, so a field it filled in ({@code labels: []}) is a default the twin fills in too;
 * an object that repeats what the client sent ({@code summary: {owner}}) is no constant default.
 */
class ListedReadBackInferenceTest extends ServedRecordingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    Traffic recording() {
        Traffic t = new Traffic("127.0.0.1:7000");
        t.json("GET", "/projects", null, 200, "[{\"name\":\"core\",\"owner\":\"ann\",\"labels\":[\"team\"],"
                + "\"summary\":{\"owner\":\"ann\"}}]");
        t.json("PUT", "/projects/web", "{\"owner\":\"bob\",\"labels\":[\"ui\"]}", 201, null);
        t.json("GET", "/projects/web", null, 200, "{\"name\":\"web\",\"owner\":\"bob\",\"labels\":[\"ui\"],"
                + "\"summary\":{\"owner\":\"bob\"}}");
        t.json("PUT", "/projects/docs", "{\"owner\":\"cy\"}", 201, null);
        t.json("GET", "/projects", null, 200, "[{\"name\":\"core\",\"owner\":\"ann\",\"labels\":[\"team\"],"
                + "\"summary\":{\"owner\":\"ann\"}},{\"name\":\"docs\",\"owner\":\"cy\",\"labels\":[],"
                + "\"summary\":{\"owner\":\"cy\"}},{\"name\":\"web\",\"owner\":\"bob\",\"labels\":[\"ui\"],"
                + "\"summary\":{\"owner\":\"bob\"}}]");
        return t;
    }

    @Test
    void givenARowFirstReadInAList_whenTheTwinCreatesOneWithoutAField_thenItFillsInTheListedDefault()
            throws Exception {
        HttpResponse<String> put = calls.json("PUT", "/projects/blog", "{\"owner\":\"dee\"}");
        assertEquals(201, put.statusCode(), put.body());
        JsonNode blog = JSON.readTree(calls.json("GET", "/projects/blog", null).body());
        assertEquals(JSON.readTree("[]"), blog.path("labels"), blog.toString());
        assertFalse(blog.path("summary").path("owner").asText().equals("cy"),
                "the listed row's summary echoed what its PUT sent; no default: " + blog);
        assertTrue(files.text("inference-report.md").contains("labels"), files.text("inference-report.md"));
    }
}
