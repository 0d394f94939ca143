package dev.twin.inference;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An API that refuses a write under a parent that does not exist ({@code POST /posts/99/comments} → 404 with a body
 * of its own naming it): the twin refuses the same way, naming the post asked for, and accepts writes under a post
 * created through the twin.
 */
class ParentRowsInferenceTest extends ServedRecordingTest {

    @Override
    Traffic recording() {
        Traffic t = new Traffic("127.0.0.1:3000");
        t.json("POST", "/posts", "{\"title\":\"a\"}", 201, "{\"id\":1,\"title\":\"a\"}");
        t.json("GET", "/posts/1", null, 200, "{\"id\":1,\"title\":\"a\"}");
        t.json("POST", "/posts/1/comments", "{\"body\":\"hi\"}", 201, "{\"id\":1,\"body\":\"hi\",\"postId\":1}");
        t.json("POST", "/posts/1/comments", "{\"body\":\"yo\"}", 201, "{\"id\":2,\"body\":\"yo\",\"postId\":1}");
        t.json("GET", "/posts/1/comments/1", null, 200, "{\"id\":1,\"body\":\"hi\",\"postId\":1}");
        t.json("POST", "/posts/99/comments", "{\"body\":\"lost\"}", 404, "{\"message\":\"no post 99\"}");
        t.json("GET", "/posts/7", null, 404, "{}");
        return t;
    }

    @Test
    void givenAWriteUnderAMissingParentWasRefused_whenTheTwinIsAsked_thenItRefusesAndAcceptsUnderALiveOne()
            throws Exception {
        assertTrue(files.text("twin.yaml").contains("parentTables:"), files.text("twin.yaml"));
        HttpResponse<String> lost = calls.json("POST", "/posts/42/comments", "{\"body\":\"lost\"}");
        assertEquals(404, lost.statusCode(), lost.body());
        assertEquals("{\"message\":\"no post 42\"}", lost.body().strip(), "the missing post's own id");

        HttpResponse<String> post = calls.json("POST", "/posts", "{\"title\":\"b\"}");
        assertEquals(201, post.statusCode(), post.body());
        String id = post.body().replaceAll(".*\"id\":(\\d+).*", "$1").strip();
        HttpResponse<String> comment = calls.json("POST", "/posts/" + id + "/comments", "{\"body\":\"ok\"}");
        assertEquals(201, comment.statusCode(), comment.body());
        assertTrue(files.text("inference-report.md").contains("parent 'post' names a row of posts"),
                files.text("inference-report.md"));
    }
}
