package dev.twin.inference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.twin.inference.output.TwinFiles;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** WireMock-shaped lists: no paging fields, no url, the row count nested under meta.total. */
class UnpagedListInferenceTest {
    private static final ObjectMapper YAML = new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
    private static final String A = "0b2c8e4a-6f1d-4c3e-9a7b-5d2e1f0a9b8c";
    private static final String B = "7e9d1c3b-2a4f-4b6e-8c0d-1f3a5b7c9d2e";

    private static Traffic mappingsFlow() {
        Traffic t = new Traffic("127.0.0.1:8080");
        t.json("GET", "/__admin/mappings", null, 200, "{\"mappings\":[],\"meta\":{\"total\":0}}");
        t.json("POST", "/__admin/mappings", "{\"request\":{\"url\":\"/a\"}}", 201,
                "{\"id\":\"" + A + "\",\"request\":{\"url\":\"/a\"}}");
        t.json("POST", "/__admin/mappings", "{\"request\":{\"url\":\"/b\"}}", 201,
                "{\"id\":\"" + B + "\",\"request\":{\"url\":\"/b\"}}");
        t.json("GET", "/__admin/mappings", null, 200, "{\"mappings\":[{\"id\":\"" + B + "\",\"request\":{\"url\":"
                + "\"/b\"}},{\"id\":\"" + A + "\",\"request\":{\"url\":\"/a\"}}],\"meta\":{\"total\":2}}");
        t.json("GET", "/__admin/mappings/" + A, null, 200, "{\"id\":\"" + A + "\",\"request\":{\"url\":\"/a\"}}");
        t.json("DELETE", "/__admin/mappings/" + A, null, 200, "{}");
        t.json("GET", "/__admin/mappings/" + A, null, 404, null);
        return t;
    }

    @Test
    void givenListsWithoutPagingFields_whenInferred_thenStyleNoneWithTheNestedCountAndNoUrl() throws Exception {
        TwinFiles files = Inferred.files(mappingsFlow(), InferenceOptions.defaults());
        JsonNode twin = YAML.readTree(files.text("twin.yaml"));
        JsonNode list = twin.path("tables").get(0).path("response").path("list");
        assertEquals("none", list.path("style").asText(), twin.toString());
        assertEquals("mappings", list.path("dataField").asText(), twin.toString());
        assertEquals("meta.total", list.path("totalField").asText(), twin.toString());
        assertFalse(list.path("hideMeta").asBoolean(), twin.toString());
        assertFalse(list.path("extraFields").has("meta") || list.path("extraFields").has("url"), twin.toString());
        assertTrue(files.text("inference-report.md").contains("'meta.total' always equalled the number of rows"),
                files.text("inference-report.md"));
    }

    @Test
    void givenA404WithNoBody_whenInferred_thenNotFoundAnswersWithNoBody() throws Exception {
        TwinFiles files = Inferred.files(mappingsFlow(), InferenceOptions.defaults());
        JsonNode errors = YAML.readTree(files.text("twin.yaml")).path("conventions").path("errors");
        assertEquals("[\"NOT_FOUND\"]", errors.path("emptyBody").toString(), errors.toString());
        assertTrue(files.text("inference-report.md").contains("NOT_FOUND answered with no body"),
                files.text("inference-report.md"));
    }
}
