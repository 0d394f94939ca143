package dev.twin.replayer.internal.dialect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * V8's JSON.parse wording, checked against what Node 20.20.2 itself answered for 862 inputs
 * ({@code dialect/node20-json-parse.jsonl}: hand-picked ones, then single-character deletions, insertions and cuts of
 * six documents; {@code message} null where Node parsed the input).
 */
class V8JsonSyntaxTest {
    @Test
    void givenWhatNodeAnsweredForEachInput_whenWorded_thenEveryMessageIsNodesOwn() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<String> wrong = new ArrayList<>();
        int cases = 0;
        try (InputStream in = V8JsonSyntaxTest.class.getResourceAsStream("/dialect/node20-json-parse.jsonl");
             BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                JsonNode entry = json.readTree(line);
                String input = entry.get("input").textValue();
                String expected = entry.get("message").isNull() ? null : entry.get("message").textValue();
                String actual = V8JsonSyntax.message(input.getBytes(StandardCharsets.UTF_8));
                cases++;
                if (!java.util.Objects.equals(expected, actual)) {
                    wrong.add(input + " → expected " + expected + ", got " + actual);
                }
            }
        }
        assertTrue(cases > 800, "cases read: " + cases);
        assertEquals(List.of(), wrong);
    }
}
