package dev.twin.inference;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An API that refuses to change a field of an existing row ({@code PATCH /accounts/1 {currency: eur}} → 422 naming
 * both values) while it accepts other changes: the twin refuses the same way, its message naming this request's
 * values, and keeps the row.
 */
class ImmutableFieldsInferenceTest extends ServedRecordingTest {

    @Override
    Traffic recording() {
        Traffic t = new Traffic("127.0.0.1:9000");
        t.json("POST", "/accounts", "{\"name\":\"acme\",\"currency\":\"usd\"}", 201,
                "{\"id\":1,\"name\":\"acme\",\"currency\":\"usd\"}");
        t.json("PATCH", "/accounts/1", "{\"name\":\"acme inc\"}", 200,
                "{\"id\":1,\"name\":\"acme inc\",\"currency\":\"usd\"}");
        t.json("PATCH", "/accounts/1", "{\"currency\":\"eur\"}", 422,
                "{\"error\":{\"message\":\"currency cannot change from usd to eur\"}}");
        t.json("GET", "/accounts/1", null, 200, "{\"id\":1,\"name\":\"acme inc\",\"currency\":\"usd\"}");
        return t;
    }

    @Test
    void givenAChangeTheServerRefused_whenTheTwinIsAskedTheSame_thenItRefusesNamingTheValuesAndKeepsTheRow()
            throws Exception {
        HttpResponse<String> created = calls.json("POST", "/accounts", "{\"name\":\"globex\",\"currency\":\"gbp\"}");
        assertEquals(201, created.statusCode(), created.body());
        String id = created.body().replaceAll(".*\"id\":(\\d+).*", "$1").strip();
        assertEquals(200, calls.json("PATCH", "/accounts/" + id, "{\"name\":\"globex corp\"}").statusCode());
        HttpResponse<String> refused = calls.json("PATCH", "/accounts/" + id, "{\"currency\":\"chf\"}");
        assertEquals(422, refused.statusCode(), refused.body());
        assertEquals("{\"error\":{\"message\":\"currency cannot change from gbp to chf\"}}", refused.body().strip());
        assertTrue(calls.json("GET", "/accounts/" + id, null).body().contains("\"gbp\""), "the row is kept");
        assertTrue(files.text("twin.yaml").contains("immutable:"), files.text("twin.yaml"));
    }
}
