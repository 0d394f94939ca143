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
 * A JSONPlaceholder-shaped API (json-server's answers, written out by hand): bare-array lists paged by
 * {@code _page}/{@code _limit} with {@code X-Total-Count} and {@code Link}, numeric sequence ids, comments under
 * {@code /posts/{id}/comments} holding {@code postId}, {@code {}} for a delete and for every 404, and creates that
 * name the new row in {@code Location}. Inferred with no edits, the twin must answer the same way over HTTP.
 */
class JsonServerShapedInferenceTest extends ServedRecordingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HOST = "127.0.0.1:3000";

    @Override
    Traffic recording() {
        Traffic t = new Traffic(HOST);
        t.json("GET", "/posts", null, 200, "[{\"id\":1,\"title\":\"hello\",\"userId\":1},"
                + "{\"id\":2,\"title\":\"second\",\"userId\":2}]");
        t.json("POST", "/posts", "{\"title\":\"t1\",\"userId\":1}", 201, "{\"title\":\"t1\",\"userId\":1,\"id\":3}",
                List.of(new Header("Location", "http://" + HOST + "/posts/3")));
        t.json("POST", "/posts", "{\"title\":\"t2\",\"userId\":\"2\"}", 201,
                "{\"title\":\"t2\",\"userId\":\"2\",\"id\":4}", List.of(new Header("Location", "http://" + HOST + "/posts/4")));
        t.json("GET", "/posts/3", null, 200, "{\"title\":\"t1\",\"userId\":1,\"id\":3}");
        t.json("PUT", "/posts/4", "{\"title\":\"t2r\"}", 200, "{\"title\":\"t2r\",\"id\":4}");
        t.json("GET", "/posts?_page=1&_limit=2", null, 200, "[{\"id\":1,\"title\":\"hello\",\"userId\":1},"
                + "{\"id\":2,\"title\":\"second\",\"userId\":2}]", List.of(new Header("X-Total-Count", "4"),
                new Header("Link", "<http://" + HOST + "/posts?_page=1&_limit=2>; rel=\"first\", <http://" + HOST
                        + "/posts?_page=2&_limit=2>; rel=\"next\", <http://" + HOST
                        + "/posts?_page=2&_limit=2>; rel=\"last\"")));
        t.json("GET", "/posts?_sort=title&_order=desc", null, 200, "[{\"title\":\"t2r\",\"id\":4},"
                + "{\"title\":\"t1\",\"userId\":1,\"id\":3},{\"id\":2,\"title\":\"second\",\"userId\":2},"
                + "{\"id\":1,\"title\":\"hello\",\"userId\":1}]");
        t.json("GET", "/posts/1/comments", null, 200, "[{\"id\":1,\"body\":\"nice\",\"postId\":1}]");
        t.json("POST", "/comments", "{\"body\":\"c\",\"postId\":3}", 201, "{\"body\":\"c\",\"postId\":3,\"id\":2}",
                List.of(new Header("Location", "http://" + HOST + "/comments/2")));
        t.json("GET", "/posts/3/comments", null, 200, "[{\"body\":\"c\",\"postId\":3,\"id\":2}]");
        t.json("GET", "/posts/3?_embed=comments", null, 200, "{\"title\":\"t1\",\"userId\":1,\"id\":3,"
                + "\"comments\":[{\"body\":\"c\",\"postId\":3,\"id\":2}]}");
        t.json("DELETE", "/posts/4", null, 200, "{}");
        t.json("GET", "/posts/4", null, 404, "{}");
        t.json("GET", "/posts/99", null, 404, "{}");
        return t;
    }


    @Test
    void givenOnlyThePostsThatExistedBeforeTheFirstWrite_whenListed_thenTheyAreTheSeedsOldestFirst() throws Exception {
        HttpResponse<String> list = calls.json("GET", "/posts", null);
        assertEquals("[{\"id\":1,\"title\":\"hello\",\"userId\":1},{\"id\":2,\"title\":\"second\",\"userId\":2}]",
                list.body());
    }

    @Test
    void givenNumericIds_whenCreated_thenTheNextIdIsANumberAndLocationNamesIt() throws Exception {
        HttpResponse<String> created = calls.json("POST", "/posts", "{\"title\":\"new\",\"userId\":1}");
        assertEquals(201, created.statusCode(), created.body());
        JsonNode body = JSON.readTree(created.body());
        assertTrue(body.path("id").isIntegralNumber(), created.body());
        assertEquals("http://127.0.0.1:" + twin.port() + "/posts/" + body.path("id").asLong(),
                created.headers().firstValue("Location").orElse(""));
        assertEquals(created.body(), calls.json("GET", "/posts/" + body.path("id").asLong(), null).body());
        calls.json("DELETE", "/posts/" + body.path("id").asLong(), null);
    }

    @Test
    void givenPageParameters_whenListed_thenOnePageWithTheTotalAndLinkHeaders() throws Exception {
        HttpResponse<String> page = calls.json("GET", "/posts?_page=2&_limit=1", null);
        assertEquals("[{\"id\":2,\"title\":\"second\",\"userId\":2}]", page.body());
        assertEquals("2", page.headers().firstValue("X-Total-Count").orElse(""));
        String base = "http://127.0.0.1:" + twin.port() + "/posts?_page=";
        assertEquals("<" + base + "1&_limit=1>; rel=\"first\", <" + base + "1&_limit=1>; rel=\"prev\", <" + base
                + "2&_limit=1>; rel=\"last\"", page.headers().firstValue("Link").orElse(""));
    }

    @Test
    void givenALimitLargerThanAnyRecorded_whenListed_thenTheTwinTakesItAsTheServerWould() throws Exception {
        HttpResponse<String> page = calls.json("GET", "/posts?_page=1&_limit=5000", null);
        assertEquals(200, page.statusCode(), page.body());
        assertEquals("2", page.headers().firstValue("X-Total-Count").orElse(""));
    }

    @Test
    void givenSortParameters_whenListed_thenRowsComeInThatOrder() throws Exception {
        HttpResponse<String> sorted = calls.json("GET", "/posts?_sort=title&_order=desc", null);
        assertEquals("[{\"id\":2,\"title\":\"second\",\"userId\":2},{\"id\":1,\"title\":\"hello\",\"userId\":1}]",
                sorted.body());
    }

    @Test
    void givenCommentsUnderAPost_whenListed_thenOnlyThatPostsCommentsByItsPostIdField() throws Exception {
        assertEquals("[{\"id\":1,\"body\":\"nice\",\"postId\":1}]", calls.json("GET", "/posts/1/comments", null).body());
        assertEquals("[]", calls.json("GET", "/posts/2/comments", null).body());
        assertTrue(files.text("twin.yaml").contains("parentFields:\n    post: postId"), files.text("twin.yaml"));
    }

    @Test
    void givenAnEmbedParameter_whenAPostIsRead_thenItsCommentsAreEmbedded() throws Exception {
        assertEquals("{\"id\":1,\"title\":\"hello\",\"userId\":1,\"comments\":[{\"id\":1,\"body\":\"nice\","
                + "\"postId\":1}]}", calls.json("GET", "/posts/1?_embed=comments", null).body());
        assertEquals("{\"id\":1,\"title\":\"hello\",\"userId\":1}", calls.json("GET", "/posts/1", null).body());
    }

    @Test
    void givenAnApiThatAnswers404WithAnEmptyObject_whenARowIsMissing_thenTheTwinAnswersTheSame() throws Exception {
        HttpResponse<String> missing = calls.json("GET", "/posts/12345", null);
        assertEquals(404, missing.statusCode());
        assertEquals("{}", missing.body());
    }

    @Test
    void givenAFieldSentAsANumberAndAsAString_whenCreated_thenBothAreAccepted() throws Exception {
        HttpResponse<String> created = calls.json("POST", "/posts", "{\"title\":\"s\",\"userId\":\"7\"}");
        assertEquals(201, created.statusCode(), created.body());
        assertEquals("7", JSON.readTree(created.body()).path("userId").textValue(), created.body());
        calls.json("DELETE", "/posts/" + JSON.readTree(created.body()).path("id").asLong(), null);
    }

}
