package dev.twin.inference;

import dev.twin.inference.output.TwinFiles;
import dev.twin.replayer.Twin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Recordings that give inference little or contradictory to go on still give a twin that serves what it can, and a
 * report that says what could not be decided: only reads, one sample, a field of changing type, HTML error pages,
 * a binary body, a huge list.
 */
class AwkwardRecordingInferenceTest {
    @TempDir
    Path dir;

    private static Traffic awkward() {
        Traffic t = new Traffic("api.example.com");
        StringBuilder huge = new StringBuilder("[");
        for (int i = 1; i <= 20_000; i++) {
            huge.append(i == 1 ? "" : ",").append("{\"id\":").append(i).append(",\"n\":\"row ").append(i).append("\"}");
        }
        t.json("GET", "/rows", null, 200, huge.append("]").toString());
        t.json("GET", "/rows/1", null, 200, "{\"id\":1,\"n\":\"row 1\"}");
        t.json("GET", "/rows/2", null, 200, "{\"id\":2,\"n\":2}");
        t.add("GET", "/rows/3", null, null, 500, "<html><body>Internal error</body></html>");
        t.add("GET", "/logo.png", null, null, 200, null);
        t.add("POST", "/upload", "application/octet-stream", "\u0000\u0001binary", 201, "{\"ok\":true}");
        t.json("GET", "/status", null, 200, "{\"up\":true}");
        return t;
    }

    @Test
    void givenOnlyReadsOneSampleMixedTypesHtmlAndBinary_whenInferred_thenTheTwinServesWhatItCan() throws Exception {
        TwinFiles files = Inferred.files(awkward(), InferenceOptions.defaults());
        Twin twin = Inferred.serve(files, dir);
        try {
            TwinCalls calls = new TwinCalls(twin, null);
            HttpResponse<String> row = calls.json("GET", "/rows/1", null);
            assertEquals(200, row.statusCode(), row.body());
            assertEquals(200, calls.json("GET", "/status", null).statusCode());
            HttpResponse<String> page = calls.json("GET", "/rows", null);
            assertEquals(200, page.statusCode());
            assertTrue(page.body().startsWith("[{\"id\":1,"), page.body().substring(0, 40));
        } finally {
            twin.close();
        }
        String report = files.text("inference-report.md");
        assertTrue(report.contains("rows beyond 5000 left out"), report);
        assertTrue(files.text("openapi.yaml").contains("anyOf"), "the field seen as text and as a number");
    }

    /**
     * A stray '%' in a parent's path value and in a list's query (not a percent escape): kept as written, as the
     * server's own decoding does, never an exception out of inference.
     */
    @Test
    void givenStrayPercentSignsInPathsAndQueries_whenInferred_thenInferenceFinishesAndServes() throws Exception {
        Traffic t = new Traffic("127.0.0.1:3000");
        t.json("POST", "/posts", "{\"title\":\"a\"}", 201, "{\"id\":1,\"title\":\"a\"}");
        t.json("POST", "/posts/1/comments", "{\"body\":\"hi\"}", 201, "{\"id\":1,\"body\":\"hi\",\"postId\":1}");
        t.json("GET", "/posts/1/comments/1", null, 200, "{\"id\":1,\"body\":\"hi\",\"postId\":1}");
        t.json("POST", "/posts/50%off/comments", "{\"body\":\"x\"}", 404, "{\"message\":\"no post 50%off\"}");
        t.json("PATCH", "/posts/1", "{\"title\":\"b\"}", 200, "{\"id\":1,\"title\":\"b\"}");
        t.json("GET", "/posts/1", null, 200, "{\"id\":1,\"title\":\"b\"}");
        t.json("GET", "/posts/_summary?startkey=%zz", null, 200, "[{\"id\":1,\"label\":\"b\"}]");
        t.json("GET", "/posts/_summary", null, 200, "[{\"id\":1,\"label\":\"b\"}]");
        TwinFiles files = Inferred.files(t, InferenceOptions.defaults());
        Twin twin = Inferred.serve(files, dir);
        try {
            TwinCalls calls = new TwinCalls(twin, null);
            assertEquals(201, calls.json("POST", "/posts", "{\"title\":\"c\"}").statusCode());
            HttpResponse<String> summary = calls.json("GET", "/posts/_summary", null);
            assertEquals(200, summary.statusCode(), summary.body());
        } finally {
            twin.close();
        }
    }
}
