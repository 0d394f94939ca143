package dev.twin.inference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.twin.recorder.Header;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * JSON:API item answers: {@code {"data": {"type": "articles", "id": "1", "attributes": {...}}}}, writes sending the
 * resource object under {@code data} too. A shape the item envelope was not built for (etcd's was): the twin stores
 * the resource object, merges a PATCH into its attributes and answers it under {@code data}.
 */
class JsonApiItemInferenceTest extends ServedRecordingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Header> API = List.of(new Header("Content-Type", "application/vnd.api+json"));

    @Override
    Traffic recording() {
        Traffic t = new Traffic("127.0.0.1:3000");
        t.json("GET", "/articles", null, 200, "{\"data\":[" + article("1", "One") + "," + article("2", "Two") + "]}",
                API);
        t.json("GET", "/articles/1", null, 200, "{\"data\":" + article("1", "One") + "}", API);
        t.json("GET", "/articles/2", null, 200, "{\"data\":" + article("2", "Two") + "}", API);
        t.json("POST", "/articles", "{\"data\":{\"type\":\"articles\",\"attributes\":{\"title\":\"Three\"}}}", 201,
                "{\"data\":" + article("3", "Three") + "}", API);
        t.json("GET", "/articles/3", null, 200, "{\"data\":" + article("3", "Three") + "}", API);
        t.json("PATCH", "/articles/3", "{\"data\":{\"type\":\"articles\",\"id\":\"3\",\"attributes\":{\"title\":"
                + "\"Drei\"}}}", 200, "{\"data\":" + article("3", "Drei") + "}", API);
        t.json("GET", "/articles/9", null, 404, "{\"errors\":[{\"status\":\"404\",\"title\":\"Not Found\"}]}");
        return t;
    }

    private static String article(String id, String title) {
        return "{\"type\":\"articles\",\"id\":\"" + id + "\",\"attributes\":{\"title\":\"" + title + "\"}}";
    }

    @Test
    void givenResourceObjectsUnderData_whenTheTwinCreatesReadsAndPatches_thenEachAnswerIsUnderData()
            throws Exception {
        String yaml = files.text("twin.yaml");
        assertTrue(yaml.contains("itemEnvelope:\n      field: data"), yaml);

        HttpResponse<String> created = calls.send("POST", "/articles", "application/json",
                "{\"data\":{\"type\":\"articles\",\"attributes\":{\"title\":\"Four\"}}}");
        assertEquals(201, created.statusCode(), created.body() + "\n" + yaml);
        JsonNode data = JSON.readTree(created.body()).path("data");
        assertEquals("Four", data.path("attributes").path("title").asText(), created.body());
        assertEquals("articles", data.path("type").asText(), created.body());
        String id = data.path("id").asText();
        assertTrue(!id.isEmpty(), created.body());
        assertEquals("application/vnd.api+json", created.headers().firstValue("Content-Type").orElse(""));

        HttpResponse<String> patched = calls.send("PATCH", "/articles/" + id, "application/json",
                "{\"data\":{\"type\":\"articles\",\"id\":\"" + id + "\",\"attributes\":{\"title\":\"Vier\"}}}");
        assertEquals(200, patched.statusCode(), patched.body());
        assertEquals("Vier", JSON.readTree(patched.body()).path("data").path("attributes").path("title").asText(),
                patched.body());

        HttpResponse<String> read = calls.json("GET", "/articles/" + id, null);
        assertEquals(200, read.statusCode(), read.body());
        assertEquals(JSON.readTree(patched.body()), JSON.readTree(read.body()), read.body());
        assertEquals(1, JSON.readTree(read.body()).size(), read.body());
    }
}
