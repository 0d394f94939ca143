package dev.twin.inference;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A catalogue API that sends a book's fields in an order of its own, the id after the title and the server's
 * timestamp last, whatever order the client wrote them in: the twin's answers come in that order, byte for byte.
 */
class FieldOrderInferenceTest extends ServedRecordingTest {

    @Override
    Traffic recording() {
        Traffic t = new Traffic("127.0.0.1:7000");
        t.json("GET", "/books/7", null, 200,
                "{\"title\":\"Dune\",\"id\":7,\"author\":\"Herbert\",\"pages\":412,\"added\":\"2024-01-02\"}");
        t.json("POST", "/books", "{\"pages\":300,\"author\":\"Le Guin\",\"title\":\"Earthsea\"}", 201,
                "{\"title\":\"Earthsea\",\"id\":8,\"author\":\"Le Guin\",\"pages\":300,\"added\":\"2024-01-03\"}");
        t.json("GET", "/books", null, 200, "[{\"title\":\"Dune\",\"id\":7,\"author\":\"Herbert\",\"pages\":412,"
                + "\"added\":\"2024-01-02\"},{\"title\":\"Earthsea\",\"id\":8,\"author\":\"Le Guin\",\"pages\":300,"
                + "\"added\":\"2024-01-03\"}]");
        t.json("GET", "/books/8", null, 200,
                "{\"title\":\"Earthsea\",\"id\":8,\"author\":\"Le Guin\",\"pages\":300,\"added\":\"2024-01-03\"}");
        return t;
    }

    @Test
    void givenRowsInTheApisOwnOrder_whenTheTwinAnswers_thenItsFieldsComeInThatOrder() throws Exception {
        assertTrue(files.text("twin.yaml").contains("order:"), files.text("twin.yaml"));
        assertTrue(files.text("inference-report.md").contains("field order"), files.text("inference-report.md"));

        HttpResponse<String> created = calls.json("POST", "/books",
                "{\"pages\":180,\"title\":\"Solaris\",\"author\":\"Lem\"}");
        assertEquals(201, created.statusCode(), created.body());
        assertFieldsInOrder(created.body());
        assertFieldsInOrder(calls.json("GET", "/books/7", null).body());
        assertFieldsInOrder(calls.json("GET", "/books", null).body());
    }

    /** title, id, author, pages, added: each object's first field is the title, and so on. */
    private static void assertFieldsInOrder(String body) {
        int title = body.indexOf("\"title\"");
        int id = body.indexOf("\"id\"");
        int author = body.indexOf("\"author\"");
        int pages = body.indexOf("\"pages\"");
        assertTrue(title >= 0 && title < id && id < author && author < pages, body);
        assertTrue(body.startsWith("{\"title\"") || body.startsWith("[{\"title\""), body);
    }
}
