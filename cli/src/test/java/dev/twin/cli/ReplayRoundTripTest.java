package dev.twin.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.twin.recorder.Exchange;
import dev.twin.recorder.store.RecordingStore;
import dev.twin.replayer.Twin;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code replay:} end to end: WireMock's admin API recorded through the reverse proxy, its spec inferred, then a
 * twin of that spec with no table bindings answers the recorded flow's reads from the recordings, in order.
 */
class ReplayRoundTripTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static Path store;
    static Path config;

    @BeforeAll
    static void recordAndInfer() throws Exception {
        store = RecordedWireMock.recordAndInfer(dir).store();
        config = dir.resolve("twin/replay.yaml");
        Files.writeString(config, """
                version: 1
                imports:
                  - {path: openapi.yaml, as: api}
                server: {validate: off}
                replay: {store: ../twin.db, sessions: [admin]}
                """);
    }

    @Test
    void givenTheRecordedFlow_whenItsReadsAreRepeatedAgainstTheTwin_thenEachGetsTheRecordedAnswerInOrder()
            throws Exception {
        List<Exchange> recordedReads = recorded("GET");
        String first = pathOf(recordedReads, 1);
        String second = pathOf(recordedReads, 3);

        try (Twin twin = Twin.serve(config)) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            List<HttpResponse<String>> answers = new java.util.ArrayList<>();
            for (String path : List.of("/__admin/mappings", first, first, second, "/__admin/mappings")) {
                answers.add(http.send(HttpRequest.newBuilder(URI.create(twin.baseUrl() + path)).build(),
                        HttpResponse.BodyHandlers.ofString()));
            }

            assertEquals(List.of(200, 200, 200, 404, 200),
                    answers.stream().map(HttpResponse::statusCode).collect(Collectors.toList()));
            for (int i = 0; i < recordedReads.size(); i++) {
                assertEquals(JSON.readTree(recordedReads.get(i).response().body().text()),
                        json(answers.get(i)), "answer " + i + " is recorded read " + i);
            }
            assertEquals(2, json(answers.get(0)).path("mappings").size());
            assertEquals(1, json(answers.get(4)).path("mappings").size());
        }
    }

    private static List<Exchange> recorded(String method) {
        try (RecordingStore recordings = RecordingStore.openReadOnly(store);
             Stream<Exchange> exchanges = recordings.exchanges("admin")) {
            return exchanges.filter(e -> e.request().method().equals(method)).collect(Collectors.toList());
        }
    }

    private static String pathOf(List<Exchange> exchanges, int index) {
        return exchanges.get(index).request().path();
    }

    private static JsonNode json(HttpResponse<String> response) throws java.io.IOException {
        return JSON.readTree(response.body());
    }
}
