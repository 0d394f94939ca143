package dev.twin.inference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One comment, read once: comment 1 of post 1. That its {@code postId} equals the id in the path is a coincidence
 * of one sample, not a field repeating the row's id: the twin does not make every comment its own post.
 */
class OneSampleEchoInferenceTest extends ServedRecordingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    Traffic recording() {
        Traffic t = new Traffic("127.0.0.1:7000");
        t.json("POST", "/posts", "{\"title\":\"hello\"}", 201, "{\"title\":\"hello\",\"id\":1}");
        t.json("POST", "/comments", "{\"postId\":1,\"body\":\"first\"}", 201,
                "{\"postId\":1,\"body\":\"first\",\"id\":1}");
        t.json("GET", "/comments/1", null, 200, "{\"postId\":1,\"body\":\"first\",\"id\":1}");
        t.json("GET", "/comments", null, 200, "[{\"postId\":1,\"body\":\"first\",\"id\":1}]");
        return t;
    }

    @Test
    void givenOneCommentOfTheSameIdAsItsPost_whenTheTwinMakesAnother_thenItsPostIdIsNotItsOwnId() throws Exception {
        assertFalse(files.text("twin.yaml").contains("postId: \"{{item.id}}\""), files.text("twin.yaml"));
        HttpResponse<String> created = calls.json("POST", "/comments", "{\"body\":\"no post named\"}");
        assertEquals(201, created.statusCode(), created.body());
        JsonNode comment = JSON.readTree(created.body());
        assertTrue(comment.path("postId").isMissingNode() || !comment.path("postId").asText()
                .equals(comment.path("id").asText()), comment.toString());
    }
}
