package dev.twin.inference.operation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The default order of a list, and the parameter that reverses it, from the rows answers listed. */
class ListEvidenceOrderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void givenAnswersInIdOrderAndADescendingRequest_whenRead_thenTheDefaultIsAscendingAndTheParameterReversesIt()
            throws Exception {
        ListEvidence evidence = new ListEvidence();
        evidence.accept(rows("a", "b", "c"), List.of(), Map.of(), Map.of());
        evidence.accept(rows("c", "b"), List.of(), Map.of("descending", "true", "limit", "2"), Map.of());

        assertEquals(Boolean.TRUE, evidence.ascendingByText("id"));
        assertEquals("descending", evidence.descendingParam("id"));
    }

    @Test
    void givenOnlyAscendingAnswers_whenRead_thenNoParameterReverses() throws Exception {
        ListEvidence evidence = new ListEvidence();
        evidence.accept(rows("a", "b", "c"), List.of(), Map.of(), Map.of());
        evidence.accept(rows("a", "b"), List.of(), Map.of("descending", "false"), Map.of());

        assertEquals(Boolean.TRUE, evidence.ascendingByText("id"));
        assertNull(evidence.descendingParam("id"));
    }

    private static JsonNode rows(String... ids) throws Exception {
        StringBuilder json = new StringBuilder("{\"rows\":[");
        for (int i = 0; i < ids.length; i++) {
            json.append(i == 0 ? "" : ",").append("{\"id\":\"").append(ids[i]).append("\"}");
        }
        return JSON.readTree(json.append("]}").toString());
    }
}
