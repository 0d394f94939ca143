package dev.twin.replayer.internal.binding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.twin.replayer.Twin;
import dev.twin.replayer.internal.sandbox.SandboxFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code list.descendingParam}: CouchDB's {@code descending=true} lists the rows in the reverse of the default order,
 * paging included; anything but {@code true} keeps the default.
 */
class DescendingListTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dir;
    private static Twin twin;

    @BeforeAll
    static void start() throws Exception {
        Files.writeString(dir.resolve("spec.yaml"), SandboxFixture.SPEC);
        Files.writeString(dir.resolve("twin.yaml"), """
                imports:
                  - {path: spec.yaml, as: things}
                tables:
                  - name: things
                    idField: id
                    seedData: [{id: apple}, {id: banana}, {id: cherry}]
                    response:
                      list: {style: offset, order: oldest-first, dataField: rows, offsetParam: skip,
                             descendingParam: descending, defaultLimit: 0}
                extend:
                  - {mock: things.listThings, table: things, action: list}
                """);
        twin = Twin.serve(dir.resolve("twin.yaml"));
    }

    @AfterAll
    static void stop() {
        twin.close();
    }

    @Test
    void givenNoDirection_whenListed_thenTheDefaultOrder() throws Exception {
        assertEquals(List.of("apple", "banana", "cherry"), ids("/things"));
        assertEquals(List.of("apple", "banana", "cherry"), ids("/things?descending=false"));
    }

    @Test
    void givenDescendingTrue_whenListedAndPaged_thenTheOrderIsReversedBeforePaging() throws Exception {
        assertEquals(List.of("cherry", "banana", "apple"), ids("/things?descending=true"));
        assertEquals(List.of("banana"), ids("/things?descending=true&limit=1&skip=1"));
    }

    private static List<String> ids(String path) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(twin.baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        List<String> ids = new ArrayList<>();
        for (JsonNode row : JSON.readTree(answer.body()).path("rows")) {
            ids.add(row.path("id").asText());
        }
        return ids;
    }
}
