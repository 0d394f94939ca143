package dev.twin.replayer.internal.binding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.twin.replayer.config.ConfigException;
import dev.twin.replayer.testing.YamlTwin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code extend[].view}: CouchDB's {@code _all_docs} lists the documents table in a shape of its own
 * ({@code {id, key, value: {rev}}}), by ascending id, with {@code startkey}/{@code endkey} ranges and
 * {@code include_docs=true} adding each document; writes to the table show in the view at once.
 */
class ListViewTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String SPEC = """
            openapi: 3.0.3
            info: {title: docs, version: '1'}
            paths:
              /docs:
                get:
                  operationId: listDocs
                  responses: {'200': {description: ok}}
                post:
                  operationId: createDoc
                  requestBody: {content: {application/json: {schema: {type: object}}}}
                  responses: {'201': {description: created}}
              /docs/_all_docs:
                get:
                  operationId: allDocs
                  parameters:
                    - {name: startkey, in: query, schema: {type: string}}
                    - {name: endkey, in: query, schema: {type: string}}
                    - {name: include_docs, in: query, schema: {type: string}}
                    - {name: limit, in: query, schema: {type: integer}}
                    - {name: skip, in: query, schema: {type: integer}}
                    - {name: descending, in: query, schema: {type: string}}
                  responses: {'200': {description: ok}}
              /docs/{id}:
                parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                delete:
                  operationId: deleteDoc
                  responses: {'204': {description: gone}}
            """;

    @TempDir
    static Path dir;
    private static YamlTwin twin;

    @BeforeAll
    static void start() throws Exception {
        twin = YamlTwin.serve(dir, SPEC, """
                imports:
                  - {path: spec.yaml, as: couch}
                tables:
                  - name: docs
                    idField: _id
                    seedData:
                      - {_id: novel-emma, _rev: 1-a, title: Emma}
                      - {_id: novel-dune, _rev: 2-b, title: Dune}
                      - {_id: novel-ulysses, _rev: 1-c, title: Ulysses}
                    response:
                      list: {style: none, bareArray: true}
                extend:
                  - {mock: couch.listDocs, table: docs, action: list}
                  - {mock: couch.createDoc, table: docs, action: create}
                  - {mock: couch.deleteDoc, table: docs, action: delete}
                  - mock: couch.allDocs
                    table: docs
                    action: list
                    view:
                      list: {style: offset, order: id-ascending, dataField: rows, totalField: total_rows,
                             offsetParam: skip, offsetField: offset, descendingParam: descending, defaultLimit: 0}
                      fields: {id: _id, key: _id, value.rev: _rev}
                      include: {param: include_docs, field: doc}
                      range: {start: startkey, end: endkey, totalCountsAll: true}
                """);
    }

    @AfterAll
    static void stop() {
        twin.close();
    }

    @Test
    void givenTheView_whenListed_thenEachRowInTheViewsShapeByAscendingId() throws Exception {
        JsonNode all = get("/docs/_all_docs", "tenant-shape");
        assertEquals(3, all.path("total_rows").asInt());
        assertEquals(0, all.path("offset").asInt());
        assertEquals(JSON.readTree("{\"id\":\"novel-dune\",\"key\":\"novel-dune\",\"value\":{\"rev\":\"2-b\"}}"),
                all.path("rows").get(0));
        assertEquals(List.of("novel-dune", "novel-emma", "novel-ulysses"), ids(all));
        assertEquals(List.of("novel-ulysses", "novel-emma"), ids(get("/docs/_all_docs?descending=true&limit=2",
                "tenant-shape")));
        assertEquals(List.of("novel-emma"), ids(get("/docs/_all_docs?limit=1&skip=1", "tenant-shape")));
    }

    @Test
    void givenAQuotedKeyRange_whenListed_thenOnlyTheIdsInItAndTheTotalOfAll() throws Exception {
        JsonNode fromE = get("/docs/_all_docs?startkey=%22novel-e%22", "tenant-range");
        assertEquals(List.of("novel-emma", "novel-ulysses"), ids(fromE));
        assertEquals(3, fromE.path("total_rows").asInt());
        assertEquals(List.of("novel-dune"),
                ids(get("/docs/_all_docs?startkey=%22novel-d%22&endkey=%22novel-e%22", "tenant-range")));
    }

    @Test
    void givenIncludeDocs_whenListed_thenEachItemCarriesItsRow() throws Exception {
        JsonNode rows = get("/docs/_all_docs?include_docs=true", "tenant-include").path("rows");
        assertEquals("Dune", rows.get(0).path("doc").path("title").asText());
        assertEquals("novel-dune", rows.get(0).path("doc").path("_id").asText());
        assertTrue(get("/docs/_all_docs?include_docs=false", "tenant-include").path("rows").get(0).path("doc")
                .isMissingNode());
    }

    @Test
    void givenWritesToTheTable_whenTheViewIsListed_thenItShowsThem() throws Exception {
        HttpResponse<String> created = twin.send("POST", "/docs", "tenant-writes",
                "{\"_id\":\"a-first\",\"_rev\":\"1-d\",\"title\":\"A\"}");
        assertEquals(201, created.statusCode(), created.body());
        HttpResponse<String> deleted = twin.send("DELETE", "/docs/novel-emma", "tenant-writes", null);
        assertEquals(204, deleted.statusCode(), deleted.body());
        JsonNode all = get("/docs/_all_docs", "tenant-writes");
        assertEquals(List.of("a-first", "novel-dune", "novel-ulysses"), ids(all));
        assertEquals(3, all.path("total_rows").asInt());
        assertTrue(get("/docs", "tenant-writes").isArray(), "the table's own list keeps its own shape");
    }

    @Test
    void givenAViewOnAGet_whenLoaded_thenAConfigErrorNamesIt() throws Exception {
        ConfigException error = assertThrows(ConfigException.class, () -> YamlTwin.serve(dir.resolve("bad"), SPEC, """
                imports:
                  - {path: spec.yaml, as: couch}
                tables:
                  - {name: docs, idField: _id}
                extend:
                  - {mock: couch.createDoc, table: docs, action: create, view: {fields: {id: _id}}}
                """));
        assertTrue(error.getMessage().contains("twin.yaml:6") && error.getMessage().contains("view")
                && error.getMessage().contains("only used with action: list"), error.getMessage());
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.path("rows").forEach(row -> ids.add(row.path("id").asText()));
        return ids;
    }

    private static JsonNode get(String path, String tenant) throws Exception {
        HttpResponse<String> answer = twin.send("GET", path, tenant, null);
        assertEquals(200, answer.statusCode(), answer.body());
        return JSON.readTree(answer.body());
    }
}
