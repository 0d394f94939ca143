package dev.twin.inference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.twin.inference.output.TwinFiles;
import dev.twin.replayer.Twin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TwilioShapedInferenceTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String ACCOUNT = "AC0123456789abcdef0123456789abcdef";
    private static final String[] SIDS = {"SM00000000000000000000000000000a01", "SM5f2b8c9d0e1f2a3b4c5d6e7f8a9b0c1d",
            "SMaabbccddeeff00112233445566778899"};

    @TempDir
    Path dir;

    static String message(String sid, String to, String status) {
        return """
                {"sid":"%s","account_sid":"%s","to":"%s","from":"+15017122661","body":"Hello","status":"%s",
                 "date_created":"Thu, 24 Aug 2023 05:01:45 +0000","date_updated":"Thu, 24 Aug 2023 05:01:45 +0000",
                 "api_version":"2010-04-01","uri":"/2010-04-01/Accounts/%s/Messages/%s.json"}"""
                .formatted(sid, ACCOUNT, to, status, ACCOUNT, sid);
    }

    static Traffic messages() {
        Traffic t = new Traffic("api.twilio.com");
        String base = "/2010-04-01/Accounts/" + ACCOUNT;
        t.form("GET", base + ".json", null, 200, """
                {"sid":"%s","friendly_name":"My account","status":"active",
                 "date_created":"Mon, 01 May 2023 10:00:00 +0000","date_updated":"Mon, 01 May 2023 10:00:00 +0000"}"""
                .formatted(ACCOUNT));
        for (int i = 0; i < SIDS.length; i++) {
            t.form("POST", base + "/Messages.json", "To=%2B1415555267" + i + "&From=%2B15017122661&Body=Hello", 201,
                    message(SIDS[i], "+1415555267" + i, "queued"));
        }
        for (String sid : SIDS) {
            t.form("GET", base + "/Messages/" + sid + ".json", null, 200, message(sid, "+14155552671", "sent"));
        }
        t.form("GET", base + "/Messages.json?PageSize=2&Page=0", null, 200, """
                {"messages":[%s,%s],"page":0,"page_size":2,"start":0,"end":1,
                 "first_page_uri":"%s/Messages.json?PageSize=2&Page=0","previous_page_uri":null,
                 "next_page_uri":"%s/Messages.json?PageSize=2&Page=1","uri":"%s/Messages.json?PageSize=2&Page=0"}"""
                .formatted(message(SIDS[2], "+14155552672", "sent"), message(SIDS[1], "+14155552671", "sent"),
                        base, base, base));
        t.form("DELETE", base + "/Messages/" + SIDS[0] + ".json", null, 204, null);
        t.form("GET", base + "/Messages/" + SIDS[0] + ".json", null, 404, """
                {"code":20404,"message":"The requested resource %s/Messages/%s.json was not found",
                 "more_info":"https://www.twilio.com/docs/errors/20404","status":404}""".formatted(base, SIDS[0]));
        return t;
    }

    private final TwinFiles files = Inferred.files(messages(), InferenceOptions.defaults());

    @Test
    void givenTwilioTraffic_whenInferred_thenSidsBecomeSidParametersWithTheirJsonSuffix() {
        String openapi = files.text("openapi.yaml");
        assertTrue(openapi.contains("\n  /2010-04-01/Accounts/{AccountSid}/Messages/{Sid}.json:\n"), openapi);
        assertTrue(openapi.contains("\n  /2010-04-01/Accounts/{AccountSid}/Messages.json:\n"), openapi);
        assertTrue(openapi.contains("\n  /2010-04-01/Accounts/{Sid}.json:\n"), openapi);
    }

    @Test
    void givenTwilioTraffic_whenInferred_thenMessagesUseSmSidsThePageEnvelopeAndTheFlatErrorBody() throws Exception {
        JsonNode twin = YAML.readTree(files.text("twin.yaml"));
        JsonNode messages = null;
        for (JsonNode table : twin.path("tables")) {
            if (table.path("name").asText().equals("messages")) {
                messages = table;
            }
        }
        assertTrue(messages != null, twin.toString());
        assertEquals("sid", messages.path("idField").asText());
        assertEquals("pattern", messages.path("idStrategy").asText());
        assertEquals("SM[0-9a-f]{32}", messages.path("idPattern").asText());
        JsonNode list = messages.path("response").path("list");
        assertEquals("page", list.path("style").asText());
        assertEquals("messages", list.path("dataField").asText());
        assertEquals("next_page_uri", list.path("pageFields").path("nextPageUri").asText());
        assertEquals(201, messages.path("response").path("create").path("status").asInt());
        assertEquals(204, messages.path("response").path("delete").path("status").asInt());
        assertEquals("rfc2822", twin.path("conventions").path("timestamps").path("format").asText());
        assertEquals("date_created", messages.path("response").path("timestamps").path("fields").path("createdAt")
                .asText());
        JsonNode errors = twin.path("conventions").path("errors");
        assertEquals("", errors.path("wrap").asText());
        assertEquals("status", errors.path("fields").path("status").asText());
        assertEquals(20404, errors.path("codeMap").path("NOT_FOUND").asInt());
        assertTrue(errors.path("extraFields").path("more_info").asText().contains("{{error.code}}"));
        assertEquals("The requested resource {{request.path}} was not found",
                errors.path("messageMap").path("NOT_FOUND").asText());
    }

    @Test
    void givenPhoneNumbersInRows_whenSeeded_thenTheyAreTestNumbers() {
        TwinFiles finalState = Inferred.files(messages(), new InferenceOptions(null, null,
                InferenceOptions.SeedMode.FINAL));
        String seed = finalState.text("seed/messages.json");
        assertTrue(seed.contains("+15005550006"), seed);
        assertFalse(seed.contains("+1415555267"), seed);
    }

    @Test
    void givenTwilioTraffic_whenServed_thenTheTwinStarts() throws Exception {
        Twin server = Inferred.serve(files, dir);
        server.close();
    }

    @Test
    void givenTwilioTraffic_whenInferred_thenSwaggerParserHasNothingToSay() throws Exception {
        assertEquals(java.util.List.of(), Inferred.parserMessages(files, dir));
    }
}
