package dev.twin.inference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A plant nursery whose PUT sets the fields it sends and keeps the others, as Django REST framework's update does: a
 * PUT of a plant's name kept its {@code sunlight} of "shade" (not the default "full"). The twin keeps unsent fields
 * too ({@code update.keepUnsent}) instead of replacing the row.
 */
class KeptUnsentFieldsInferenceTest extends ServedRecordingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    Traffic recording() {
        Traffic t = new Traffic("127.0.0.1:7000");
        t.json("POST", "/plants/", "{\"name\":\"fern\",\"sunlight\":\"shade\"}", 201,
                "{\"id\":1,\"name\":\"fern\",\"sunlight\":\"shade\",\"water\":\"weekly\"}");
        t.json("POST", "/plants/", "{\"name\":\"cactus\"}", 201,
                "{\"id\":2,\"name\":\"cactus\",\"sunlight\":\"full\",\"water\":\"weekly\"}");
        t.json("POST", "/plants/", "{\"name\":\"rose\"}", 201,
                "{\"id\":3,\"name\":\"rose\",\"sunlight\":\"full\",\"water\":\"weekly\"}");
        t.json("PUT", "/plants/1/", "{\"name\":\"boston fern\"}", 200,
                "{\"id\":1,\"name\":\"boston fern\",\"sunlight\":\"shade\",\"water\":\"weekly\"}");
        t.json("GET", "/plants/1/", null, 200,
                "{\"id\":1,\"name\":\"boston fern\",\"sunlight\":\"shade\",\"water\":\"weekly\"}");
        return t;
    }

    @Test
    void givenAPutThatKeptAFieldItDidNotSend_whenTheTwinTakesAPut_thenItKeepsTheUnsentFields() throws Exception {
        JsonNode created = JSON.readTree(calls.json("POST", "/plants/",
                "{\"name\":\"ivy\",\"sunlight\":\"partial\"}").body());
        String id = created.path("id").asText();
        JsonNode put = JSON.readTree(calls.json("PUT", "/plants/" + id + "/", "{\"name\":\"english ivy\"}").body());
        String yaml = files.text("twin.yaml");
        assertEquals("partial", put.path("sunlight").asText(), put + "\n" + yaml);
        assertEquals("english ivy", put.path("name").asText(), put.toString());
        JsonNode read = JSON.readTree(calls.json("GET", "/plants/" + id + "/", null).body());
        assertEquals("partial", read.path("sunlight").asText(), read.toString());
        assertTrue(yaml.contains("keepUnsent: true"), yaml);
    }
}
