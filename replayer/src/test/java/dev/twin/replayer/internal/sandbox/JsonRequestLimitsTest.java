package dev.twin.replayer.internal.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * JSON bodies nested too deeply or holding too many values, over real sockets: a 400 in the API's error shape
 * naming the top-level member (the message says {@code body.extra}, the error's param {@code extra}, as for every
 * JSON body violation), and the thing created before reads back the same afterwards.
 */
class JsonRequestLimitsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "sk_test_json_limits";

    @TempDir
    static Path dir;
    private static SandboxFixture twin;
    private static String thingPath;
    private static String thing;

    @BeforeAll
    static void start() throws Exception {
        twin = SandboxFixture.start(dir, "");
        HttpResponse<String> created = twin.postJson("/things", KEY, "{\"name\": \"lamp\"}");
        assertEquals(201, created.statusCode(), created.body());
        thingPath = "/things/" + JSON.readTree(created.body()).get("id").asText();
        thing = created.body();
    }

    @AfterAll
    static void stop() {
        twin.close();
    }

    @Test
    void aThousandLevelsOfJsonAreRefusedNamingTheMember() throws Exception {
        HttpResponse<String> reply = twin.postJson("/things", KEY, nested("extra", 1000));

        assertRefused(reply, "extra", "Invalid body.extra: parameters can be nested at most 32 levels deep.");
        assertTheTwinStillAnswersTheSame();
    }

    @Test
    void jsonNestedFarDeeperThanAnyThreadStackIsRefusedNotDropped() throws Exception {
        HttpResponse<String> reply = twin.postJson("/things", KEY, nested("extra", 200_000));

        assertRefused(reply, "extra", "Invalid body.extra: parameters can be nested at most 32 levels deep.");
        assertTheTwinStillAnswersTheSame();
    }

    @Test
    void thirtyTwoLevelsAreWithinTheLimit() throws Exception {
        HttpResponse<String> reply = twin.postJson("/things", KEY, nested("extra", 31));

        assertEquals(201, reply.statusCode(), reply.body());
    }

    @Test
    void aHundredThousandMembersAreRefusedNamingTheMember() throws Exception {
        StringBuilder body = new StringBuilder("{\"name\": \"flood\", \"tags\": {");
        for (int i = 0; i < 100_000; i++) {
            body.append(i == 0 ? "" : ",").append("\"k").append(i).append("\": 1");
        }
        HttpResponse<String> reply = twin.postJson("/things", KEY, body.append("}}").toString());

        assertRefused(reply, "tags", "Too many parameters: a request can send at most 1000 "
                + "(body.tags is beyond the limit).");
        assertTheTwinStillAnswersTheSame();
    }

    /** {@code {"name": "x", "member": {"a": {"a": ... 1}}}} with {@code levels} objects under member. */
    private static String nested(String member, int levels) {
        return "{\"name\": \"x\", \"" + member + "\": " + "{\"a\": ".repeat(levels) + "1" + "}".repeat(levels) + "}";
    }

    private static void assertRefused(HttpResponse<String> reply, String param, String message) throws Exception {
        assertEquals(400, reply.statusCode(), reply.body());
        JsonNode error = JSON.readTree(reply.body()).get("error");
        assertEquals(param, error.get("param").asText(), reply.body());
        assertEquals(message, error.get("message").asText());
    }

    private static void assertTheTwinStillAnswersTheSame() throws Exception {
        HttpResponse<String> again = twin.get(thingPath, KEY);
        assertEquals(200, again.statusCode(), again.body());
        assertEquals(JSON.readTree(thing), JSON.readTree(again.body()));
    }
}
